package rnnbook.exercises;

import java.util.Random;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/**
 * Hidden graded tests of bptt: the engine's Recurrent/RnnCell backward pass is one reference; a numerical
 * gradient of a forward pass written out here is the other.
 */
public class BpttGraded {
    private static final double TOL = 1e-9;

    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** A problem: sequence, weights and loss gradients; {@code lossAt} says which steps carry a loss. */
    private record Problem(Matrix[] xs, Matrix wxh, Matrix whh, Matrix b, Matrix[] dhs) {
        static Problem make(long seed, int steps, int batch, int input, int hidden, boolean[] lossAt) {
            Random rng = new Random(seed);
            Matrix[] xs = new Matrix[steps];
            Matrix[] dhs = new Matrix[steps];
            for (int t = 0; t < steps; t++) {
                xs[t] = random(rng, batch, input, 1);
                dhs[t] = lossAt[t] ? random(rng, batch, hidden, 1) : Matrix.zeros(batch, hidden);
            }
            return new Problem(xs, random(rng, hidden, input, 0.6), random(rng, hidden, hidden, 0.6),
                    random(rng, 1, hidden, 0.4), dhs);
        }

        /** The engine's gradients: bias_ih = b and bias_hh = 0 make its cell the exercise's cell. */
        Bptt.Grads reference() {
            RnnCell cell = new RnnCell(wxh.cols(), wxh.rows(), new Random(0));
            cell.weightIh().value().copyFrom(wxh);
            cell.weightHh().value().copyFrom(whh);
            cell.biasIh().value().copyFrom(b);
            cell.biasHh().value().zeroInPlace();
            Recurrent rnn = new Recurrent(cell);
            rnn.forward(xs);
            rnn.backward(dhs, null);
            return new Bptt.Grads(cell.weightIh().grad(), cell.weightHh().grad(), cell.biasIh().grad());
        }

        Bptt.Grads learner() {
            Bptt.Grads g = Bptt.backward(xs, wxh, whh, b, dhs);
            Check.notNull(g, "the gradients");
            Check.notNull(g.dWxh(), "dW_xh");
            Check.notNull(g.dWhh(), "dW_hh");
            Check.notNull(g.db(), "db");
            return g;
        }

        /** L = Σ_t Σ dhs[t] ⊙ h_t, whose gradient with respect to h_t is exactly dhs[t]; forward written out. */
        double loss() {
            int hidden = whh.rows();
            int batch = xs[0].rows();
            double[][] h = new double[batch][hidden];
            double total = 0;
            for (int t = 0; t < xs.length; t++) {
                double[][] next = new double[batch][hidden];
                for (int r = 0; r < batch; r++) {
                    for (int i = 0; i < hidden; i++) {
                        double a = b.get(0, i);
                        for (int k = 0; k < wxh.cols(); k++) {
                            a += wxh.get(i, k) * xs[t].get(r, k);
                        }
                        for (int k = 0; k < hidden; k++) {
                            a += whh.get(i, k) * h[r][k];
                        }
                        next[r][i] = Math.tanh(a);
                        total += dhs[t].get(r, i) * next[r][i];
                    }
                }
                h = next;
            }
            return total;
        }
    }

    private static void compare(String what, Matrix expected, Matrix actual, String hint) {
        Check.shape(what, expected.rows(), expected.cols(), actual.rows(), actual.cols());
        Check.close(what, expected.data(), actual.data(), expected.cols(), TOL, hint);
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    @Graded(points = 1, value = "the gradients have the shapes of their weights")
    public void a_shapes() {
        Problem p = Problem.make(41, 3, 2, 3, 4, all(3));
        Bptt.Grads g = p.learner();
        Check.shape("dW_xh", 4, 3, g.dWxh().rows(), g.dWxh().cols());
        Check.shape("dW_hh", 4, 4, g.dWhh().rows(), g.dWhh().cols());
        Check.shape("db", 1, 4, g.db().rows(), g.db().cols());
    }

    @Graded(points = 2, value = "a single step: the tanh derivative and the role of h_0")
    public void b_singleStep() {
        Problem p = Problem.make(42, 1, 3, 2, 3, all(1));
        Bptt.Grads expected = p.reference();
        Bptt.Grads g = p.learner();
        compare("dW_xh", expected.dWxh(), g.dWxh(), "da = dh ⊙ (1 - h²)");
        compare("dW_hh", expected.dWhh(), g.dWhh(), "step t multiplies da_t by the state it read, h_{t-1}");
        compare("db", expected.db(), g.db(), null);
    }

    @Graded(points = 2, value = "dW_xh when only the last step has a loss (the error must flow back in time)")
    public void c_lastStepLoss() {
        boolean[] lossAt = new boolean[5];
        lossAt[4] = true;
        Problem p = Problem.make(43, 5, 2, 3, 3, lossAt);
        compare("dW_xh", p.reference().dWxh(), p.learner().dWxh(),
                "earlier inputs get credit only through da_t · W_hh carried into h_{t-1}");
    }

    @Graded(points = 3, value = "dW_hh summed over five steps")
    public void d_dWhh() {
        Problem p = Problem.make(44, 5, 2, 2, 4, all(5));
        compare("dW_hh", p.reference().dWhh(), p.learner().dWhh(),
                "add every step's da_tᵀ · h_{t-1} into the one shared gradient");
    }

    @Graded(points = 2, value = "db summed over five steps")
    public void e_db() {
        Problem p = Problem.make(45, 5, 3, 2, 3, all(5));
        compare("db", p.reference().db(), p.learner().db(), "db is the sum over steps and rows of da_t");
    }

    @Graded(points = 2, value = "all three gradients agree with a numerical gradient")
    public void f_numerical() {
        Problem p = Problem.make(46, 3, 2, 2, 3, all(3));
        Bptt.Grads g = p.learner();
        Matrix[] params = {p.wxh(), p.whh(), p.b()};
        Matrix[] grads = {g.dWxh(), g.dWhh(), g.db()};
        String[] names = {"dW_xh", "dW_hh", "db"};
        double eps = 1e-6;
        for (int k = 0; k < params.length; k++) {
            Matrix w = params[k];
            Check.shape(names[k], w.rows(), w.cols(), grads[k].rows(), grads[k].cols());
            double[] numeric = new double[w.size()];
            for (int i = 0; i < w.size(); i++) {
                double old = w.data()[i];
                w.data()[i] = old + eps;
                double up = p.loss();
                w.data()[i] = old - eps;
                double down = p.loss();
                w.data()[i] = old;
                numeric[i] = (up - down) / (2 * eps);
            }
            Check.close(names[k] + " (numerical check)", numeric, grads[k].data(), w.cols(), 1e-6, null);
        }
    }
}
