package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of stack-shapes (counted by hand): {@code ./book check stack-shapes}, Maven or an IDE. */
@Timeout(5)
class StackShapesCheck {
    // The chapter's example: nn.LSTM(3, 2, num_layers=2, bidirectional=True), 4 steps, batch 1.

    @Test
    @DisplayName("weight_ih of the two layers of a bidirectional LSTM(3, 2)")
    void weights() {
        int[] w0 = StackShapes.weightIh(4, 3, 2, 0, true);
        Expect.notNull(w0, "weightIh(...)");
        Expect.equal("rows of weight_ih_l0 (4 gates x hidden 2)", 8, w0[0], null);
        Expect.equal("columns of weight_ih_l0 (the input size)", 3, w0[1], null);
        int[] w1 = StackShapes.weightIh(4, 3, 2, 1, true);
        Expect.equal("columns of weight_ih_l1", 4, w1[1], "layer 1 reads both directions of layer 0: 2 x hidden");
    }

    @Test
    @DisplayName("parameters of a bidirectional LSTM(3, 2, num_layers=2)")
    void count() {
        // per direction, layer 0: 8 x 3 + 8 x 2 + 8 + 8 = 56; layer 1: 8 x 4 + 8 x 2 + 8 + 8 = 64
        // two directions: 2 x (56 + 64) = 240
        Expect.equal("parameters", 240, StackShapes.parameterCount(4, 3, 2, 2, true, true),
                "count both directions, and let layer 1 read 2 x hidden inputs");
        // one direction, one layer, no bias: 8 x 3 + 8 x 2 = 40
        Expect.equal("parameters without bias", 40, StackShapes.parameterCount(4, 3, 2, 1, false, false), null);
    }

    @Test
    @DisplayName("output and h_n of the same LSTM over 4 steps, batch 1")
    void outputs() {
        int[] y = StackShapes.output(4, 1, 2, true);
        Expect.notNull(y, "output(...)");
        Expect.equal("output features", 4, y[2], "both directions side by side");
        int[] h = StackShapes.hN(2, 1, 2, true);
        Expect.notNull(h, "hN(...)");
        Expect.equal("h_n states", 4, h[0], "one state per layer and direction");
        Expect.equal("h_n hidden", 2, h[2], null);
    }
}
