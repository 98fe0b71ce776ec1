package rnnbook.chapters.ch10;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import rnnbook.data.WordVocabulary;

/** Turning text into what the two classifiers read: lower-cased words for the GRU, n-gram sets for the baseline. */
public final class Tokens {
    private Tokens() {
    }

    // tag::tokens[]
    /** Lower-cased words and punctuation, at most {@code max} of them (the first ones). */
    public static List<String> words(String text, int max) {
        List<String> all = WordVocabulary.tokenize(text.toLowerCase(Locale.ROOT));
        return all.size() > max ? all.subList(0, max) : all;
    }

    /** Token ids for the GRU; an empty text becomes the one unknown token, so that no row has length zero. */
    public static int[] ids(WordVocabulary vocabulary, List<String> words) {
        return words.isEmpty() ? new int[] {vocabulary.id(WordVocabulary.UNKNOWN)} : vocabulary.encode(words);
    }

    /** The distinct unigrams and bigrams of a text: the baseline's bag of n-grams (order and counts dropped). */
    public static Set<String> ngrams(List<String> words) {
        Set<String> out = new LinkedHashSet<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1));
        }
        return out;
    }
    // end::tokens[]

    /** Every word of every text, in order: what a vocabulary is built from. */
    public static List<String> concat(List<List<String>> texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(out::addAll);
        return out;
    }
}
