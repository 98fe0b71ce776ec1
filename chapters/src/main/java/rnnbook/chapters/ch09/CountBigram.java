package rnnbook.chapters.ch09;

/**
 * The count bigram of makemore's first lecture: P(b | a) = (c(a, b) + 1) / (c(a) + V), counts of each pair of
 * neighbouring tokens plus one (add-one smoothing, so no pair has probability zero).
 */
public final class CountBigram {
    private final int vocab;
    private final int[][] counts;
    private final int[] rowTotals;

    public CountBigram(int vocab, int[] train) {
        if (train.length < 2) {
            throw new IllegalArgumentException("CountBigram: need at least 2 training tokens, got " + train.length);
        }
        this.vocab = vocab;
        this.counts = new int[vocab][vocab];
        this.rowTotals = new int[vocab];
        for (int i = 1; i < train.length; i++) {
            counts[id(train, i - 1)][id(train, i)]++;
            rowTotals[train[i - 1]]++;
        }
    }

    public double probability(int previous, int next) {
        return (counts[previous][next] + 1.0) / (rowTotals[previous] + vocab);
    }

    /** Mean -ln P(ids[i] | ids[i-1]) over i = 1.. : nats per token. */
    public double nats(int[] ids) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("CountBigram.nats: need at least 2 tokens, got " + ids.length);
        }
        double sum = 0;
        for (int i = 1; i < ids.length; i++) {
            sum -= Math.log(probability(id(ids, i - 1), id(ids, i)));
        }
        return sum / (ids.length - 1);
    }

    private int id(int[] ids, int i) {
        if (ids[i] < 0 || ids[i] >= vocab) {
            throw new IllegalArgumentException("CountBigram: id " + ids[i] + " at position " + i
                    + " is outside the vocabulary 0.." + (vocab - 1));
        }
        return ids[i];
    }
}
