package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of memory-decay: the submission's weights and memories, recorded for the grader to compare. */
@Timeout(5)
class MemoryDecayGraded {

    @Test
    @DisplayName("weights has one entry per input and the newest input keeps weight 1")
    @Points(1)
    @Hint("x_T is added last and has not been multiplied by w yet")
    void a_lengthAndLast() {
        double[] ws = MemoryDecay.weights(0.7, 5);
        Record.value("the number of weights", ws == null ? null : ws.length);
        Record.value("the weight of the newest input x_T", ws == null || ws.length == 0 ? null : ws[ws.length - 1]);
    }

    @Test
    @DisplayName("every weight equals w^(T-k) for input x_k")
    @Points(3)
    @Hint("index 0 is the oldest input x_1, weighted w^(T-1)")
    void b_weights() {
        Record.value("weights(0.83, 7)", MemoryDecay.weights(0.83, 7));
    }

    @Test
    @DisplayName("memory(w, xs) equals the weighted sum of the inputs")
    @Points(3)
    @Hint("run h = w·h + x over every input, starting from h = 0")
    void c_memory() {
        Random rng = new Random(21);
        double[] xs = new double[8];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = rng.nextGaussian();
        }
        Record.value("h_T", MemoryDecay.memory(0.6, xs));
    }

    @Test
    @DisplayName("memory over ten positive inputs with w = 0.9")
    @Points(2)
    @Hint("every input, the last one included, counts")
    void d_engineAgrees() {
        Random rng = new Random(22);
        double[] xs = new double[10];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = 0.1 + rng.nextDouble();
        }
        Record.value("h_T", MemoryDecay.memory(0.9, xs));
    }

    @Test
    @DisplayName("a negative recurrent weight makes the weights alternate in sign")
    @Points(1)
    void e_negative() {
        Record.value("weights(-0.5, 4)", MemoryDecay.weights(-0.5, 4));
    }

    @Test
    @DisplayName("with a single input the memory is that input")
    @Points(1)
    @Hint("h_1 = w·0 + x_1")
    void f_singleStep() {
        Record.value("weights(0.3, 1)", MemoryDecay.weights(0.3, 1));
        Record.value("h_1", MemoryDecay.memory(0.3, new double[] {2.5}));
    }
}
