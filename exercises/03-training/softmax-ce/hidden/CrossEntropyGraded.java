package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of softmax-ce: the submission's softmax, loss and gradient on seeded scores, recorded. */
@Timeout(5)
class CrossEntropyGraded {
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

    @Test
    @DisplayName("softmax of a batch of score rows")
    @Points(2)
    @Hint("normalise each row on its own")
    void a_softmax() {
        Record.value("softmax(z)", CrossEntropy.softmax(random(new Random(31), 3, 4, 1.5, 0)));
    }

    @Test
    @DisplayName("softmax stays finite for very large scores")
    @Points(1)
    @Hint("exp(900) overflows a double: subtract each row's maximum first")
    void b_softmaxStable() {
        Record.value("softmax(z) for large scores", CrossEntropy.softmax(random(new Random(32), 2, 5, 3, 900)));
    }

    @Test
    @DisplayName("mean cross-entropy of a batch")
    @Points(2)
    @Hint("the loss is the mean over the rows of -log p_{i, y_i}")
    void c_loss() {
        Random rng = new Random(33);
        Matrix z = random(rng, 4, 5, 1.2, 0);
        Record.value("the loss", CrossEntropy.loss(z, targets(rng, 4, 5)));
    }

    @Test
    @DisplayName("the loss stays finite for very large scores")
    @Points(1)
    @Hint("compute -log p_y as log Σ exp(z - m) - (z_y - m)")
    void d_lossStable() {
        Random rng = new Random(34);
        Matrix z = random(rng, 1, 6, 20, 700);
        Record.value("the loss for large scores", CrossEntropy.loss(z, targets(rng, 1, 6)));
    }

    @Test
    @DisplayName("the gradient dL/dz of the mean loss")
    @Points(3)
    @Hint("softmax minus the one-hot target, divided by the number of rows")
    void e_gradient() {
        Random rng = new Random(35);
        Matrix z = random(rng, 4, 3, 1, 0);
        Record.value("dL/dz", CrossEntropy.gradient(z, targets(rng, 4, 3)));
    }

    @Test
    @DisplayName("the gradient points the right way for a single example")
    @Points(1)
    @Hint("raising the true class's score lowers the loss; raising a wrong class's score raises it")
    void f_gradientSign() {
        Random rng = new Random(36);
        Matrix z = random(rng, 1, 4, 1, 0);
        int[] y = targets(rng, 1, 4);
        Matrix g = CrossEntropy.gradient(z, y);
        Record.shape("dL/dz", g);
        if (g != null && g.rows() == 1 && g.cols() == 4) {
            boolean right = g.get(0, y[0]) < 0;
            for (int j = 0; j < 4; j++) {
                right &= j == y[0] || g.get(0, j) > 0;
            }
            Record.value("does every entry of dL/dz have the right sign?", right);
        }
    }
}
