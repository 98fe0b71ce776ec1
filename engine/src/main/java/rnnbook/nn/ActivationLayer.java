package rnnbook.nn;

import java.util.Map;
import rnnbook.tensor.Matrix;

/** y = f(x) elementwise, as a layer with no parameters. Keeps y for the backward pass. */
public final class ActivationLayer implements Layer {
    private final Activation activation;
    private Matrix y;

    public ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    @Override
    public Matrix forward(Matrix x) {
        y = activation.applyInPlace(x.copy());
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        if (y == null) {
            throw new IllegalStateException(activation + " backward called before forward");
        }
        return activation.backward(dy, y);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Map.of();
    }
}
