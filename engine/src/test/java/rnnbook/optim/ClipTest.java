package rnnbook.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

class ClipTest {

    /** Gradients (3) and (4) have global norm 5; clipped to 1 they become 3/(5 + 1e-6) and 4/(5 + 1e-6). */
    @Test
    void clipsByGlobalNormAcrossParameters() {
        Parameter a = new Parameter("a", Matrix.of(new double[]{0}), Matrix.of(new double[]{3}));
        Parameter b = new Parameter("b", Matrix.of(new double[]{0}), Matrix.of(new double[]{4}));
        double total = Clip.gradNorm(List.of(a, b), 1.0);
        assertEquals(5.0, total, 0.0);
        assertEquals(3 / 5.000001, a.grad().get(0, 0), 1e-15);
        assertEquals(4 / 5.000001, b.grad().get(0, 0), 1e-15);
    }

    @Test
    void leavesSmallGradientsAlone() {
        Parameter a = new Parameter("a", Matrix.of(new double[]{0, 0}), Matrix.of(new double[]{0.3, 0.4}));
        assertEquals(0.5, Clip.gradNorm(List.of(a), 1.0), 1e-15);
        assertEquals(0.3, a.grad().get(0, 0), 0.0);
        assertEquals(0.4, a.grad().get(0, 1), 0.0);
    }
}
