package rnnbook.seq2seq;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnbook.attention.Mask;
import rnnbook.nn.Cell;
import rnnbook.nn.Embedding;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Matrix;

/**
 * The encoder of a sequence-to-sequence model: token ids are embedded and read by one recurrent cell, with
 * padding handled the way PyTorch's packed sequences handle it.
 *
 * <p>A batch holds sources of different lengths, padded on the right. Where row b is padding (t ≥ len_b) its
 * state is carried through unchanged and its output is zero:
 * <pre>
 *   state_t[b] = cell(x_t, state_{t-1})[b]   if t &lt; len_b      else state_{t-1}[b]
 *   out_t[b]   = h_t[b]                      if t &lt; len_b      else 0
 * </pre>
 * so the final state of each row is its state after its own last real token, whatever the padding. Backward
 * mirrors it: a padded row's gradient skips the cell and flows straight to the previous step.
 *
 * <p>{@link rnnbook.nn.Recurrent} has no per-row lengths, which is why this module unrolls the cell itself.
 */
public final class Encoder implements Module {
    private final Embedding embedding;
    private final Cell cell;
    private Step[] steps;
    private boolean[][] valid;   // valid[t][b]
    private int[] flatIds;

    /** The encoder states (src, batch, hidden; zero at padding), each row's final state, and the padding mask. */
    public record Output(Matrix[] outputs, State last, Mask mask) {
    }

    public Encoder(Embedding embedding, Cell cell) {
        if (embedding.dim() != cell.inputSize()) {
            throw new IllegalArgumentException("Encoder: embedding size " + embedding.dim()
                    + " does not match the cell's input size " + cell.inputSize());
        }
        this.embedding = embedding;
        this.cell = cell;
    }

    public Cell cell() {
        return cell;
    }

    public Embedding embedding() {
        return embedding;
    }

    /** Encodes {@code sources[b]} (token ids, at least one each); shorter rows are padded with {@code pad}. */
    public Output forward(int[][] sources, int pad) {
        int steps = Padding.maxLength("Encoder sources", sources, false);
        int batch = sources.length;
        int[][] ids = Padding.timeMajor(sources, steps, pad);
        flatIds = Padding.flatten(ids);
        Matrix[] xs = Sequences.split(embedding.forward(flatIds), steps);
        valid = new boolean[steps][batch];
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = sources[b].length;
            for (int t = 0; t < lengths[b]; t++) {
                valid[t][b] = true;
            }
        }
        this.steps = new Step[steps];
        Matrix[] outputs = new Matrix[steps];
        State state = cell.zeroState(batch);
        // tag::masked[]
        for (int t = 0; t < steps; t++) {
            Step step = cell.forward(xs[t], state);
            this.steps[t] = step;
            state = keepRows(step.state(), state, valid[t]);          // padded rows keep their state
            outputs[t] = keepRows(step.state().h(), null, valid[t]);  // and output zero
        }
        // end::masked[]
        return new Output(outputs, state, Mask.lengths(steps, lengths));
    }

    /**
     * Backward over the last forward pass: dOutputs (src, batch, hidden; entries may be null) and dL/d(final
     * state). Accumulates the cell's and the embedding's gradients.
     */
    public void backward(Matrix[] dOutputs, State dLast) {
        if (steps == null) {
            throw new IllegalStateException("Encoder backward called before forward");
        }
        int batch = valid[0].length;
        Matrix[] dxs = new Matrix[steps.length];
        State carried = dLast == null ? cell.zeroState(batch) : complete(dLast, batch);
        for (int t = steps.length - 1; t >= 0; t--) {
            Matrix dh = dOutputs == null || dOutputs[t] == null ? carried.h() : carried.h().add(dOutputs[t]);
            State dState = keepRows(new State(dh, carried.c()), null, valid[t]);
            StepGrad g = cell.backward(steps[t], dState);
            dxs[t] = g.dx();
            carried = keepRows(complete(g.dPrev(), batch), carried, valid[t]);   // padded rows pass straight back
        }
        embedding.forward(flatIds);   // the table remembers the ids of its last lookup; make it this batch's
        embedding.backward(Sequences.stack(dxs));
    }

    private State complete(State s, int batch) {
        if (cell.hasCellState() && s.c() == null) {
            return new State(s.h(), Matrix.zeros(batch, cell.hiddenSize()));
        }
        return s;
    }

    /** Row b of {@code a} where keep[b], else row b of {@code b} (zero when {@code b} is null). */
    static Matrix keepRows(Matrix a, Matrix otherwise, boolean[] keep) {
        Matrix out = otherwise == null ? Matrix.zeros(a.rows(), a.cols()) : otherwise.copy();
        int cols = a.cols();
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                System.arraycopy(a.data(), r * cols, out.data(), r * cols, cols);
            }
        }
        return out;
    }

    static State keepRows(State a, State otherwise, boolean[] keep) {
        Matrix h = keepRows(a.h(), otherwise == null ? null : otherwise.h(), keep);
        Matrix c = a.c() == null ? null : keepRows(a.c(), otherwise == null ? null : otherwise.c(), keep);
        return new State(h, c);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Module.addAll(out, "embedding", embedding);
        for (Map.Entry<String, Parameter> e : cell.namedParameters().entrySet()) {
            out.put("rnn." + e.getKey() + "_l0", e.getValue());
        }
        return out;
    }
}
