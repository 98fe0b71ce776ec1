package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise merge-directions: the output and final states of a bidirectional layer in PyTorch's layout, built from
 * two one-way passes.
 *
 * <p>The forward cell read x_0 .. x_{T-1}; {@code ahead[t]} (batch, hidden) is its state after reading x_t. The
 * backward cell read the same sequence reversed, x_{T-1} .. x_0; {@code back[s]} (batch, hidden) is its state after
 * its s-th read, so {@code back[s]} belongs to time T-1-s.
 * <pre>
 *   outputs:      y_t = [ ahead[t] | back[T-1-t] ]                      (batch, 2 * hidden), t = 0 .. T-1
 *   finalStates:  h_n = [ fwd_0, bwd_0, fwd_1, bwd_1, ... ]              2 * layers entries, each (batch, hidden)
 *   summary:      [ forward final state | backward final state ]        (batch, 2 * hidden), read from y
 * </pre>
 * The forward direction's final state is the forward half of y_{T-1}; the backward direction's is the backward
 * half of y_0 (it finished there). Use {@code Matrix.zeros}, {@code get}, {@code set}, {@code rows}, {@code cols}.
 */
public final class MergeDirections {
    private MergeDirections() {
    }

    /** y_t = [ahead[t] | back[T-1-t]] for every t: PyTorch's {@code output} of one bidirectional layer. */
    public static Matrix[] outputs(Matrix[] ahead, Matrix[] back) {
        // TODO
        return null;
    }

    /**
     * PyTorch's {@code h_n}: {@code forwardLast[l]} and {@code backwardLast[l]} are layer l's final states; the result
     * interleaves them, entry 2l the forward and entry 2l + 1 the backward state of layer l.
     */
    public static Matrix[] finalStates(Matrix[] forwardLast, Matrix[] backwardLast) {
        // TODO
        return null;
    }

    /**
     * A summary of the whole sequence for each row, from a bidirectional layer's outputs y (each (batch, 2 * hidden)):
     * the forward half of y_{T-1} beside the backward half of y_0.
     */
    public static Matrix summary(Matrix[] outputs) {
        // TODO
        return null;
    }
}
