package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * One step of a recurrent network: (x_t, state_{t-1}) to state_t. {@link Recurrent} unrolls a cell over time,
 * reusing the same parameters at every step.
 *
 * <p>The contract matches {@link Layer}'s: {@code forward} returns a {@link Step} holding what {@code backward}
 * needs; {@code backward} takes that step and dL/d(state_t), accumulates parameter gradients, and returns
 * dL/dx_t and dL/d(state_{t-1}).
 */
public interface Cell extends Module {

    int inputSize();

    int hiddenSize();

    /** True for cells that carry a cell state c besides h (LSTM). */
    default boolean hasCellState() {
        return false;
    }

    /** The all-zero state for a batch, PyTorch's default initial state. */
    default State zeroState(int batch) {
        Matrix h = Matrix.zeros(batch, hiddenSize());
        return new State(h, hasCellState() ? Matrix.zeros(batch, hiddenSize()) : null);
    }

    /** x (batch, input) and the previous state (batch, hidden) to the next state. */
    Step forward(Matrix x, State prev);

    /** Given a step from {@link #forward} and dL/d(its state), returns dL/dx and dL/d(previous state). */
    StepGrad backward(Step step, State dState);
}
