package rnnbook.exercises;

import rnnbook.runner.Check;
import rnnbook.runner.Graded;

/** Public checks of memory-decay: run them with {@code ./book check memory-decay}. */
public class MemoryDecayCheck {

    @Graded(points = 0, value = "the book's example: w = 0.9, three inputs")
    public void bookExample() {
        double[] ws = MemoryDecay.weights(0.9, 3);
        Check.notNull(ws, "weights");
        Check.close("weights", new double[] {0.81, 0.9, 1.0}, ws, 0, 1e-12, "0.81·x1 + 0.9·x2 + x3");
    }

    @Graded(points = 0, value = "memory of three inputs")
    public void memory() {
        // 0.81·1 + 0.9·2 + 3 = 5.61
        Check.near("h_3", 5.61, MemoryDecay.memory(0.9, new double[] {1, 2, 3}), 1e-12, null);
    }
}
