package rnnbook.nn;

import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.PerStep;

/**
 * A cell whose input x_t enters only through one product with its stacked weights, x_t · W_ihᵀ + b_ih (the LSTM's
 * and GRU's gate pre-activations, the vanilla cell's pre-activation). Nothing in that product depends on the
 * previous state, so a whole sequence's input products can be done in one large product before the time loop, and
 * the matching gradients (dW_ih, db_ih, every dx_t) in one large product after it; only h_{t-1} · W_hhᵀ and its
 * gradient stay inside the loop. That is what cuDNN and PyTorch do; {@link Recurrent} does it for every
 * {@code GateCell}.
 *
 * <p>The per-step {@link #forward(Matrix, State)} and {@link #backward(Step, State)} of such a cell are these same
 * pieces applied to one step, so both paths run the same arithmetic.
 */
public interface GateCell extends Cell {

    /** What one step's backward returns before the input-side products: the gate gradients and dL/d(prev). */
    record GateGrad(Matrix dInputGates, Matrix dRecurrentGates, State dPrev) {
    }

    /**
     * The input half of the gate pre-activations for every step, x_t · W_ihᵀ + b_ih (plus any bias the cell adds
     * there), in one call (see {@link rnnbook.tensor.PerStep}).
     */
    Matrix[] inputGates(Matrix[] xs);

    /**
     * One step from its precomputed input gates (batch, gates * hidden). {@code weightHhT} is W_hhᵀ, transposed
     * and packed once per sequence by the caller, or null to use W_hh as it is. The input gates belong to this
     * step: the cell may overwrite them (it adds the recurrent half in place rather than copying).
     */
    Step forward(Matrix x, Matrix inputGates, State prev, Packed weightHhT);

    /**
     * One step's backward through the time recurrence only; the input-side products are left to the caller.
     * {@code dState} belongs to this call: the cell may overwrite it (the caller passes a copy when it must keep
     * its own). {@code weightHh} is W_hh packed once per sequence by the caller, or null to use W_hh as it is.
     */
    GateGrad backwardGates(Step step, State dState, Packed weightHh);

    /** W_ih, (gates * hidden, input), PyTorch's {@code weight_ih}. */
    Parameter weightIh();

    /** W_hh, (gates * hidden, hidden), PyTorch's {@code weight_hh}. */
    Parameter weightHh();

    /** b_ih, (1, gates * hidden); a constant zero row when the cell has no bias ({@link #hasBias()}). */
    Parameter biasIh();

    /** b_hh, (1, gates * hidden); a constant zero row when the cell has no bias ({@link #hasBias()}). */
    Parameter biasHh();

    /** Whether the biases are learnable parameters (PyTorch's {@code bias=True}); no bias gradient otherwise. */
    default boolean hasBias() {
        return true;
    }

    /** dW_ih += Σ_t dG_tᵀ · x_t, db_ih += Σ_t Σ_rows dG_t; returns every dx_t = dG_t · W_ih. */
    default Matrix[] backwardInputGates(Matrix[] xs, Matrix[] dInputGates) {
        PerStep.addTMatmul(weightIh().grad(), dInputGates, xs);
        if (hasBias()) {
            PerStep.addSumRows(biasIh().grad(), dInputGates);
        }
        return PerStep.matmul(dInputGates, weightIh().value());
    }

    /** dW_hh += Σ_t dG_tᵀ · h_{t-1}, db_hh += Σ_t Σ_rows dG_t. */
    default void backwardRecurrentGates(Matrix[] hPrev, Matrix[] dRecurrentGates) {
        PerStep.addTMatmul(weightHh().grad(), dRecurrentGates, hPrev);
        if (hasBias()) {
            PerStep.addSumRows(biasHh().grad(), dRecurrentGates);
        }
    }

    /** W_hh, (gates * hidden, hidden): {@link Recurrent} packs it (and its transpose) once per sequence. */
    default Matrix recurrentWeight() {
        return weightHh().value();
    }

    /** The previous hidden state a step read (for the recurrent weight gradient). */
    Matrix previousH(Step step);

    @Override
    default Step forward(Matrix x, State prev) {
        x.requireShape(getClass().getSimpleName() + " input x", x.rows(), inputSize());
        return forward(x, inputGates(new Matrix[] {x})[0], prev, null);
    }

    @Override
    default StepGrad backward(Step step, State dState) {
        GateGrad g = backwardGates(step, dState.copy(), null);   // the caller keeps its dState
        backwardRecurrentGates(new Matrix[] {previousH(step)}, new Matrix[] {g.dRecurrentGates()});
        Matrix dx = backwardInputGates(new Matrix[] {inputOf(step)}, new Matrix[] {g.dInputGates()})[0];
        return new StepGrad(dx, g.dPrev());
    }

    /** The input x_t a step read. */
    Matrix inputOf(Step step);
}
