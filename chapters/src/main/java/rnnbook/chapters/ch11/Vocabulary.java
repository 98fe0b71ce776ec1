package rnnbook.chapters.ch11;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word ids for the tagger. A word seen at least {@code minCount} times in training has its own id; any other word,
 * in training or later, gets the id of its <em>signature</em>, an unknown-word class read from its spelling
 * ({@link #signature}). Ids 0 .. {@code SIGNATURES.size() - 1} are the signatures, so training sees them on its
 * rare words and learns what an unknown word in a given context is likely to be.
 */
public final class Vocabulary {
    // tag::unknown[]
    /** The unknown-word classes, tried in this order. */
    public static final List<String> SIGNATURES = List.of(
            "<unk-number>", "<unk-Capital>", "<unk-hyphen>", "<unk-ing>", "<unk-ed>", "<unk-ly>", "<unk-s>", "<unk>");

    /** The class of an unknown word: has a digit, starts with a capital, has a hyphen, or ends in -ing, -ed, -ly, -s. */
    public static String signature(String word) {
        if (word == null || word.isBlank()) {
            throw new IllegalArgumentException("signature: a word must have at least one character, got '" + word
                    + "'");
        }
        if (word.chars().anyMatch(Character::isDigit)) {
            return "<unk-number>";
        }
        if (Character.isUpperCase(word.codePointAt(0))) {
            return "<unk-Capital>";
        }
        if (word.indexOf('-') > 0) {
            return "<unk-hyphen>";
        }
        for (String ending : List.of("ing", "ed", "ly", "s")) {
            if (word.endsWith(ending) && word.length() > ending.length() + 2) {
                return "<unk-" + ending + ">";
            }
        }
        return "<unk>";
    }
    // end::unknown[]

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>(SIGNATURES);
    private final int minCount;

    /** The vocabulary of {@code training}: every word seen at least {@code minCount} times, after the signatures. */
    public Vocabulary(List<Corpus.Sentence> training, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("Vocabulary: minCount must be at least 1, got " + minCount);
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException("Vocabulary: no training sentences to count words in");
        }
        this.minCount = minCount;
        for (int i = 0; i < SIGNATURES.size(); i++) {
            ids.put(SIGNATURES.get(i), i);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        training.forEach(s -> s.words().forEach(w -> counts.merge(w, 1, Integer::sum)));
        counts.forEach((word, n) -> {
            if (n >= minCount && !ids.containsKey(word)) {
                ids.put(word, words.size());
                words.add(word);
            }
        });
    }

    /** The id of {@code word}: its own if it was seen often enough, else its signature's. */
    public int id(String word) {
        Integer id = ids.get(word);
        return id != null ? id : ids.get(signature(word));
    }

    /** Whether {@code word} has an id of its own. */
    public boolean known(String word) {
        return ids.containsKey(word) && ids.get(word) >= SIGNATURES.size();
    }

    /** The word (or signature) of an id. */
    public String word(int id) {
        return words.get(id);
    }

    public int size() {
        return words.size();
    }

    public int minCount() {
        return minCount;
    }

    /** The ids of a sentence's words; an empty sentence is an error. */
    public int[] ids(List<String> sentence) {
        if (sentence.isEmpty()) {
            throw new IllegalArgumentException("ids: an empty sentence has no words to tag");
        }
        return sentence.stream().mapToInt(this::id).toArray();
    }
}
