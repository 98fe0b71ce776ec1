package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * A cell whose input x_t enters only through one product with its stacked weights, x_t · W_ihᵀ + b_ih (the
 * LSTM's and GRU's gate pre-activations). Nothing in that product depends on the previous state, so a whole
 * sequence's input products can be done in one large product before the time loop, and the matching gradients
 * (dW_ih, db_ih, every dx_t) in one large product after it; only h_{t-1} · W_hhᵀ and its gradient stay inside the
 * loop. That is what cuDNN and PyTorch do; {@link SequenceRunner} does it for every {@code GateCell}.
 *
 * <p>The per-step {@link #forward(Matrix, State)} and {@link #backward(Step, State)} of such a cell are these same
 * pieces applied to one step, so both paths run the same arithmetic.
 */
public interface GateCell extends Cell {

    /** What one step's backward returns before the input-side products: the gate gradients and dL/d(prev). */
    record GateGrad(Matrix dInputGates, Matrix dRecurrentGates, State dPrev) {
    }

    /** The input half of the gate pre-activations, x · W_ihᵀ + b_ih (plus any bias the cell adds there). */
    Matrix inputGates(Matrix x);

    /**
     * One step from its precomputed input gates (batch, gates * hidden). {@code weightHhT} is W_hhᵀ, transposed
     * once per sequence by the caller, or null to use W_hh as it is.
     */
    Step forward(Matrix x, Matrix inputGates, State prev, Matrix weightHhT);

    /** One step's backward through the time recurrence only; the input-side products are left to the caller. */
    GateGrad backwardGates(Step step, State dState);

    /** dW_ih += dGᵀ · x and the input bias gradient; returns dx = dG · W_ih. Rows may be many steps stacked. */
    Matrix backwardInputGates(Matrix x, Matrix dInputGates);

    /** dW_hh += dGᵀ · h_prev and the recurrent bias gradient. Rows may be many steps stacked. */
    void backwardRecurrentGates(Matrix hPrev, Matrix dRecurrentGates);

    /** W_hh, (gates * hidden, hidden): {@link SequenceRunner} transposes it once per sequence. */
    Matrix recurrentWeight();

    /** The previous hidden state a step read (for the recurrent weight gradient). */
    Matrix previousH(Step step);

    @Override
    default Step forward(Matrix x, State prev) {
        x.requireShape(getClass().getSimpleName() + " input x", x.rows(), inputSize());
        return forward(x, inputGates(x), prev, null);
    }

    @Override
    default StepGrad backward(Step step, State dState) {
        GateGrad g = backwardGates(step, dState);
        backwardRecurrentGates(previousH(step), g.dRecurrentGates());
        Matrix dx = backwardInputGates(inputOf(step), g.dInputGates());
        return new StepGrad(dx, g.dPrev());
    }

    /** The input x_t a step read. */
    Matrix inputOf(Step step);
}
