package rnnbook.exercises;

import java.util.Random;
import rnnbook.nn.Activation;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Hidden graded tests of memory-decay: closed-form powers, and the engine's cell as a second reference. */
public class MemoryDecayGraded {

    @Graded(points = 1, value = "weights has one entry per input and the newest input keeps weight 1")
    public void a_lengthAndLast() {
        double[] ws = MemoryDecay.weights(0.7, 5);
        Check.notNull(ws, "weights");
        Check.equal("the number of weights", 5, ws.length, "one weight per input x_1..x_T");
        Check.near("the weight of the newest input x_T", 1.0, ws[4], 1e-12,
                "x_T is added last and has not been multiplied by w yet");
    }

    @Graded(points = 3, value = "every weight equals w^(T-k) for input x_k")
    public void b_weights() {
        double w = 0.83;
        int steps = 7;
        double[] ws = MemoryDecay.weights(w, steps);
        Check.notNull(ws, "weights");
        Check.equal("the number of weights", steps, ws.length, null);
        double[] expected = new double[steps];
        for (int k = 0; k < steps; k++) {
            expected[k] = Math.pow(w, steps - 1 - k);
        }
        Check.close("weights", expected, ws, 0, 1e-12, "index 0 is the oldest input x_1, weighted w^(T-1)");
    }

    @Graded(points = 3, value = "memory(w, xs) equals the weighted sum of the inputs")
    public void c_memory() {
        Random rng = new Random(21);
        double w = 0.6;
        double[] xs = new double[8];
        double expected = 0;
        for (int k = 0; k < xs.length; k++) {
            xs[k] = rng.nextGaussian();
            expected += Math.pow(w, xs.length - 1 - k) * xs[k];
        }
        Check.near("h_T", expected, MemoryDecay.memory(w, xs), 1e-12,
                "run h = w·h + x over every input, starting from h = 0");
    }

    @Graded(points = 2, value = "memory agrees with the engine's one-unit cell")
    public void d_engineAgrees() {
        // relu(w·h + x) = w·h + x when w > 0 and every x > 0: the engine's ReLU cell is then the linear cell
        RnnCell cell = new RnnCell(1, 1, Activation.RELU, new Random(0));
        double w = 0.9;
        cell.weightIh().value().set(0, 0, 1.0);
        cell.weightHh().value().set(0, 0, w);
        cell.biasIh().value().zeroInPlace();
        cell.biasHh().value().zeroInPlace();
        Random rng = new Random(22);
        double[] xs = new double[10];
        Matrix[] seq = new Matrix[xs.length];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = 0.1 + rng.nextDouble();
            seq[t] = Matrix.row(xs[t]);
        }
        double expected = new Recurrent(cell).forward(seq).last().h().get(0, 0);
        Check.near("h_T", expected, MemoryDecay.memory(w, xs), 1e-12, "every input, the last one included, counts");
    }

    @Graded(points = 1, value = "a negative recurrent weight makes the weights alternate in sign")
    public void e_negative() {
        double[] ws = MemoryDecay.weights(-0.5, 4);
        Check.notNull(ws, "weights");
        Check.close("weights", new double[] {-0.125, 0.25, -0.5, 1}, ws, 0, 1e-12, null);
    }

    @Graded(points = 1, value = "with a single input the memory is that input")
    public void f_singleStep() {
        double[] ws = MemoryDecay.weights(0.3, 1);
        Check.notNull(ws, "weights");
        Check.close("weights", new double[] {1}, ws, 0, 1e-12, null);
        Check.near("h_1", 2.5, MemoryDecay.memory(0.3, new double[] {2.5}), 1e-12, "h_1 = w·0 + x_1");
    }
}
