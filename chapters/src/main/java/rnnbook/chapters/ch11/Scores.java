package rnnbook.chapters.ch11;

import java.util.List;

/** Per-token accuracy over real tokens, the confusion matrix, and what padding would add to the count. */
public final class Scores {
    private Scores() {
    }

    // tag::accuracy[]
    /**
     * Accuracy over real tokens: of the positions whose gold tag is not {@code ignore} (padding), the share whose
     * predicted tag equals the gold one. gold and predicted are (seq, batch) grids of tag indices.
     */
    public static double maskedAccuracy(int[][] gold, int[][] predicted, int ignore) {
        int right = 0, real = 0;
        for (int t = 0; t < gold.length; t++) {
            for (int b = 0; b < gold[t].length; b++) {
                if (gold[t][b] != ignore) {
                    real++;
                    right += gold[t][b] == predicted[t][b] ? 1 : 0;
                }
            }
        }
        if (real == 0) {
            throw new IllegalArgumentException("maskedAccuracy: every position is padding; no real token to score");
        }
        return (double) right / real;
    }
    // end::accuracy[]

    /** What a tagger got right on a test set: counts over real tokens, split by known and unknown words. */
    public record Evaluation(int right, int real, int unknownRight, int unknownReal, int[][] confusion,
                             List<int[]> predictions) {
        public double accuracy() {
            return (double) right / real;
        }

        public double knownAccuracy() {
            return (double) (right - unknownRight) / (real - unknownReal);
        }

        public double unknownAccuracy() {
            return unknownReal == 0 ? Double.NaN : (double) unknownRight / unknownReal;
        }
    }

    /** Scores predictions (one int[] per sentence) against the gold tags; unknown means without an id of its own. */
    public static Evaluation evaluate(List<Corpus.Sentence> test, List<int[]> predictions, Vocabulary vocabulary) {
        if (test.isEmpty() || test.size() != predictions.size()) {
            throw new IllegalArgumentException("evaluate: " + test.size() + " sentences and " + predictions.size()
                    + " predictions; need the same, at least one");
        }
        int k = UniversalTags.TAGS.size();
        int[][] confusion = new int[k][k];
        int right = 0, real = 0, unknownRight = 0, unknownReal = 0;
        for (int i = 0; i < test.size(); i++) {
            Corpus.Sentence s = test.get(i);
            for (int t = 0; t < s.length(); t++) {
                boolean ok = s.tags()[t] == predictions.get(i)[t];
                confusion[s.tags()[t]][predictions.get(i)[t]]++;
                real++;
                right += ok ? 1 : 0;
                if (!vocabulary.known(s.words().get(t))) {
                    unknownReal++;
                    unknownRight += ok ? 1 : 0;
                }
            }
        }
        return new Evaluation(right, real, unknownRight, unknownReal, confusion, predictions);
    }

    // tag::padding[]
    /**
     * Padding positions when {@code sentences} are cut, in their order, into batches of {@code size} and each batch is
     * padded to its longest sentence: sum over batches of (size of batch * longest - sum of lengths).
     */
    public static long paddingPositions(List<Corpus.Sentence> sentences, int size) {
        long padding = 0;
        for (int from = 0; from < sentences.size(); from += size) {
            List<Corpus.Sentence> batch = sentences.subList(from, Math.min(sentences.size(), from + size));
            int longest = batch.stream().mapToInt(Corpus.Sentence::length).max().orElse(0);
            padding += (long) batch.size() * longest - batch.stream().mapToInt(Corpus.Sentence::length).sum();
        }
        return padding;
    }
    // end::padding[]
}
