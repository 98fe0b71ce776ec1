package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * A learnable tensor: its {@code value} and the {@code grad} that backward passes accumulate into.
 *
 * <p>Gradients accumulate (+=) across backward calls, as in PyTorch, until {@link #zeroGrad()}; that is what lets
 * one weight shared by every time step collect the sum of its per-step contributions. The name is the one PyTorch
 * gives the same tensor ({@code weight_ih}, {@code bias_hh}, ...); containers prefix or suffix it.
 */
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix grad;

    public Parameter(String name, Matrix value) {
        this(name, value, Matrix.zeros(value.rows(), value.cols()));
    }

    /** A parameter view over an existing value and gradient (used by gradient checks on inputs). */
    public Parameter(String name, Matrix value, Matrix grad) {
        value.requireSameShape("Parameter " + name + " value and grad", grad);
        this.name = name;
        this.value = value;
        this.grad = grad;
    }

    public String name() {
        return name;
    }

    public Matrix value() {
        return value;
    }

    public Matrix grad() {
        return grad;
    }

    public void zeroGrad() {
        grad.zeroInPlace();
    }

    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return "Parameter " + name + " " + value.shape();
    }
}
