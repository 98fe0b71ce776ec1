package rnnbook.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnbook.nn.Parameter;
import rnnbook.optim.Clip;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Hidden graded tests of clip-norm; the engine's Clip.gradNorm is the independent reference. */
public class ClipNormGraded {
    private static final double TOL = 1e-12;

    private static Matrix[] grads(long seed, double scale, int... shapes) {
        Random rng = new Random(seed);
        Matrix[] out = new Matrix[shapes.length / 2];
        for (int k = 0; k < out.length; k++) {
            double[] d = new double[shapes[2 * k] * shapes[2 * k + 1]];
            for (int i = 0; i < d.length; i++) {
                d[i] = scale * rng.nextGaussian();
            }
            out[k] = Matrix.wrap(shapes[2 * k], shapes[2 * k + 1], d);
        }
        return out;
    }

    /** The engine clips copies wrapped as parameters; returns {total, clipped copies...}. */
    private static Object[] reference(Matrix[] gs, double maxNorm) {
        List<Parameter> ps = new ArrayList<>();
        for (Matrix g : gs) {
            ps.add(new Parameter("g", Matrix.zeros(g.rows(), g.cols()), g.copy()));
        }
        double total = Clip.gradNorm(ps, maxNorm);
        Matrix[] clipped = new Matrix[gs.length];
        for (int k = 0; k < gs.length; k++) {
            clipped[k] = ps.get(k).grad();
        }
        return new Object[] {total, clipped};
    }

    private static Matrix[] copies(Matrix[] gs) {
        Matrix[] out = new Matrix[gs.length];
        for (int k = 0; k < gs.length; k++) {
            out[k] = gs[k].copy();
        }
        return out;
    }

    private static void compareAll(Matrix[] expected, Matrix[] actual, String hint) {
        for (int k = 0; k < expected.length; k++) {
            Check.close("gradient " + (k + 1) + " after clipping", expected[k].data(), actual[k].data(),
                    expected[k].cols(), TOL, hint);
        }
    }

    @Graded(points = 2, value = "returns the global norm measured before clipping")
    public void a_returnsNorm() {
        Matrix[] gs = grads(51, 2, 3, 4, 4, 4, 1, 4);
        double expected = (double) reference(gs, 1.0)[0];
        Check.near("the returned norm", expected, ClipNorm.clip(copies(gs), 1.0), TOL,
                "the square root of the sum of squares over all matrices, before any rescaling");
    }

    @Graded(points = 3, value = "gradients above the threshold are rescaled with one shared factor")
    public void b_clipsAbove() {
        Matrix[] gs = grads(52, 3, 2, 3, 3, 3, 1, 3);
        Matrix[] expected = (Matrix[]) reference(gs, 2.5)[1];
        Matrix[] mine = copies(gs);
        ClipNorm.clip(mine, 2.5);
        compareAll(expected, mine, "every matrix is multiplied by maxNorm / (total + 1e-6)");
    }

    @Graded(points = 2, value = "gradients whose norm is below the threshold are left alone")
    public void c_keepsBelow() {
        Matrix[] gs = grads(53, 1, 2, 2);
        double norm = Math.sqrt(gs[0].sumOfSquares());
        gs[0].scaleInPlace(2.0 / norm);   // total norm exactly 2, threshold 3
        Matrix[] mine = copies(gs);
        Check.near("the returned norm", 2.0, ClipNorm.clip(mine, 3.0), 1e-12, null);
        compareAll(gs, mine, "clip only when the total norm is above maxNorm");
    }

    @Graded(points = 1, value = "after clipping, the global norm equals the threshold")
    public void d_newNorm() {
        Matrix[] mine = grads(54, 5, 3, 3, 1, 3);
        ClipNorm.clip(mine, 0.5);
        double sum = 0;
        for (Matrix g : mine) {
            sum += g.sumOfSquares();
        }
        Check.near("the norm after clipping", 0.5, Math.sqrt(sum), 1e-5,
                "the norm is measured over all matrices together, not one by one");
    }

    @Graded(points = 1, value = "four parameters of mixed sizes, one of them already tiny")
    public void e_mixed() {
        Matrix[] gs = grads(55, 4, 4, 2, 4, 4, 1, 4, 2, 1);
        gs[3].scaleInPlace(1e-3);
        Matrix[] expected = (Matrix[]) reference(gs, 1.5)[1];
        Matrix[] mine = copies(gs);
        ClipNorm.clip(mine, 1.5);
        compareAll(expected, mine, "a tiny gradient shrinks by the same factor as the large ones");
    }

    @Graded(points = 1, value = "a gradient of norm exactly 1 and a large threshold")
    public void f_unitNorm() {
        Matrix[] mine = {Matrix.row(0.6, -0.8)};
        Check.near("the returned norm", 1.0, ClipNorm.clip(mine, 5.0), TOL, null);
        Check.close("the gradient", new double[] {0.6, -0.8}, mine[0].data(), 2, TOL,
                "a short gradient is never lengthened");
    }
}
