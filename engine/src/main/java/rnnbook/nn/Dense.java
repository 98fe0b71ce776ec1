package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A fully connected layer, PyTorch's {@code Linear}: y = x · Wᵀ + b.
 *
 * <p>Shapes: x (batch, in), {@code weight} W (out, in), {@code bias} b (1, out), y (batch, out).
 * Backward: dW += dyᵀ · x, db += Σ_rows dy, dx = dy · W. Initialised uniform(-1/√in, 1/√in), as PyTorch.
 */
public final class Dense implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private Matrix x;

    public Dense(int in, int out, Random rng) {
        double bound = 1.0 / Math.sqrt(in);
        this.weight = new Parameter("weight", Init.uniform(out, in, bound, rng));
        this.bias = new Parameter("bias", Init.uniform(1, out, bound, rng));
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

    public Parameter bias() {
        return bias;
    }

    @Override
    public Matrix forward(Matrix x) {
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("Dense forward: expected input of shape (batch, " + inputSize()
                    + "), got " + x.shape());
        }
        this.x = x;
        return x.matmulT(weight.value()).addRowVectorInPlace(bias.value());
    }

    @Override
    public Matrix backward(Matrix dy) {
        if (x == null) {
            throw new IllegalStateException("Dense backward called before forward");
        }
        dy.requireShape("Dense backward: dy", x.rows(), outputSize());
        weight.grad().addMatmul(dy, true, x, false);
        dy.addSumRowsTo(bias.grad());
        return dy.matmul(weight.value());
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weight, bias);
    }
}
