package rnnbook.chapters.ch12;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import rnnbook.data.sets.CmuDict;

/**
 * The grapheme-to-phoneme data: words of the CMU Pronouncing Dictionary as letters in, phonemes out.
 * Only each word's first pronunciation, only words spelled with the letters A to Z, stress marks removed (the
 * 39 phonemes of the dictionary's phone list): the setting of the published results the chapter compares with.
 */
public final class Pronunciations {
    private Pronunciations() {
    }

    /** One word: its letters and its phonemes, each as a list of symbols. */
    public record Word(String spelling, List<String> letters, List<String> phonemes) {
    }

    /** A word encoded for the model: letter ids in, phoneme ids out (no start or end tokens). */
    public record Example(Word word, int[] source, int[] target) {
    }

    /** Words of 2 to {@code maxLetters} letters A-Z, first pronunciation only, stress digits removed. */
    public static List<Word> words(List<CmuDict.Pronunciation> entries, int maxLetters) {
        List<Word> out = new ArrayList<>();
        for (CmuDict.Pronunciation p : entries) {
            String w = p.word();
            if (p.variant() != 0 || !w.matches("[A-Z]+") || w.length() < 2 || w.length() > maxLetters) {
                continue;
            }
            List<String> phonemes = new ArrayList<>();
            for (String ph : p.phonemes()) {
                phonemes.add(ph.replaceAll("[012]$", ""));   // AH0, AH1, AH2 -> AH
            }
            out.add(new Word(w, letters(w), phonemes));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no word of 2 to " + maxLetters + " letters A-Z among "
                    + entries.size() + " dictionary entries");
        }
        return out;
    }

    /** The letters of a spelling, one symbol each. */
    public static List<String> letters(String spelling) {
        List<String> out = new ArrayList<>();
        spelling.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
    }

    /** The letters table of {@code words}. */
    public static Symbols letterSymbols(List<Word> words) {
        Set<String> all = new TreeSet<>();
        words.forEach(w -> all.addAll(w.letters()));
        return new Symbols("letters", all);
    }

    /** The phoneme table of {@code words}. */
    public static Symbols phonemeSymbols(List<Word> words) {
        Set<String> all = new TreeSet<>();
        words.forEach(w -> all.addAll(w.phonemes()));
        return new Symbols("phonemes", all);
    }

    /** Every word encoded with the two tables; a letter or phoneme outside them is an error naming it. */
    public static List<Example> encode(List<Word> words, Symbols letters, Symbols phonemes) {
        List<Example> out = new ArrayList<>();
        for (Word w : words) {
            out.add(new Example(w, letters.encode(w.letters()), phonemes.encode(w.phonemes())));
        }
        return out;
    }
}
