package rnnbook.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/**
 * One bidirectional recurrent layer: a forward cell reads x_0 .. x_{T-1}, a second cell with its own weights reads
 * x_{T-1} .. x_0, and the output at step t is both directions' hidden states side by side:
 * <pre>
 *   →h_t = cell(x_t, →h_{t-1})        ←h_t = reverseCell(x_t, ←h_{t+1})        y_t = [→h_t ‖ ←h_t]
 * </pre>
 * Shapes: x_t (batch, input), y_t (batch, 2 * hidden). The final states are →h_{T-1} (forward) and ←h_0 (reverse),
 * PyTorch's h_n[0] and h_n[1]. Backward splits dy_t into its two halves, runs BPTT through each direction and adds
 * the two directions' dx_t. With per-row lengths (PyTorch's packed sequences) row b is L_b steps long: the reverse
 * cell reads x_{L_b - 1} .. x_0 of that row, so it starts at the row's last real step, not at padding, and y_t is
 * zero for t >= L_b. Parameter names are PyTorch's: {@code weight_ih_l0} for the forward cell and
 * {@code weight_ih_l0_reverse} for the reverse one ({@code l} followed by the layer index when stacked).
 */
public final class Bidirectional implements Module {
    private final Recurrent forward;
    private final Recurrent reverse;
    private final int layer;
    private Output last;   // the last forward pass, for the three-argument backward

    /**
     * The outputs y_t (batch, 2 * hidden), each direction's final state, and each direction's own pass (its steps,
     * the reverse one in reversed time; what {@link #backward(Output, Matrix[], State, State)} differentiates).
     */
    public record Output(Matrix[] outputs, State lastForward, State lastReverse, Recurrent.Output ahead,
                         Recurrent.Output back) {
    }

    /** dL/dx_t and dL/d(each direction's initial state). */
    public record Gradients(Matrix[] dInputs, State dInitialForward, State dInitialReverse) {
    }

    public Bidirectional(Cell forwardCell, Cell reverseCell) {
        this(forwardCell, reverseCell, 0);
    }

    /** A bidirectional layer that is layer {@code layer} of a stack (only its parameter names depend on it). */
    public Bidirectional(Cell forwardCell, Cell reverseCell, int layer) {
        if (forwardCell.inputSize() != reverseCell.inputSize() || forwardCell.hiddenSize() != reverseCell.hiddenSize()
                || forwardCell.hasCellState() != reverseCell.hasCellState()) {
            throw new IllegalArgumentException("Bidirectional: the reverse cell must match the forward cell: expected"
                    + " input " + forwardCell.inputSize() + ", hidden " + forwardCell.hiddenSize() + ", got input "
                    + reverseCell.inputSize() + ", hidden " + reverseCell.hiddenSize());
        }
        if (forwardCell == reverseCell) {
            throw new IllegalArgumentException("Bidirectional: the two directions need two cells with their own"
                    + " weights, got the same cell twice");
        }
        this.forward = new Recurrent(forwardCell);
        this.reverse = new Recurrent(reverseCell);
        this.layer = layer;
    }

    public Cell forwardCell() {
        return forward.cell();
    }

    public Cell reverseCell() {
        return reverse.cell();
    }

    public int inputSize() {
        return forward.cell().inputSize();
    }

    public int hiddenSize() {
        return forward.cell().hiddenSize();
    }

    /** The concatenated output width, 2 * hidden. */
    public int outputSize() {
        return 2 * hiddenSize();
    }

    /** Both directions from zero states. */
    public Output forward(Matrix[] xs) {
        Sequences.require("Bidirectional input", xs, inputSize());
        int batch = xs[0].rows();
        return run(xs, forward.cell().zeroState(batch), reverse.cell().zeroState(batch), null);
    }

    public Output forward(Matrix[] xs, State h0Forward, State h0Reverse) {
        Sequences.require("Bidirectional input", xs, inputSize());
        return run(xs, h0Forward, h0Reverse, null);
    }

    /**
     * Both directions from the given initial states (null: zeros), row b for {@code lengths[b]} steps (each in
     * [1, seq]), PyTorch's {@code pack_padded_sequence} semantics; lengths null: every row runs every step.
     */
    public Output forward(Matrix[] xs, State h0Forward, State h0Reverse, int[] lengths) {
        Sequences.require("Bidirectional input", xs, inputSize());
        int batch = xs[0].rows();
        return run(xs, h0Forward == null ? forward.cell().zeroState(batch) : h0Forward,
                h0Reverse == null ? reverse.cell().zeroState(batch) : h0Reverse,
                lengths == null ? null : Lengths.check(lengths, batch, xs.length));
    }

    // tag::bidirectional[]
    /**
     * Both directions over an input already checked ({@link Stacked} checks its input and lengths once for all
     * layers).
     */
    Output run(Matrix[] xs, State h0Forward, State h0Reverse, int[] lengths) {
        h0Forward.require("Bidirectional initial state (forward)", xs[0].rows(), hiddenSize(),
                forward.cell().hasCellState());
        h0Reverse.require("Bidirectional initial state (reverse)", xs[0].rows(), hiddenSize(),
                reverse.cell().hasCellState());
        Recurrent.Output ahead = forward.run(xs, h0Forward, lengths);
        Recurrent.Output back = reverse.run(Lengths.mirror(xs, lengths), h0Reverse, lengths);
        Matrix[] backInTime = Lengths.mirror(back.outputs(), lengths);   // ←h_t at step t of the input
        Matrix[] ys = new Matrix[xs.length];
        for (int t = 0; t < xs.length; t++) {
            ys[t] = Blocks.join(ahead.outputs()[t], backInTime[t]);
        }
        last = new Output(ys, ahead.last(), back.last(), ahead, back);
        return last;
    }
    // end::bidirectional[]

    /**
     * BPTT through both directions of the last forward pass of this layer.
     *
     * @deprecated a later forward replaces the pass this uses; keep the {@link Output} and call
     *             {@link #backward(Output, Matrix[], State, State)}
     */
    @Deprecated
    public Gradients backward(Matrix[] dOutputs, State dLastForward, State dLastReverse) {
        if (last == null) {
            throw new IllegalStateException("Bidirectional backward called before forward");
        }
        return backward(last, dOutputs, dLastForward, dLastReverse);
    }

    /**
     * BPTT through both directions of the forward pass that returned {@code pass}.
     *
     * @param dOutputs dL/dy_t, each (batch, 2 * hidden); the array or any entry may be null
     * @param dLastForward dL/d(forward final state), or null
     * @param dLastReverse dL/d(reverse final state), or null
     */
    public Gradients backward(Output pass, Matrix[] dOutputs, State dLastForward, State dLastReverse) {
        int seq = pass.outputs().length;
        if (dOutputs != null && dOutputs.length != seq) {
            throw new IllegalArgumentException("Bidirectional backward: " + dOutputs.length
                    + " output gradients for a forward pass of " + seq + " steps");
        }
        int hidden = hiddenSize();
        int[] lengths = pass.back().lengths();
        Matrix[] dAhead = new Matrix[seq];
        Matrix[] dBackInTime = new Matrix[seq];   // dL/d←h_t at step t of the input
        for (int t = 0; dOutputs != null && t < seq; t++) {
            if (dOutputs[t] != null) {
                dOutputs[t].requireShape("Bidirectional backward dy at step " + t, dOutputs[t].rows(), 2 * hidden);
                dAhead[t] = Blocks.block(dOutputs[t], 0, hidden);
                dBackInTime[t] = Blocks.block(dOutputs[t], 1, hidden);
            }
        }
        Recurrent.Gradients ga = forward.backward(pass.ahead(), dAhead, dLastForward);
        Recurrent.Gradients gb = reverse.backward(pass.back(), Lengths.mirror(dBackInTime, lengths), dLastReverse);
        Matrix[] dxBack = Lengths.mirror(gb.dInputs(), lengths);   // the reverse cell's dx, in input order
        Matrix[] dInputs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            dInputs[t] = ga.dInputs()[t].add(dxBack[t]);
        }
        return new Gradients(dInputs, ga.dInitial(), gb.dInitial());
    }

    /** The forward cell's steps of the last forward pass, in time order (to read its gates). */
    public List<Step> forwardSteps() {
        return forward.steps();
    }

    /** The reverse cell's steps of the last forward pass, re-ordered so entry t belongs to input step t. */
    public List<Step> reverseSteps() {
        List<Step> steps = new ArrayList<>(reverse.steps());
        Collections.reverse(steps);
        return Collections.unmodifiableList(steps);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : forward.cell().namedParameters().entrySet()) {
            out.put(e.getKey() + "_l" + layer, e.getValue());
        }
        for (Map.Entry<String, Parameter> e : reverse.cell().namedParameters().entrySet()) {
            out.put(e.getKey() + "_l" + layer + "_reverse", e.getValue());
        }
        return out;
    }
}
