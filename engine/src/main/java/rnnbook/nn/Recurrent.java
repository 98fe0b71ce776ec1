package rnnbook.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;

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
 *
 * <p>Two roads, with the same results. Any cell is unrolled one step at a time ({@link #forward(Matrix[], State)}
 * reads exactly like the loop above). A {@link GateCell} (vanilla, LSTM, GRU) takes the faster road that cuDNN and
 * PyTorch take: its input x_t enters only through x_t · W_ihᵀ, which does not depend on the previous step, so the
 * input products of all steps are one call before the time loop ({@link rnnbook.tensor.PerStep}), and their
 * gradients (dW_ih, db_ih, every dx_t) and the recurrent weight gradient (dW_hh = Σ_t dG_tᵀ · h_{t-1}) are one call
 * each after it. Inside the loop only h_{t-1} · W_hhᵀ (forward) and dG_t · W_hh (backward) remain,
 * the part that truly depends on the previous step; W_hh is transposed and packed for the kernel once per
 * sequence instead of once per step. Whole-sequence products are what the matrix kernel does fastest, and they
 * are split over both cores.
 */
public final class Recurrent implements Module {
    private final Cell cell;
    private List<Step> steps = List.of();
    private State initial;
    private Matrix[] inputs;   // the whole-sequence road keeps x_t for the gradient products (null otherwise)

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
        return run(xs, cell.zeroState(xs[0].rows()));
    }

    /** Runs the cell over xs starting from {@code h0}; keeps every step for {@link #backward}. */
    public Output forward(Matrix[] xs, State h0) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        return run(xs, h0);
    }

    /** The forward pass over inputs already checked (each finite-check reads every input once). */
    private Output run(Matrix[] xs, State h0) {
        h0.require("Recurrent initial state", xs[0].rows(), cell.hiddenSize(), cell.hasCellState());
        this.initial = h0;
        return cell instanceof GateCell gated ? forwardWhole(gated, xs, h0) : forwardSteps(xs, h0);
    }

    // tag::unroll[]
    private Output forwardSteps(Matrix[] xs, State h0) {
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
        this.inputs = null;
        return new Output(outputs, state, Collections.unmodifiableList(kept));
    }
    // end::unroll[]

    // tag::whole[]
    private Output forwardWhole(GateCell gated, Matrix[] xs, State h0) {
        int seq = xs.length;
        Matrix[] inputGates = gated.inputGates(xs);              // every step's x_t · W_ihᵀ, before the loop
        Packed weightHhT = Packed.of(gated.recurrentWeight().transpose());   // once per sequence, not per step
        List<Step> kept = new ArrayList<>(seq);
        Matrix[] outputs = new Matrix[seq];
        State state = h0;
        for (int t = 0; t < seq; t++) {
            Step step = gated.forward(xs[t], inputGates[t], state, weightHhT);   // only h · W_hhᵀ left per step
            kept.add(step);
            state = step.state();
            outputs[t] = state.h();
        }
        this.steps = kept;
        this.inputs = xs.clone();
        return new Output(outputs, state, Collections.unmodifiableList(kept));
    }
    // end::whole[]

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
        return inputs != null ? backwardWhole((GateCell) cell, dOutputs, dLast) : backwardSteps(dOutputs, dLast);
    }

    // tag::bptt[]
    private Gradients backwardSteps(Matrix[] dOutputs, State dLast) {
        int seq = steps.size();
        Matrix[] dInputs = new Matrix[seq];
        State carried = dLast;   // gradient arriving from step t + 1 (or from the loss on the final state)
        for (int t = seq - 1; t >= 0; t--) {
            State dState = stepGradient(dOutputs, t, carried);
            StepGrad g = cell.backward(steps.get(t), dState);   // adds this step's share to the shared grads
            dInputs[t] = g.dx();
            carried = g.dPrev();
        }
        return new Gradients(dInputs, carried);
    }
    // end::bptt[]

    // tag::bptt-whole[]
    private Gradients backwardWhole(GateCell gated, Matrix[] dOutputs, State dLast) {
        int seq = steps.size();
        Matrix[] dInputGates = new Matrix[seq];
        Matrix[] dRecurrentGates = new Matrix[seq];
        Matrix[] hPrev = new Matrix[seq];
        Matrix[] walkInputs = new Matrix[seq];
        State carried = dLast;
        Packed weightHh = Packed.of(gated.recurrentWeight());   // for dG_t · W_hh, packed once for all steps
        boolean owned = false;   // whether carried is ours to write over (it is once a step has produced it)
        for (int t = seq - 1; t >= 0; t--) {   // only the recurrence itself is walked step by step
            Matrix dOut = dOutputs == null ? null : dOutputs[t];
            State dState;
            if (owned) {
                dState = dOut == null ? carried : new State(carried.h().addInPlace(dOut), carried.c());
            } else {   // the caller's dLast and dOutputs[t]: summed into a copy, which the cell may overwrite
                dState = ownedSum(dOut, carried);
            }
            GateCell.GateGrad g = gated.backwardGates(steps.get(t), dState, weightHh);
            int w = seq - 1 - t;   // kept in the order of the walk, so the sums below add the steps' shares in the
            dInputGates[w] = g.dInputGates();          // same order as a step-by-step backward: the same bits
            dRecurrentGates[w] = g.dRecurrentGates();
            hPrev[w] = gated.previousH(steps.get(t));
            walkInputs[w] = inputs[t];
            carried = g.dPrev();
            owned = true;
        }
        gated.backwardRecurrentGates(hPrev, dRecurrentGates);                 // dW_hh = Σ_t dG_tᵀ · h_{t-1}
        Matrix[] dxWalk = gated.backwardInputGates(walkInputs, dInputGates);   // dW_ih, and every dx_t at once
        Matrix[] dInputs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            dInputs[t] = dxWalk[seq - 1 - t];
        }
        return new Gradients(dInputs, carried);
    }
    // end::bptt-whole[]

    /** dL/d(state_t): the loss's gradient on h_t (if any) plus what flows back from step t + 1 (if anything). */
    private State stepGradient(Matrix[] dOutputs, int t, State carried) {
        Matrix dOut = dOutputs == null ? null : dOutputs[t];
        State dState = dOut == null ? carried : State.of(dOut).plus(carried);
        return dState != null ? dState : cell.zeroState(initial.batch());
    }

    /** dOut + carried (either may be null) in new matrices, sharing nothing with the caller's. */
    private State ownedSum(Matrix dOut, State carried) {
        if (carried == null) {
            return dOut == null ? cell.zeroState(initial.batch()) : State.of(dOut.copy());
        }
        State sum = carried.copy();
        if (dOut != null) {
            sum.h().addInPlace(dOut);
        }
        return sum;
    }

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
