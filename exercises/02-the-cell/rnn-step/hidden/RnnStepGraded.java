package rnnbook.exercises;

import java.util.Random;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Hidden graded tests of rnn-step; the engine's RnnCell is the independent reference. */
public class RnnStepGraded {
    private static final double TOL = 1e-10;

    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** The engine's cell with the given weights: bias_ih = b, bias_hh = 0, so both compute the same function. */
    private static RnnCell reference(Matrix wxh, Matrix whh, Matrix b) {
        RnnCell cell = new RnnCell(wxh.cols(), wxh.rows(), new Random(0));
        cell.weightIh().value().copyFrom(wxh);
        cell.weightHh().value().copyFrom(whh);
        cell.biasIh().value().copyFrom(b);
        cell.biasHh().value().zeroInPlace();
        return cell;
    }

    private static void compare(String what, Matrix expected, Matrix actual, String hint) {
        Check.notNull(actual, what);
        Check.shape(what, expected.rows(), expected.cols(), actual.rows(), actual.cols());
        Check.close(what, expected.data(), actual.data(), expected.cols(), TOL, hint);
    }

    @Graded(points = 1, value = "h_t has shape (batch, hidden) when input and hidden sizes differ")
    public void a_shape() {
        Random rng = new Random(11);
        Matrix h = RnnStep.step(random(rng, 3, 4, 1), random(rng, 3, 5, 1), random(rng, 5, 4, 0.5),
                random(rng, 5, 5, 0.5), random(rng, 1, 5, 0.5));
        Check.notNull(h, "h_t");
        Check.shape("h_t", 3, 5, h.rows(), h.cols());
    }

    @Graded(points = 2, value = "first step (h_{t-1} = 0): input, weights, bias and activation")
    public void b_zeroState() {
        Random rng = new Random(12);
        Matrix x = random(rng, 2, 3, 1);
        Matrix wxh = random(rng, 4, 3, 0.7);
        Matrix whh = random(rng, 4, 4, 0.7);
        Matrix b = random(rng, 1, 4, 0.5);
        Matrix h0 = Matrix.zeros(2, 4);
        Matrix expected = reference(wxh, whh, b).forward(x, State.of(h0)).state().h();
        compare("h_t after a first step", expected, RnnStep.step(x, h0, wxh, whh, b),
                "with h_{t-1} = 0 only x_t · W_xhᵀ + b (added once) and tanh remain");
    }

    @Graded(points = 3, value = "a step with a non-zero previous state")
    public void c_recurrence() {
        Random rng = new Random(13);
        Matrix x = random(rng, 3, 2, 1);
        Matrix hPrev = random(rng, 3, 4, 0.8);
        Matrix wxh = random(rng, 4, 2, 0.7);
        Matrix whh = random(rng, 4, 4, 0.7);
        Matrix b = random(rng, 1, 4, 0.5);
        Matrix expected = reference(wxh, whh, b).forward(x, State.of(hPrev)).state().h();
        compare("h_t", expected, RnnStep.step(x, hPrev, wxh, whh, b),
                "the previous state enters as h_{t-1} · W_hhᵀ (row i of W_hh holds the weights into unit i)");
    }

    @Graded(points = 1, value = "the hidden state stays inside (-1, 1) for large inputs")
    public void d_bounded() {
        Random rng = new Random(14);
        Matrix h = RnnStep.step(random(rng, 4, 3, 20), random(rng, 4, 3, 0.5), random(rng, 3, 3, 3),
                random(rng, 3, 3, 1), random(rng, 1, 3, 1));
        Check.notNull(h, "h_t");
        for (double v : h.data()) {
            Check.that(v > -1 && v < 1 || Math.abs(v) == 1.0 && Double.isFinite(v),
                    "h_t has a value outside [-1, 1]: tanh bounds every unit");
        }
    }

    @Graded(points = 2, value = "six steps fed back into themselves match the unrolled engine cell")
    public void e_sequence() {
        Random rng = new Random(15);
        Matrix wxh = random(rng, 3, 2, 0.8);
        Matrix whh = random(rng, 3, 3, 0.8);
        Matrix b = random(rng, 1, 3, 0.4);
        Matrix[] xs = new Matrix[6];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = random(rng, 2, 2, 1);
        }
        Matrix expected = new Recurrent(reference(wxh, whh, b)).forward(xs).last().h();
        Matrix h = Matrix.zeros(2, 3);
        for (Matrix x : xs) {
            h = RnnStep.step(x, h, wxh, whh, b);
            Check.notNull(h, "h_t");
        }
        compare("the final hidden state", expected, h, "errors in one step compound over the sequence");
    }

    @Graded(points = 1, value = "the arguments are left unchanged")
    public void f_untouched() {
        Random rng = new Random(16);
        Matrix x = random(rng, 2, 3, 1);
        Matrix hPrev = random(rng, 2, 2, 1);
        Matrix wxh = random(rng, 2, 3, 1);
        Matrix whh = random(rng, 2, 2, 1);
        Matrix b = random(rng, 1, 2, 1);
        Matrix[] before = {x.copy(), hPrev.copy(), wxh.copy(), whh.copy(), b.copy()};
        Check.notNull(RnnStep.step(x, hPrev, wxh, whh, b), "h_t");
        Matrix[] after = {x, hPrev, wxh, whh, b};
        String[] names = {"x", "hPrev", "wxh", "whh", "b"};
        for (int i = 0; i < names.length; i++) {
            Check.that(before[i].equals(after[i]), "the argument " + names[i]
                    + " was modified: use methods that return a new Matrix (add, not addInPlace)");
        }
    }
}
