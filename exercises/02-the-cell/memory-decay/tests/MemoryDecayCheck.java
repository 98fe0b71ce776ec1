package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of memory-decay (worked by hand): {@code ./book check memory-decay}, Maven or an IDE. */
@Timeout(5)
class MemoryDecayCheck {

    @Test
    @DisplayName("the book's example: w = 0.9, three inputs")
    void bookExample() {
        double[] ws = MemoryDecay.weights(0.9, 3);
        Expect.notNull(ws, "weights");
        Expect.close("weights", new double[] {0.81, 0.9, 1.0}, ws, 0, 1e-12, "0.81·x1 + 0.9·x2 + x3");
    }

    @Test
    @DisplayName("memory of three inputs")
    void memory() {
        // 0.81·1 + 0.9·2 + 3 = 5.61
        Expect.near("h_3", 5.61, MemoryDecay.memory(0.9, new double[] {1, 2, 3}), 1e-12, null);
    }
}
