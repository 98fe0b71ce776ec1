package rnnbook.nn;

import java.util.Map;
import rnnbook.tensor.Matrix;

/**
 * y = f(x) elementwise, as a layer with no parameters; backward dx = dy ⊙ f'(x), with f' written in terms of y
 * ({@link Activation#backward}). Shapes: x, y, dy and dx all (batch, features).
 */
public final class ActivationLayer implements Layer {
    private final Activation activation;
    private Matrix lastY;   // y of the last forward(x), for the deprecated backward(dy) only

    public ActivationLayer(Activation activation) {
        this.activation = activation;
    }

    @Override
    public Matrix forward(Matrix x) {
        lastY = activation.applyInPlace(x.copy());
        return lastY;
    }

    /** y = f(x) in a pass that keeps x and y; the layer keeps nothing. */
    @Override
    public Pass forwardPass(Matrix x) {
        return new Pass(x, activation.applyInPlace(x.copy()));
    }

    /** dx = dy ⊙ f'(x) for {@code pass}, read off its y. */
    @Override
    public Matrix backward(Pass pass, Matrix dy) {
        return activation.backward(dy, pass.y());
    }

    /**
     * Backward for the last {@link #forward}.
     *
     * @deprecated a later forward replaces the kept y; keep the {@link Pass} of {@link #forwardPass} and call
     *             {@link #backward(Pass, Matrix)}
     */
    @Deprecated
    @Override
    public Matrix backward(Matrix dy) {
        if (lastY == null) {
            throw new IllegalStateException(activation + " backward called before forward");
        }
        return activation.backward(dy, lastY);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Map.of();
    }
}
