package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of masked-accuracy (counted by hand): {@code ./book check masked-accuracy}, Maven or an IDE. */
@Timeout(5)
class MaskedAccuracyCheck {
    private static final int PAD = -100;

    @Test
    @DisplayName("two sentences, one padded: 2 of 3 real words right")
    void oneSentencePadded() {
        // time 0: gold 1, 2 against 1, 0, one right; time 1: gold 3 against 3, right; the padding's guess 5 does not count
        int[][] gold = {{1, 2}, {3, PAD}};
        int[][] predicted = {{1, 0}, {3, 5}};
        Expect.near("accuracy", 2.0 / 3, MaskedAccuracy.accuracy(gold, predicted, PAD), 1e-12,
                "count only positions whose gold tag is not the ignore value");
        Expect.near("withPaddingCounted", 3.0 / 4, MaskedAccuracy.withPaddingCounted(gold, predicted, PAD), 1e-12,
                "2 right words and 1 padding position out of 4 positions");
    }

    @Test
    @DisplayName("three sentences of lengths 2, 1, 1: 3 of 4 real words right, padding lifts it to 5 of 6")
    void morePadding() {
        int[][] gold = {{0, 0, 0}, {1, PAD, PAD}};
        int[][] predicted = {{0, 1, 0}, {1, 7, 7}};
        Expect.near("accuracy", 0.75, MaskedAccuracy.accuracy(gold, predicted, PAD), 1e-12, null);
        Expect.near("withPaddingCounted", 5.0 / 6, MaskedAccuracy.withPaddingCounted(gold, predicted, PAD), 1e-12,
                null);
    }

    @Test
    @DisplayName("a grid of padding only has no accuracy: an IllegalArgumentException")
    void allPadding() {
        boolean threw = false;
        try {
            MaskedAccuracy.accuracy(new int[][] {{PAD, PAD}}, new int[][] {{0, 0}}, PAD);
        } catch (IllegalArgumentException e) {
            threw = true;
        }
        Expect.that(threw, "accuracy of a grid without a real token must throw an IllegalArgumentException, not"
                + " return NaN");
    }
}
