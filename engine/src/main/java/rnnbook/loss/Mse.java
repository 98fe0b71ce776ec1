package rnnbook.loss;

import rnnbook.tensor.Matrix;

/**
 * Mean squared error, PyTorch's {@code MSELoss}: L = Σ (y - t)² / N (MEAN, N = every entry) or the plain sum;
 * dL/dy = 2 (y - t) / N.
 */
public final class Mse {
    private final Reduction reduction;
    private Matrix diff;

    public Mse() {
        this(Reduction.MEAN);
    }

    /** @param reduction MEAN or SUM (per-entry losses, NONE, are simply (y - t)²) */
    public Mse(Reduction reduction) {
        if (reduction != Reduction.MEAN && reduction != Reduction.SUM) {
            throw new IllegalArgumentException("MSE: reduction must be MEAN or SUM, got " + reduction);
        }
        this.reduction = reduction;
    }

    public double forward(Matrix prediction, Matrix target) {
        prediction.requireSameShape("MSE prediction and target", target);
        diff = prediction.sub(target);
        double s = diff.sumOfSquares();
        return reduction == Reduction.MEAN ? s / diff.size() : s;
    }

    public Matrix backward() {
        if (diff == null) {
            throw new IllegalStateException("MSE backward called before forward");
        }
        double scale = reduction == Reduction.MEAN ? 2.0 / diff.size() : 2.0;
        return diff.scale(scale);
    }
}
