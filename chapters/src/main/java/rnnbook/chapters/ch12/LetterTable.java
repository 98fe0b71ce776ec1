package rnnbook.chapters.ch12;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: one phoneme per letter, each letter's most frequent phoneme. It learns only from the training
 * words with as many phonemes as letters, where letter i can be paired with phoneme i without any alignment
 * (CAT, K AE T); a letter it never saw gets the most frequent phoneme overall. Silent letters, "ph" and "x"
 * (two phonemes) are beyond it by construction.
 */
public final class LetterTable {
    private final Map<String, String> phonemeOf = new HashMap<>();
    private final String fallback;

    public LetterTable(List<Pronunciations.Word> train) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> overall = new HashMap<>();
        for (Pronunciations.Word w : train) {
            if (w.letters().size() != w.phonemes().size()) {
                continue;   // no one-to-one pairing to learn from
            }
            for (int i = 0; i < w.letters().size(); i++) {
                counts.computeIfAbsent(w.letters().get(i), k -> new HashMap<>()).merge(w.phonemes().get(i), 1, Integer::sum);
                overall.merge(w.phonemes().get(i), 1, Integer::sum);
            }
        }
        if (overall.isEmpty()) {
            throw new IllegalArgumentException("LetterTable: none of the " + train.size()
                    + " training words has as many phonemes as letters");
        }
        counts.forEach((letter, c) -> phonemeOf.put(letter, mostFrequent(c)));
        fallback = mostFrequent(overall);
    }

    /** Each letter's phoneme, in order. */
    public List<String> pronounce(List<String> letters) {
        return letters.stream().map(l -> phonemeOf.getOrDefault(l, fallback)).toList();
    }

    /** The most frequent key; ties go to the alphabetically first, so the table does not depend on hash order. */
    static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .orElseThrow().getKey();
    }
}
