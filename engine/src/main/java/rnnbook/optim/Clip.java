package rnnbook.optim;

import java.util.List;
import rnnbook.nn.Parameter;

/** Gradient clipping. */
public final class Clip {
    private Clip() {
    }

    // tag::clip[]
    /**
     * Clipping by global norm, PyTorch's {@code clip_grad_norm_}: with total = √(Σ over every parameter of
     * Σ g²), when total > maxNorm every gradient is multiplied by maxNorm / (total + 1e-6). The direction of the
     * update is kept; only its length is bounded.
     *
     * @return the total norm before clipping
     */
    public static double gradNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clip: max norm must be positive, got " + maxNorm);
        }
        double total = totalNorm(parameters);
        if (total > maxNorm) {
            double scale = maxNorm / (total + 1e-6);
            for (Parameter p : parameters) {
                p.grad().scaleInPlace(scale);
            }
        }
        return total;
    }
    // end::clip[]

    /** √(Σ g²) over every gradient entry of every parameter. */
    public static double totalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            sum += p.grad().sumOfSquares();
        }
        return Math.sqrt(sum);
    }
}
