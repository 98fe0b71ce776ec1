package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * The contract every feed-forward layer keeps: {@code forward} remembers what {@code backward} needs;
 * {@code backward} takes the gradient of the loss with respect to the output, accumulates the gradients of the
 * layer's parameters, and returns the gradient with respect to the input.
 *
 * <p>One {@code backward} follows each {@code forward}, and a later {@code forward} replaces what it kept: where
 * passes may interleave, use a layer's explicit form, which takes the input of its pass ({@link Dense#backward(
 * Matrix, Matrix)}). To apply a layer at every time step, stack the steps
 * into one (seq * batch, features) matrix with {@link rnnbook.nn.Sequences#stack} first, as PyTorch's
 * {@code Linear} does over a 3-D tensor.
 */
public interface Layer extends Module {

    /** x of shape (batch, in) to y of shape (batch, out). */
    Matrix forward(Matrix x);

    /** dL/dy of shape (batch, out) to dL/dx of shape (batch, in). */
    Matrix backward(Matrix dy);
}
