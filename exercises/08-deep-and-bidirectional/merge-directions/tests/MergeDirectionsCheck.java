package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of merge-directions (worked by hand): {@code ./book check merge-directions}, Maven or an IDE. */
@Timeout(5)
class MergeDirectionsCheck {
    // Three steps, batch 1, hidden 1. The forward cell's states in time order are 1, 2, 3; the backward cell read
    // x_2, x_1, x_0 and its states in that reading order are 10, 20, 30, so time 0 holds 30 and time 2 holds 10.
    private static Matrix[] ahead() {
        return new Matrix[] {Matrix.row(1), Matrix.row(2), Matrix.row(3)};
    }

    private static Matrix[] back() {
        return new Matrix[] {Matrix.row(10), Matrix.row(20), Matrix.row(30)};
    }

    @Test
    @DisplayName("outputs: forward half first, backward half in time order")
    void outputs() {
        Matrix[] y = MergeDirections.outputs(ahead(), back());
        Expect.notNull(y, "outputs(...)");
        Expect.equal("the number of steps", 3, y.length, null);
        double[][] expected = {{1, 30}, {2, 20}, {3, 10}};
        for (int t = 0; t < 3; t++) {
            Expect.shape("y_" + t, 1, 2, y[t].rows(), y[t].cols());
            Expect.close("y_" + t, expected[t], y[t].data(), 2, 1e-12,
                    "the backward state of time t is back[T-1-t]: the backward cell read the sequence reversed");
        }
    }

    @Test
    @DisplayName("final states: layer 0 forward, layer 0 backward, layer 1 forward, layer 1 backward")
    void finalStates() {
        Matrix[] fwd = {Matrix.row(1, 2), Matrix.row(5, 6)};
        Matrix[] bwd = {Matrix.row(3, 4), Matrix.row(7, 8)};
        Matrix[] h = MergeDirections.finalStates(fwd, bwd);
        Expect.notNull(h, "finalStates(...)");
        Expect.equal("the number of final states (layers * 2)", 4, h.length, null);
        double[][] expected = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};
        for (int i = 0; i < 4; i++) {
            Expect.close("h_n[" + i + "]", expected[i], h[i].data(), 2, 1e-12,
                    "entry 2 * layer + direction, direction 0 forward and 1 backward");
        }
    }

    @Test
    @DisplayName("summary: the forward half of the last step beside the backward half of the first")
    void summary() {
        Matrix[] y = {Matrix.row(1, 30), Matrix.row(2, 20), Matrix.row(3, 10)};
        Matrix s = MergeDirections.summary(y);
        Expect.notNull(s, "summary(...)");
        Expect.shape("the summary", 1, 2, s.rows(), s.cols());
        Expect.close("the summary", new double[] {3, 30}, s.data(), 2, 1e-12,
                "the backward direction finished at t = 0, so its final state is in y_0, not in y_{T-1}");
    }
}
