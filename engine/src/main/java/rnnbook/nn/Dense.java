package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A fully connected layer, PyTorch's {@code Linear}: y = x · Wᵀ + b, or y = x · Wᵀ with {@code bias=false}.
 *
 * <p>Shapes: x (batch, in), {@code weight} W (out, in), {@code bias} b (1, out), y (batch, out).
 * Backward: dW += dyᵀ · x, db += Σ_rows dy, dx = dy · W. Initialised uniform(-1/√in, 1/√in), as PyTorch.
 */
public final class Dense implements Layer {
    private final Parameter weight;
    private final Parameter bias;   // null without bias
    private Matrix lastX;   // x of the last forward(x), for the deprecated backward(dy) only

    public Dense(int in, int out, Random rng) {
        this(in, out, true, rng);
    }

    /** PyTorch's {@code Linear(in, out, bias)}: {@code bias=false} gives a layer whose only parameter is W. */
    public Dense(int in, int out, boolean bias, Random rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Dense sizes must be positive, got in " + in + " and out " + out);
        }
        double bound = 1.0 / Math.sqrt(in);
        this.weight = new Parameter("weight", Init.uniform(out, in, bound, rng));
        this.bias = bias ? new Parameter("bias", Init.uniform(1, out, bound, rng)) : null;
    }

    public int inputSize() {
        return weight.value().cols();
    }

    public int outputSize() {
        return weight.value().rows();
    }

    public Parameter weight() {
        return weight;
    }

    /** Whether the layer adds a bias (PyTorch's {@code bias=True}). */
    public boolean hasBias() {
        return bias != null;
    }

    /** b, (1, out); an error for a layer built with {@code bias=false}. */
    public Parameter bias() {
        if (bias == null) {
            throw new IllegalStateException("this Dense layer was built with bias=false and has no bias");
        }
        return bias;
    }

    @Override
    public Matrix forward(Matrix x) {
        Matrix y = apply(x);
        lastX = x;
        return y;
    }

    /** y = x · Wᵀ + b in a pass that keeps x (all that backward reads); the layer keeps nothing. */
    @Override
    public Pass forwardPass(Matrix x) {
        return new Pass(x, apply(x));
    }

    private Matrix apply(Matrix x) {
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("Dense forward: expected input of shape (batch, " + inputSize()
                    + "), got " + x.shape());
        }
        Matrix y = x.matmulT(weight.value());
        return bias == null ? y : y.addRowVectorInPlace(bias.value());
    }

    /** Backward for {@code pass}: {@link #backward(Matrix, Matrix)} with the x it read. */
    @Override
    public Matrix backward(Pass pass, Matrix dy) {
        return backward(pass.x(), dy);
    }

    /**
     * Backward for the last forward pass of this layer, whose input it keeps.
     *
     * @deprecated a later forward replaces the kept input; call {@link #backward(Matrix, Matrix)} with the x of the
     *             pass you mean (or {@link #backward(Layer.Pass, Matrix)} with its pass)
     */
    @Deprecated
    @Override
    public Matrix backward(Matrix dy) {
        if (lastX == null) {
            throw new IllegalStateException("Dense backward called before forward");
        }
        return backward(lastX, dy);
    }

    /**
     * Backward for the forward pass that read {@code x}, whatever passes ran since: a model that keeps its own
     * record of a forward pass calls this form. Returns dL/dx; adds dW and db.
     */
    public Matrix backward(Matrix x, Matrix dy) {
        x.requireShape("Dense backward: x", x.rows(), inputSize());
        dy.requireShape("Dense backward: dy", x.rows(), outputSize());
        weight.grad().addMatmul(dy, true, x, false);
        if (bias != null) {
            dy.addSumRowsTo(bias.grad());
        }
        return dy.matmul(weight.value());
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return bias == null ? Module.named(weight) : Module.named(weight, bias);
    }
}
