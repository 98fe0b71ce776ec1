package rnnbook.nn;

import java.util.List;
import rnnbook.tensor.Matrix;

/**
 * The contract every feed-forward layer keeps: {@link #forwardPass} computes y from x and returns the {@link Pass}
 * that {@link #backward(Pass, Matrix)} takes; backward turns the gradient of the loss with respect to the output
 * into the gradient with respect to the input, accumulating the gradients of the layer's parameters. The layer
 * holds nothing of a pass, so passes may interleave (a training pass, an evaluation, then the training pass's
 * backward). {@link #forward} gives y alone, for a pass that needs no backward.
 *
 * <p>To apply a layer at every time step, stack the steps into one (seq * batch, features) matrix with
 * {@link rnnbook.nn.Sequences#stack} first, as PyTorch's {@code Linear} does over a 3-D tensor.
 */
public interface Layer extends Module {

    /**
     * One forward pass of a layer, what its backward reads: the input x (batch, in), the output y (batch, out) and,
     * for a layer made of layers ({@link Sequential}), every inner layer's own pass in order (else empty).
     */
    record Pass(Matrix x, Matrix y, List<Pass> inner) {
        public Pass {
            inner = List.copyOf(inner);
        }

        /** The pass of a layer with no inner layers. */
        public Pass(Matrix x, Matrix y) {
            this(x, y, List.of());
        }
    }

    /** x of shape (batch, in) to y of shape (batch, out). */
    Matrix forward(Matrix x);

    /** y = forward(x), in a {@link Pass} for {@link #backward(Pass, Matrix)}; the layer keeps nothing of it. */
    Pass forwardPass(Matrix x);

    /**
     * dL/dy (batch, out) to dL/dx (batch, in) for {@code pass}, whatever passes ran since; adds to the parameters'
     * gradients.
     */
    Matrix backward(Pass pass, Matrix dy);

    /**
     * dL/dy (batch, out) to dL/dx (batch, in) for the last {@link #forward} of this layer.
     *
     * @deprecated a later forward replaces the pass this uses; keep the {@link Pass} of {@link #forwardPass} and
     *             call {@link #backward(Pass, Matrix)}
     */
    @Deprecated
    Matrix backward(Matrix dy);
}
