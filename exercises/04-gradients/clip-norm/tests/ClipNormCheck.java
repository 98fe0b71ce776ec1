package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of clip-norm (worked by hand): {@code ./book check clip-norm}, Maven or an IDE. */
@Timeout(5)
class ClipNormCheck {

    @Test
    @DisplayName("a 3-4-5 triangle clipped to length 1")
    void triangle() {
        Matrix[] gs = {Matrix.row(3), Matrix.row(4)};
        double total = ClipNorm.clip(gs, 1.0);
        Expect.near("the returned norm", 5.0, total, 1e-12, "√(3² + 4²)");
        double s = 1.0 / (5.0 + 1e-6);
        Expect.near("the first gradient", 3 * s, gs[0].get(0, 0), 1e-12, null);
        Expect.near("the second gradient", 4 * s, gs[1].get(0, 0), 1e-12, null);
    }
}
