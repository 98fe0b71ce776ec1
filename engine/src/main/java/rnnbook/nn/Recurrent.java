package rnnbook.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnbook.tensor.Matrix;

/**
 * Unrolls one {@link Cell} over a whole sequence, PyTorch's single-layer {@code nn.RNN} (or LSTM, GRU):
 * the same cell, with the same weights, is applied at every time step.
 *
 * <p>Input: xs of shape (seq, batch, input) as {@code Matrix[]}, and an optional initial state (zeros when
 * omitted). Output: h_t at every step, shape (seq, batch, hidden), and the final state.
 *
 * <p>Backpropagation through time: {@link #backward} walks the steps in reverse, adding each step's output
 * gradient to the gradient flowing back from step t + 1; the cell's shared parameters collect the sum of every
 * step's contribution. Parameter names carry PyTorch's layer suffix: {@code weight_ih_l0}, ...
 */
public final class Recurrent implements Module {
    private final Cell cell;
    private List<Step> steps = List.of();
    private State initial;

    /** What a forward pass returns: every step's output h_t, the final state, and the steps themselves. */
    public record Output(Matrix[] outputs, State last, List<Step> steps) {
    }

    /** What a backward pass returns: dL/dx_t for every step and dL/d(initial state). */
    public record Gradients(Matrix[] dInputs, State dInitial) {
    }

    public Recurrent(Cell cell) {
        this.cell = cell;
    }

    public Cell cell() {
        return cell;
    }

    public Output forward(Matrix[] xs) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        return forward(xs, cell.zeroState(xs[0].rows()));
    }

    // tag::unroll[]
    /** Runs the cell over xs starting from {@code h0}; keeps every step for {@link #backward}. */
    public Output forward(Matrix[] xs, State h0) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        h0.require("Recurrent initial state", xs[0].rows(), cell.hiddenSize(), cell.hasCellState());
        List<Step> kept = new ArrayList<>(xs.length);
        Matrix[] outputs = new Matrix[xs.length];
        State state = h0;
        for (int t = 0; t < xs.length; t++) {
            Step step = cell.forward(xs[t], state);   // the same cell, the same weights, at every t
            kept.add(step);
            state = step.state();
            outputs[t] = state.h();
        }
        this.steps = kept;
        this.initial = h0;
        return new Output(outputs, state, Collections.unmodifiableList(kept));
    }
    // end::unroll[]

    // tag::bptt[]
    /**
     * Backpropagation through time over the last forward pass.
     *
     * @param dOutputs dL/dh_t for each step, shape (seq, batch, hidden); the array or any entry may be null
     *                 where the loss does not use that step's output (a many-to-one model)
     * @param dLast    dL/d(final state), or null
     */
    public Gradients backward(Matrix[] dOutputs, State dLast) {
        int seq = steps.size();
        if (seq == 0) {
            throw new IllegalStateException("Recurrent backward called before forward");
        }
        if (dOutputs != null && dOutputs.length != seq) {
            throw new IllegalArgumentException("Recurrent backward: " + dOutputs.length
                    + " output gradients for a forward pass of " + seq + " steps");
        }
        Matrix[] dInputs = new Matrix[seq];
        State carried = dLast;   // gradient arriving from step t + 1 (or from the loss on the final state)
        for (int t = seq - 1; t >= 0; t--) {
            Matrix dOut = dOutputs == null ? null : dOutputs[t];
            State dState = dOut == null ? carried : State.of(dOut).plus(carried);
            if (dState == null) {
                dState = cell.zeroState(initial.batch());
            }
            StepGrad g = cell.backward(steps.get(t), dState);   // adds this step's share to the shared grads
            dInputs[t] = g.dx();
            carried = g.dPrev();
        }
        return new Gradients(dInputs, carried);
    }
    // end::bptt[]

    /** The steps kept by the last forward pass (for inspecting gates or per-step gradients). */
    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : cell.namedParameters().entrySet()) {
            out.put(e.getKey() + "_l0", e.getValue());
        }
        return out;
    }
}
