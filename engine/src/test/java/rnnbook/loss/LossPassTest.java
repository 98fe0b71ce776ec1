package rnnbook.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.nn.Init;
import rnnbook.tensor.Matrix;

/**
 * A loss's {@code Pass} is what its backward differentiates: other evaluations of the same loss object in between
 * (of the same shape, so a loss that kept its last evaluation would give their gradient without failing) change
 * nothing. The expected gradients are written out by hand here: softmax minus one-hot over the counted rows, and
 * 2 (y - t) / N.
 */
@Timeout(60)
class LossPassTest {

    @Test
    void crossEntropyASecondForwardDoesNotChangeTheFirstBackward() {
        Random rng = new Random(21);
        Matrix z = Init.uniform(3, 4, 2.0, rng);
        int[] y = {2, SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX, 0};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        SoftmaxCrossEntropy.Pass first = ce.forwardPass(z, y);
        ce.forwardPass(Init.uniform(3, 4, 2.0, rng), new int[] {1, 1, 1});   // both forms of a later evaluation
        ce.forward(Init.uniform(3, 4, 2.0, rng), new int[] {3, 0, 2});
        Matrix dz = ce.backward(first);
        double loss = 0;
        for (int i = 0; i < 3; i++) {
            double norm = 0;
            for (int j = 0; j < 4; j++) {
                norm += Math.exp(z.get(i, j));
            }
            for (int j = 0; j < 4; j++) {
                double expected = i == 1 ? 0.0 : (Math.exp(z.get(i, j)) / norm - (j == y[i] ? 1 : 0)) / 2;
                assertEquals(expected, dz.get(i, j), 1e-15, "dL/dz at (" + i + ", " + j + ")");
            }
            loss += i == 1 ? 0 : -(z.get(i, y[i]) - Math.log(norm)) / 2;   // mean over the 2 counted rows
        }
        assertEquals(loss, first.loss(), 1e-15);
    }

    @Test
    void crossEntropyPerExampleBackwardReadsItsOwnPass() {
        Random rng = new Random(22);
        Matrix z = Init.uniform(2, 3, 2.0, rng);
        int[] y = {1, 2};
        double[] w = {0.5, -2.0};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Reduction.NONE);
        SoftmaxCrossEntropy.Pass first = ce.forwardPass(z, y);
        ce.losses(Init.uniform(2, 3, 2.0, rng), new int[] {0, 0});
        Matrix dz = ce.backward(first, w);
        for (int i = 0; i < 2; i++) {
            double norm = Math.exp(z.get(i, 0)) + Math.exp(z.get(i, 1)) + Math.exp(z.get(i, 2));
            for (int j = 0; j < 3; j++) {
                assertEquals(w[i] * (Math.exp(z.get(i, j)) / norm - (j == y[i] ? 1 : 0)), dz.get(i, j), 1e-15);
            }
        }
    }

    @Test
    void mseASecondForwardDoesNotChangeTheFirstBackward() {
        Random rng = new Random(23);
        Matrix prediction = Init.uniform(3, 2, 1.0, rng);
        Matrix target = Init.uniform(3, 2, 1.0, rng);
        Mse mse = new Mse();
        Mse.Pass first = mse.forwardPass(prediction, target);
        mse.forward(Init.uniform(3, 2, 1.0, rng), target);
        mse.forwardPass(Init.uniform(3, 2, 1.0, rng), target);
        Matrix dy = mse.backward(first);
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            double d = prediction.data()[i] - target.data()[i];
            assertEquals(2 * d / 6, dy.data()[i], 1e-15);
            sum += d * d;
        }
        assertEquals(sum / 6, first.loss(), 1e-15);
        assertEquals(2 * (prediction.data()[0] - target.data()[0]),
                new Mse(Reduction.SUM).backward(new Mse(Reduction.SUM).forwardPass(prediction, target)).data()[0],
                1e-15, "SUM does not divide by N");
    }
}
