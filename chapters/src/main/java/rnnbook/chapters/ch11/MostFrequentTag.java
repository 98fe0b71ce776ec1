package rnnbook.chapters.ch11;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline every tagger must beat: tag each known word with the tag it had most often in training; tag an
 * unknown word with the tag most often seen on the rare training words (seen once) of its signature, or, for a
 * signature no rare word had, on all rare words. Ties go to the tag listed first in {@link UniversalTags#TAGS}.
 */
public final class MostFrequentTag {
    // tag::baseline[]
    private final Map<String, int[]> byWord = new HashMap<>();        // word -> count of each tag
    private final Map<String, int[]> bySignature = new HashMap<>();   // signature -> tag counts of rare words
    private final int[] rare = new int[UniversalTags.TAGS.size()];    // tag counts of all rare words

    public MostFrequentTag(List<Corpus.Sentence> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("MostFrequentTag: no training sentences");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Corpus.Sentence s : training) {
            for (int i = 0; i < s.length(); i++) {
                byWord.computeIfAbsent(s.words().get(i), w -> new int[rare.length])[s.tags()[i]]++;
                seen.merge(s.words().get(i), 1, Integer::sum);
            }
        }
        for (Corpus.Sentence s : training) {
            for (int i = 0; i < s.length(); i++) {
                String w = s.words().get(i);
                if (seen.get(w) == 1) {
                    bySignature.computeIfAbsent(Vocabulary.signature(w), k -> new int[rare.length])[s.tags()[i]]++;
                    rare[s.tags()[i]]++;
                }
            }
        }
    }

    /** The tag (index into the universal tags) of one word. */
    public int tag(String word) {
        int[] counts = byWord.get(word);
        if (counts == null) {
            counts = bySignature.getOrDefault(Vocabulary.signature(word), rare);
        }
        return argmax(counts);
    }

    /** The tags of a sentence, word by word: the baseline never looks at the neighbours. */
    public int[] tags(List<String> sentence) {
        if (sentence.isEmpty()) {
            throw new IllegalArgumentException("tags: an empty sentence has no words to tag");
        }
        return sentence.stream().mapToInt(this::tag).toArray();
    }

    static int argmax(int[] counts) {
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return best;
    }
    // end::baseline[]
}
