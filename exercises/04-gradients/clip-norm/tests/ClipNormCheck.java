package rnnbook.exercises;

import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Public checks of clip-norm: run them with {@code ./book check clip-norm}. */
public class ClipNormCheck {

    @Graded(points = 0, value = "a 3-4-5 triangle clipped to length 1")
    public void triangle() {
        Matrix[] gs = {Matrix.row(3), Matrix.row(4)};
        double total = ClipNorm.clip(gs, 1.0);
        Check.near("the returned norm", 5.0, total, 1e-12, "√(3² + 4²)");
        double s = 1.0 / (5.0 + 1e-6);
        Check.near("the first gradient", 3 * s, gs[0].get(0, 0), 1e-12, null);
        Check.near("the second gradient", 4 * s, gs[1].get(0, 0), 1e-12, null);
    }
}
