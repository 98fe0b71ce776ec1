package rnnbook.optim;

import java.util.List;
import rnnbook.nn.Parameter;

/** Gradient clipping. */
public final class Clip {
    private Clip() {
    }

    // tag::clip[]
    /**
     * Clipping by global norm, PyTorch's {@code clip_grad_norm_}, by its exact rule: with
     * total = √(Σ over every parameter of Σ g²), every gradient is multiplied by
     * coef = min(1, maxNorm / (total + 1e-6)). The direction of the update is kept; only its length is bounded.
     * The 1e-6 guards against a zero total; it also means a total of exactly maxNorm is scaled (by 0.999999...),
     * as in PyTorch, and anything below maxNorm - 1e-6 or so is left as it is (coef clamps to 1).
     *
     * @return the total norm before clipping
     */
    public static double gradNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clip: max norm must be positive, got " + maxNorm);
        }
        double total = totalNorm(parameters);
        double coef = Math.min(maxNorm / (total + 1e-6), 1.0);
        for (Parameter p : parameters) {
            p.grad().scaleInPlace(coef);
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
