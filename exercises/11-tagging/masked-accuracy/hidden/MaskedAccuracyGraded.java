package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of masked-accuracy: seeded padded batches, what comes back recorded. */
@Timeout(5)
class MaskedAccuracyGraded {
    private static final int PAD = -100;

    /** A (seq, batch) pair of grids: random lengths 1..seq, 12 tags, predictions right about 80% of the time. */
    private static int[][][] batch(long seed, int seq, int size) {
        Random rng = new Random(seed);
        int[][] gold = new int[seq][size];
        int[][] predicted = new int[seq][size];
        for (int b = 0; b < size; b++) {
            int length = 1 + rng.nextInt(seq);
            for (int t = 0; t < seq; t++) {
                gold[t][b] = t < length ? rng.nextInt(12) : PAD;
                predicted[t][b] = rng.nextDouble() < 0.8 && t < length ? gold[t][b] : rng.nextInt(12);
            }
        }
        return new int[][][] {gold, predicted};
    }

    @Test
    @DisplayName("accuracy of a padded batch")
    @Points(3)
    @Hint("padding positions count neither as right nor as words")
    void a_accuracy() {
        int[][][] g = batch(111, 9, 7);
        Record.value("accuracy (seed 111)", MaskedAccuracy.accuracy(g[0], g[1], PAD));
        int[][][] h = batch(112, 20, 16);
        Record.value("accuracy (seed 112)", MaskedAccuracy.accuracy(h[0], h[1], PAD));
    }

    @Test
    @DisplayName("what counting padding as right claims")
    @Points(3)
    @Hint("divide by every position of the grid; a padding position counts as right")
    void b_withPadding() {
        int[][][] g = batch(113, 12, 10);
        Record.value("withPaddingCounted (seed 113)", MaskedAccuracy.withPaddingCounted(g[0], g[1], PAD));
    }

    @Test
    @DisplayName("a grid without padding: both numbers agree")
    @Points(2)
    void c_noPadding() {
        int[][] gold = {{3, 4, 5}, {6, 7, 8}};
        int[][] predicted = {{3, 0, 5}, {6, 7, 0}};
        Record.value("accuracy without padding", MaskedAccuracy.accuracy(gold, predicted, PAD));
        Record.value("withPaddingCounted without padding", MaskedAccuracy.withPaddingCounted(gold, predicted, PAD));
    }

    @Test
    @DisplayName("padding only: an IllegalArgumentException")
    @Points(2)
    @Hint("with no real token the accuracy is 0 / 0: say so with an IllegalArgumentException")
    void d_allPadding() {
        boolean threw = false;
        try {
            MaskedAccuracy.accuracy(new int[][] {{PAD}, {PAD}}, new int[][] {{1}, {2}}, PAD);
        } catch (IllegalArgumentException e) {
            threw = true;
        }
        Record.value("does accuracy of padding only throw an IllegalArgumentException?", threw);
    }
}
