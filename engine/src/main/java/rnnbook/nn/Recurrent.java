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
 * <p>Input: xs of shape (seq, batch, input) as {@code Matrix[]}, an optional initial state (zeros when omitted)
 * and optional per-row lengths (PyTorch's packed sequences: row b is {@code lengths[b]} steps long; after that its
 * state stops changing, its outputs are zero and the final state is the state at its last step). Output: h_t at
 * every step, shape (seq, batch, hidden), and the final state, in an {@link Output} that also holds what
 * backward needs (the steps, which keep their inputs).
 *
 * <p>Backpropagation through time: {@link #backward(Output, Matrix[], State)} walks the steps of that forward pass
 * in reverse, adding each step's output gradient to the gradient flowing back from step t + 1; the cell's shared
 * parameters collect the sum of every step's contribution. Parameter names carry PyTorch's layer suffix:
 * {@code weight_ih_l0}, ...
 *
 * <p>The vanilla, LSTM and GRU cells run on a faster road inside the same loops ({@code FastRoad}): input products
 * of all steps before the loop, weight gradients after it, W_hh packed once, fused elementwise kernels. It gives the
 * same bits as calling the cell's own {@code forward} and {@code backward} step by step.
 */
public final class Recurrent implements Module {
    private final Cell cell;
    private final FastRoad road;   // null: the cell's own forward and backward
    private Output last;   // the last forward pass, for the two-argument backward

    /**
     * What a forward pass returns: every step's output h_t, the final state and the steps themselves, and, for
     * {@link #backward(Output, Matrix[], State)}, the initial state, lengths and road it ran on.
     */
    public static final class Output {
        private final Matrix[] outputs;
        private final State last;
        private final List<Step> steps;
        private final State initial;
        private final int[] lengths;   // null: every row runs every step
        private final FastRoad road;   // null: the cell's own forward and backward

        private Output(Matrix[] outputs, State last, List<Step> steps, State initial, int[] lengths, FastRoad road) {
            this.outputs = outputs;
            this.last = last;
            this.steps = Collections.unmodifiableList(steps);
            this.initial = initial;
            this.lengths = lengths;
            this.road = road;
        }

        /** h_t for every step, (batch, hidden) each; zero in the rows of sequences that have ended. */
        public Matrix[] outputs() {
            return outputs;
        }

        /** The final state: for each row, the state after its last step. */
        public State last() {
            return last;
        }

        /** The cell's step records, one per time step (gate values for heatmaps, inputs to the cell's backward). */
        public List<Step> steps() {
            return steps;
        }

        /** The per-row lengths the pass ran with; null when every row ran every step. */
        int[] lengths() {
            return lengths;
        }
    }

    /** What a backward pass returns: dL/dx_t for every step and dL/d(initial state). */
    public record Gradients(Matrix[] dInputs, State dInitial) {
    }

    public Recurrent(Cell cell) {
        this.cell = cell;
        this.road = FastRoad.of(cell);
    }

    public Cell cell() {
        return cell;
    }

    /** Runs the cell over xs from the zero state. */
    public Output forward(Matrix[] xs) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        return run(xs, cell.zeroState(xs[0].rows()), null);
    }

    /** Runs the cell over xs starting from {@code h0}. */
    public Output forward(Matrix[] xs, State h0) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        return run(xs, h0, null);
    }

    /**
     * Runs the cell over xs from {@code h0} (null: zeros), row b for {@code lengths[b]} steps (each in [1, seq]),
     * PyTorch's {@code pack_padded_sequence} semantics.
     */
    public Output forward(Matrix[] xs, State h0, int[] lengths) {
        Sequences.require("Recurrent input", xs, cell.inputSize());
        State start = h0 == null ? cell.zeroState(xs[0].rows()) : h0;
        return run(xs, start, lengths == null ? null : Lengths.check(lengths, xs[0].rows(), xs.length));
    }

    /**
     * The forward pass over inputs already checked (inputs are checked once per stack: the finite-check reads them
     * all). Layers of a {@link Stacked} call it directly.
     */
    Output run(Matrix[] xs, State h0, int[] lengths) {
        h0.require("Recurrent initial state", xs[0].rows(), cell.hiddenSize(), cell.hasCellState());
        Matrix[] inputGates = road == null ? null : road.inputGates(xs);   // every x_t · W_ihᵀ, before the loop
        Packed weightHhT = road == null ? null : Packed.ofTransposed(road.cell.weightHh().value());
        List<Step> steps = new ArrayList<>(xs.length);
        Matrix[] outputs = new Matrix[xs.length];
        State state = h0;
        // tag::unroll[]
        for (int t = 0; t < xs.length; t++) {
            Step step = road == null ? cell.forward(xs[t], state)   // the same cell, the same weights, at every t
                    : road.forward(xs[t], inputGates[t], state, weightHhT);
            steps.add(step);
            if (lengths == null) {
                state = step.state();
                outputs[t] = state.h();
            } else {   // rows whose sequence has ended keep their state and output zeros
                state = Lengths.carry(step.state(), state, lengths, t);
                outputs[t] = Lengths.output(step.state().h(), lengths, t);
            }
        }
        // end::unroll[]
        last = new Output(outputs, state, steps, h0, lengths, road);
        return last;
    }

    /**
     * An unrolling driven one step at a time from {@code h0} (null: zeros, for {@code batch} rows), for a loop that
     * learns each input only after the previous output: a decoder that reads its own predictions. Every
     * {@link Stepping#step} is the cell's own forward at the next t; {@link Stepping#output()} is an {@link Output}
     * that {@link #backward(Output, Matrix[], State)} takes exactly as it takes a whole-sequence pass.
     */
    public Stepping stepping(State h0, int batch) {
        State start = h0 == null ? cell.zeroState(batch) : h0;
        start.require("Recurrent initial state", batch, cell.hiddenSize(), cell.hasCellState());
        return new Stepping(start);
    }

    /** A forward pass in the making, one step per call; see {@link #stepping}. */
    public final class Stepping {
        private final State initial;
        private final List<Step> steps = new ArrayList<>();
        private final List<Matrix> outputs = new ArrayList<>();
        private State state;

        private Stepping(State initial) {
            this.initial = initial;
            this.state = initial;
        }

        /** Runs the cell on x_t (batch, input) from the state so far and returns the new state. */
        public State step(Matrix x) {
            x.requireShape("Recurrent step " + steps.size() + " input", initial.batch(), cell.inputSize());
            Sequences.requireFinite("Recurrent step " + steps.size() + " input", x);
            Step step = cell.forward(x, state);   // the same cell, the same weights, at every t
            steps.add(step);
            state = step.state();
            outputs.add(state.h());
            return state;
        }

        /** The steps so far as a forward pass (at least one step). */
        public Output output() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("Recurrent stepping: no step was taken");
            }
            return new Output(outputs.toArray(new Matrix[0]), state, new ArrayList<>(steps), initial, null, null);
        }
    }

    /**
     * Backpropagation through time over the last forward pass of this layer.
     *
     * @deprecated a later forward (a decoding pass, an evaluation) replaces the pass this uses; keep the
     *             {@link Output} that {@code forward} returns and call {@link #backward(Output, Matrix[], State)}
     */
    @Deprecated
    public Gradients backward(Matrix[] dOutputs, State dLast) {
        if (last == null) {
            throw new IllegalStateException("Recurrent backward called before forward");
        }
        return backward(last, dOutputs, dLast);
    }

    /**
     * Backpropagation through time over the forward pass that returned {@code pass}.
     *
     * @param dOutputs dL/dh_t for each step, shape (seq, batch, hidden); the array or any entry may be null
     *                 where the loss does not use that step's output (a many-to-one model)
     * @param dLast    dL/d(final state), or null
     */
    public Gradients backward(Output pass, Matrix[] dOutputs, State dLast) {
        int seq = pass.steps.size();
        if (dOutputs != null && dOutputs.length != seq) {
            throw new IllegalArgumentException("Recurrent backward: " + dOutputs.length
                    + " output gradients for a forward pass of " + seq + " steps");
        }
        if (pass.road == null) {
            return walkBack(pass, dOutputs, dLast);
        }
        pass.road.scratch.begin();
        try {
            return walkBack(pass, dOutputs, dLast);
        } finally {
            pass.road.scratch.end();
        }
    }

    private Gradients walkBack(Output pass, Matrix[] dOutputs, State dLast) {
        int seq = pass.steps.size();
        FastRoad road = pass.road;
        Packed weightHh = road == null ? null : Packed.of(road.cell.weightHh().value());   // once for all steps
        Matrix[] dInputs = new Matrix[seq];
        Matrix[] dInputGates = new Matrix[seq];       // the fast road's, in the order of the walk
        Matrix[] dRecurrentGates = new Matrix[seq];
        Matrix[] hPrev = new Matrix[seq];
        Matrix[] walkInputs = new Matrix[seq];
        State carried = dLast;   // gradient arriving from step t + 1 (or from the loss on the final state)
        boolean owned = false;   // whether carried is ours to write over (it is once a step has produced it)
        // tag::bptt[]
        for (int t = seq - 1; t >= 0; t--) {
            Step step = pass.steps.get(t);
            // with lengths, carried is read again below (finished rows pass it back), so it is not summed in place
            State dState = stepGradient(pass, dOutputs == null ? null : dOutputs[t], carried,
                    owned && pass.lengths == null);
            if (pass.lengths != null) {
                dState = Lengths.running(dState, pass.lengths, t);
            }
            State dPrev;
            if (road == null) {
                StepGrad g = cell.backward(step, dState);   // adds this step's share to the shared grads
                dInputs[t] = g.dx();
                dPrev = g.dPrev();
            } else {   // the input-side products wait until after the loop
                FastRoad.GateGrad g = road.backward(step, dState, weightHh);
                int w = seq - 1 - t;
                dInputGates[w] = g.dInputGates();
                dRecurrentGates[w] = g.dRecurrentGates();
                hPrev[w] = road.previousH(step);
                walkInputs[w] = road.inputOf(step);
                dPrev = g.dPrev();
            }
            carried = pass.lengths == null ? dPrev : Lengths.passFinished(dPrev, carried, pass.lengths, t);
            owned = true;
        }
        // end::bptt[]
        if (road != null) {   // summed in the order of the walk: the same bits as a step-by-step backward
            Matrix[] dxWalk = road.backwardGates(walkInputs, hPrev, dInputGates, dRecurrentGates);
            for (int t = 0; t < seq; t++) {
                dInputs[t] = dxWalk[seq - 1 - t];
            }
        }
        return new Gradients(dInputs, carried);
    }

    /**
     * dL/d(state_t): the loss's gradient on h_t (if any) plus what flows back from step t + 1 (if anything). The
     * fast road writes over what it is given, so it gets new matrices unless carried is already its own.
     */
    private State stepGradient(Output pass, Matrix dOut, State carried, boolean owned) {
        if (carried == null) {
            return dOut == null ? cell.zeroState(pass.initial.batch()) : State.of(dOut.copy());
        }
        if (pass.road == null) {   // a cell's backward only reads its dState
            return dOut == null ? carried : State.of(dOut).plus(carried);
        }
        State sum = owned ? carried : carried.copy();
        return dOut == null ? sum : new State(sum.h().addInPlace(dOut), sum.c());
    }

    /** The steps of the last forward pass (for inspecting gates or per-step gradients); empty before any. */
    public List<Step> steps() {
        return last == null ? List.of() : last.steps();
    }

    /** The parameter names of the cell with PyTorch's layer suffix. */
    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : cell.namedParameters().entrySet()) {
            out.put(e.getKey() + "_l0", e.getValue());
        }
        return out;
    }
}
