package rnnbook.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

class SoftmaxCrossEntropyTest {

    /** z = [1, 2, 3], y = 2: p = e^z / Σ e^z = [0.0900306, 0.2447285, 0.6652410], L = -ln 0.6652410 = 0.4076060. */
    @Test
    void workedExample() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        SoftmaxCrossEntropy.Pass pass = ce.forwardPass(Matrix.of(new double[]{1, 2, 3}), new int[]{2});
        assertEquals(0.4076059644443803, pass.loss(), 1e-15);
        Matrix dz = ce.backward(pass);
        assertEquals(0.09003057317038046, dz.get(0, 0), 1e-15);
        assertEquals(0.24472847105479767, dz.get(0, 1), 1e-15);
        assertEquals(0.6652409557748219 - 1, dz.get(0, 2), 1e-15);
    }

    @Test
    void probabilitiesSumToOneAndSurviveHugeLogits() {
        Matrix p = SoftmaxCrossEntropy.softmax(Matrix.of(new double[]{1000, 1001, -1000}));
        assertEquals(1.0, p.sum(), 1e-15);
        double loss = new SoftmaxCrossEntropy().forward(Matrix.of(new double[]{1000, 1001, -1000}), new int[]{0});
        assertEquals(1.3132616875182228, loss, 1e-12);   // log(1 + e) for a gap of 1
    }

    @Test
    void gradientCheckMeanSumAndIgnored() {
        Random rng = new Random(9);
        for (Reduction reduction : new Reduction[] {Reduction.MEAN, Reduction.SUM}) {
            Matrix z = Init.uniform(4, 5, 2.0, rng);
            int[] y = {1, SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX, 4, 0};
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(reduction);
            Parameter pz = new Parameter("logits", z, ce.backward(ce.forwardPass(z, y)));
            GradientCheck.Report r = GradientCheck.check(List.of(pz), () -> new SoftmaxCrossEntropy(reduction)
                    .forward(z, y));
            assertTrue(r.maxRelativeError() < 1e-7, r::toString);
        }
    }

    /** Reduction NONE: L = Σ_i w_i loss_i for random weights w; backward(w) must be its gradient. */
    @Test
    void gradientCheckPerExampleLosses() {
        Random rng = new Random(10);
        Matrix z = Init.uniform(4, 5, 2.0, rng);
        int[] y = {1, SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX, 4, 0};
        double[] w = {0.3, -1.7, 2.2, -0.4};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Reduction.NONE);
        SoftmaxCrossEntropy.Pass pass = ce.forwardPass(z, y);
        assertEquals(0.0, pass.losses()[1], 0.0, "an ignored row's loss");
        Parameter pz = new Parameter("logits", z, ce.backward(pass, w));
        GradientCheck.Report r = GradientCheck.check(List.of(pz), () -> {
            double[] l = new SoftmaxCrossEntropy(Reduction.NONE).losses(z, y);
            double s = 0;
            for (int i = 0; i < l.length; i++) {
                s += w[i] * l[i];
            }
            return s;
        });
        assertTrue(r.maxRelativeError() < 1e-7, r::toString);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ce.backward(pass));
        assertTrue(e.getMessage().contains("NONE"), e.getMessage());
        e = assertThrows(IllegalStateException.class, pass::loss);
        assertTrue(e.getMessage().contains("losses()"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> ce.forward(z, y));
        assertTrue(e.getMessage().contains("losses("), e.getMessage());
    }

    @Test
    void meanDividesByCountedRowsOnly() {
        Matrix z = Matrix.of(new double[]{0, 0}, new double[]{5, -5});
        double mean = new SoftmaxCrossEntropy().forward(z, new int[]{0, SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX});
        assertEquals(Math.log(2), mean, 1e-15);
    }

    @Test
    void badTargetsAreNamed() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Matrix.zeros(2, 3), new int[]{0, 3}));
        assertTrue(e.getMessage().contains("target 3 at row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.forward(Matrix.zeros(2, 3), new int[]{0}));
        assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
    }
}
