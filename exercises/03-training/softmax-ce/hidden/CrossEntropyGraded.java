package rnnbook.exercises;

import java.util.Random;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Hidden graded tests of softmax-ce; the engine's SoftmaxCrossEntropy is the independent reference. */
public class CrossEntropyGraded {
    private static final double TOL = 1e-10;

    private static Matrix random(Random rng, int rows, int cols, double scale, double shift) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = shift + scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    private static int[] targets(Random rng, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    private static void compare(String what, Matrix expected, Matrix actual, String hint) {
        Check.notNull(actual, what);
        Check.shape(what, expected.rows(), expected.cols(), actual.rows(), actual.cols());
        Check.close(what, expected.data(), actual.data(), expected.cols(), TOL, hint);
    }

    @Graded(points = 2, value = "softmax of a batch of score rows")
    public void a_softmax() {
        Matrix z = random(new Random(31), 3, 4, 1.5, 0);
        compare("softmax(z)", SoftmaxCrossEntropy.softmax(z), CrossEntropy.softmax(z),
                "normalise each row on its own");
    }

    @Graded(points = 1, value = "softmax stays finite for very large scores")
    public void b_softmaxStable() {
        Matrix z = random(new Random(32), 2, 5, 3, 900);
        compare("softmax(z) for large scores", SoftmaxCrossEntropy.softmax(z), CrossEntropy.softmax(z),
                "exp(900) overflows a double: subtract each row's maximum first");
    }

    @Graded(points = 2, value = "mean cross-entropy of a batch")
    public void c_loss() {
        Random rng = new Random(33);
        Matrix z = random(rng, 4, 5, 1.2, 0);
        int[] y = targets(rng, 4, 5);
        double expected = new SoftmaxCrossEntropy().forward(z, y);
        Check.near("the loss", expected, CrossEntropy.loss(z, y), TOL,
                "the loss is the mean over the rows of -log p_{i, y_i}");
    }

    @Graded(points = 1, value = "the loss stays finite for very large scores")
    public void d_lossStable() {
        Random rng = new Random(34);
        Matrix z = random(rng, 1, 6, 20, 700);
        int[] y = targets(rng, 1, 6);
        double expected = new SoftmaxCrossEntropy().forward(z, y);
        Check.near("the loss for large scores", expected, CrossEntropy.loss(z, y), TOL,
                "compute -log p_y as log Σ exp(z - m) - (z_y - m)");
    }

    @Graded(points = 3, value = "the gradient dL/dz of the mean loss")
    public void e_gradient() {
        Random rng = new Random(35);
        Matrix z = random(rng, 4, 3, 1, 0);
        int[] y = targets(rng, 4, 3);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(z, y);
        compare("dL/dz", ce.backward(), CrossEntropy.gradient(z, y),
                "softmax minus the one-hot target, divided by the number of rows");
    }

    @Graded(points = 1, value = "the gradient points the right way for a single example")
    public void f_gradientSign() {
        Random rng = new Random(36);
        Matrix z = random(rng, 1, 4, 1, 0);
        int[] y = targets(rng, 1, 4);
        Matrix g = CrossEntropy.gradient(z, y);
        Check.notNull(g, "dL/dz");
        Check.shape("dL/dz", 1, 4, g.rows(), g.cols());
        Check.that(g.get(0, y[0]) < 0, "dL/dz of the true class must be negative: raising its score lowers the loss");
        for (int j = 0; j < 4; j++) {
            Check.that(j == y[0] || g.get(0, j) > 0, "dL/dz of a wrong class must be positive");
        }
    }
}
