package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of merge-directions: seeded states of several sizes, what comes back recorded. */
@Timeout(5)
class MergeDirectionsGraded {
    private static Matrix[] states(long seed, int seq, int batch, int hidden) {
        Random rng = new Random(seed);
        Matrix[] out = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            double[] d = new double[batch * hidden];
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextGaussian();
            }
            out[t] = Matrix.wrap(batch, hidden, d);
        }
        return out;
    }

    private static void recordAll(String name, Matrix[] ms) {
        Record.value("the number of " + name, ms.length);
        for (int i = 0; i < ms.length; i++) {
            Record.value(name + "[" + i + "]", ms[i]);
        }
    }

    @Test
    @DisplayName("outputs have one (batch, 2 * hidden) matrix per step")
    @Points(1)
    @Hint("each step holds both directions side by side: 2 * hidden columns")
    void a_outputShapes() {
        Matrix[] y = MergeDirections.outputs(states(81, 4, 3, 2), states(82, 4, 3, 2));
        Record.value("the number of steps", y.length);
        for (int t = 0; t < y.length; t++) {
            Record.shape("y_" + t, y[t]);
        }
    }

    @Test
    @DisplayName("outputs of five steps, batch 2, hidden 3")
    @Points(3)
    @Hint("the backward cell's state for time t is back[T-1-t], and the forward half comes first")
    void b_outputValues() {
        recordAll("y", MergeDirections.outputs(states(83, 5, 2, 3), states(84, 5, 2, 3)));
    }

    @Test
    @DisplayName("a sequence of one step")
    @Points(1)
    @Hint("with one step there is nothing to reverse: [ahead[0] | back[0]]")
    void c_oneStep() {
        recordAll("y", MergeDirections.outputs(states(85, 1, 2, 2), states(86, 1, 2, 2)));
    }

    @Test
    @DisplayName("final states of a three-layer stack")
    @Points(2)
    @Hint("PyTorch orders h_n layer by layer, forward then backward within each layer")
    void d_finalStates() {
        recordAll("h_n", MergeDirections.finalStates(states(87, 3, 2, 2), states(88, 3, 2, 2)));
    }

    @Test
    @DisplayName("the summary of given outputs, batch 3, hidden 2, four steps")
    @Points(2)
    @Hint("forward half of the last step, backward half of the first step")
    void e_summary() {
        Record.value("the summary", MergeDirections.summary(states(89, 4, 3, 4)));
    }

    @Test
    @DisplayName("merging two passes and summarising gives each direction's own final state")
    @Points(2)
    @Hint("the summary should be [ahead[T-1] | back[T-1]]: both cells' states after reading everything")
    void f_summaryOfMergedPasses() {
        Matrix[] y = MergeDirections.outputs(states(90, 6, 2, 3), states(91, 6, 2, 3));
        Record.value("the summary", MergeDirections.summary(y));
    }
}
