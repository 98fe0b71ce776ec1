package rnnbook.loss;

import rnnbook.tensor.Matrix;

/**
 * Mean squared error, PyTorch's {@code MSELoss}: L = Σ (y - t)² / N (MEAN, N = every entry) or the plain sum;
 * dL/dy = 2 (y - t) / N. Shapes: prediction y and target t alike, (n, features).
 *
 * <p>{@link #forwardPass} returns a {@link Pass} (L and y - t) and {@link #backward(Pass)} takes it, so the loss
 * keeps nothing between them.
 */
public final class Mse {
    private final Reduction reduction;
    private Pass last;   // the pass of the last forward call, for the deprecated backward() only

    /** One evaluation: L, the difference y - t (n, features) that backward scales, and the reduction. */
    public record Pass(double loss, Matrix diff, Reduction reduction) {
    }

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

    /** L for prediction y and target t of one shape, in a {@link Pass} that {@link #backward(Pass)} takes. */
    public Pass forwardPass(Matrix prediction, Matrix target) {
        prediction.requireSameShape("MSE prediction and target", target);
        Matrix diff = prediction.sub(target);
        double s = diff.sumOfSquares();
        return new Pass(reduction == Reduction.MEAN ? s / diff.size() : s, diff, reduction);
    }

    /** L for prediction y and target t of one shape: {@code forwardPass(prediction, target).loss()}. */
    public double forward(Matrix prediction, Matrix target) {
        last = forwardPass(prediction, target);
        return last.loss();
    }

    /** dL/dy for {@code pass}: 2 (y - t) / N under MEAN, 2 (y - t) under SUM. */
    public Matrix backward(Pass pass) {
        double scale = pass.reduction() == Reduction.MEAN ? 2.0 / pass.diff().size() : 2.0;
        return pass.diff().scale(scale);
    }

    /**
     * dL/dy for the last {@link #forward} call: a later forward replaces the pass this uses, so keep the
     * {@link Pass} of {@link #forwardPass} and call {@link #backward(Pass)} instead.
     * @deprecated use {@link #forwardPass} and {@link #backward(Pass)}
     */
    @Deprecated
    public Matrix backward() {
        if (last == null) {
            throw new IllegalStateException("MSE backward called before forward");
        }
        return backward(last);
    }
}
