package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * A learnable tensor: its {@code value} and the {@code grad} that backward passes accumulate into.
 *
 * <p>Gradients accumulate (+=) across backward calls, as in PyTorch, until {@link #zeroGrad()}; that is what lets
 * one weight shared by every time step collect the sum of its per-step contributions. The name is the one PyTorch
 * gives the same tensor ({@code weight_ih}, {@code bias_hh}, ...); containers prefix or suffix it. Inside a
 * {@link Composite} a parameter also knows its {@link #path()}, the full name under which the model lists it
 * ({@code decoder.weight_ih_l0}), and messages about it use that.
 */
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix grad;
    private volatile String path;

    public Parameter(String name, Matrix value) {
        this(name, value, Matrix.zeros(value.rows(), value.cols()));
    }

    /** A parameter view over an existing value and gradient (used by gradient checks on inputs). */
    public Parameter(String name, Matrix value, Matrix grad) {
        value.requireSameShape("Parameter " + name + " value and grad", grad);
        this.name = name;
        this.value = value;
        this.grad = grad;
        this.path = name;
    }

    /** The name PyTorch gives this tensor inside its own layer, e.g. {@code weight_ih}. */
    public String name() {
        return name;
    }

    /**
     * The full name in the model that holds it, e.g. {@code decoder.weight_ih_l0}: set when a {@link Composite}
     * takes in the module that owns this parameter (the outermost one has the last word); {@link #name()} until
     * then.
     */
    public String path() {
        return path;
    }

    /** Records the full name under which a model lists this parameter. */
    void placeAt(String path) {
        this.path = path;
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
        return "Parameter " + path + " " + value.shape();
    }
}
