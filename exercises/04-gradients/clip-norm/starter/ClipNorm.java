package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise clip-norm: clipping by global norm, as PyTorch's {@code clip_grad_norm_}.
 *
 * <pre>
 *   total = √( Σ over every matrix, Σ over its entries, g² )
 *   if total > maxNorm:  every entry of every matrix is multiplied by  maxNorm / (total + 1e-6)
 * </pre>
 * All gradients share one scale, so the direction of the whole update is kept; only its length is bounded.
 * The gradients are changed in place ({@code scaleInPlace}); any shapes.
 */
public final class ClipNorm {
    private ClipNorm() {
    }

    /** Clips the gradients in place and returns the total norm measured before clipping. */
    public static double clip(Matrix[] grads, double maxNorm) {
        // TODO
        return Double.NaN;
    }
}
