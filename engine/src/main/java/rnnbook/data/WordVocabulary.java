package rnnbook.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word vocabulary: each distinct token (a string) gets an integer id.
 *
 * <p>Order: with the unknown token, it is id 0 and shows as {@value #UNKNOWN}; the words follow in the order they
 * first appear in the training tokens. Words seen fewer than {@code minCount} times are left out (and then encode
 * as the unknown token). Without the unknown token, encoding an unseen word is an error naming the word and its
 * position.
 */
public final class WordVocabulary {
    public static final String UNKNOWN = "<unk>";

    // a word: letters (Hangul included) with marks, digits and inner apostrophes; or a run of digits; or any
    // other single non-space character (punctuation)
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}'’]*|\\p{N}+|\\S");

    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final boolean hasUnknown;

    private WordVocabulary(List<String> tokens, boolean hasUnknown, int minCount) {
        this.hasUnknown = hasUnknown;
        if (hasUnknown) {
            words.add(UNKNOWN);
            ids.put(UNKNOWN, 0);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();   // first-seen order
        for (String t : tokens) {
            counts.merge(t, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount && !ids.containsKey(e.getKey())) {
                ids.put(e.getKey(), words.size());
                words.add(e.getKey());
            }
        }
    }

    /** Every distinct token; unseen tokens are an error when encoding. */
    public static WordVocabulary of(List<String> tokens) {
        return new WordVocabulary(tokens, false, 1);
    }

    /** Tokens seen at least {@code minCount} times, plus {@value #UNKNOWN} (id 0) for everything else. */
    public static WordVocabulary withUnknown(List<String> tokens, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        return new WordVocabulary(tokens, true, minCount);
    }

    /**
     * Splits text into words and punctuation: "I'm here, 나는 한국 사람이야." gives
     * [I'm, here, ",", 나는, 한국, 사람이야, "."]. Case is kept.
     */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public int size() {
        return words.size();
    }

    public boolean hasUnknown() {
        return hasUnknown;
    }

    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    public int id(String word) {
        return idAt(word, -1);
    }

    private int idAt(String word, int position) {
        Integer id = ids.get(word);
        if (id != null) {
            return id;
        }
        if (hasUnknown) {
            return 0;
        }
        throw new IllegalArgumentException("unknown word \"" + word + "\""
                + (position >= 0 ? " at position " + position : "") + ": the vocabulary has " + size()
                + " words; use WordVocabulary.withUnknown to map unseen words to " + UNKNOWN);
    }

    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = idAt(tokens.get(i), i);
        }
        return out;
    }

    public List<String> decode(int[] idSequence) {
        List<String> out = new ArrayList<>(idSequence.length);
        for (int i = 0; i < idSequence.length; i++) {
            int id = idSequence[i];
            if (id < 0 || id >= size()) {
                throw new IllegalArgumentException("id " + id + " at position " + i + " is outside the vocabulary's 0.."
                        + (size() - 1));
            }
            out.add(words.get(id));
        }
        return out;
    }

    public String word(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " is outside the vocabulary's 0.." + (size() - 1));
        }
        return words.get(id);
    }

    /** Every word in id order. */
    public List<String> words() {
        return Collections.unmodifiableList(words);
    }

    @Override
    public String toString() {
        return "WordVocabulary of " + size() + " words" + (hasUnknown ? " (with " + UNKNOWN + ")" : "");
    }
}
