package rnnbook.seq2seq;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnbook.attention.Mask;
import rnnbook.nn.Cell;
import rnnbook.nn.Embedding;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
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
 * mirrors it: a padded row's gradient skips the cell and flows straight to the previous step. That is
 * {@link Recurrent} with per-row lengths, which unrolls the cell (on its fast road for the vanilla, LSTM and GRU
 * cells).
 */
public final class Encoder implements Module {
    private final Embedding embedding;
    private final Recurrent rnn;
    private Recurrent.Output pass;   // the last forward pass, which backward differentiates
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
        this.rnn = new Recurrent(cell);
    }

    public Cell cell() {
        return rnn.cell();
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
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = sources[b].length;
        }
        // tag::masked[]
        pass = rnn.forward(xs, null, lengths);   // padded rows keep their state and output zero
        // end::masked[]
        return new Output(pass.outputs(), pass.last(), Mask.lengths(steps, lengths));
    }

    /**
     * Backward over the last forward pass: dOutputs (src, batch, hidden; entries may be null) and dL/d(final
     * state). Accumulates the cell's and the embedding's gradients.
     */
    public void backward(Matrix[] dOutputs, State dLast) {
        if (pass == null) {
            throw new IllegalStateException("Encoder backward called before forward");
        }
        Recurrent.Gradients g = rnn.backward(pass, dOutputs, dLast);
        embedding.forward(flatIds);   // the table remembers the ids of its last lookup; make it this batch's
        embedding.backward(Sequences.stack(g.dInputs()));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Module.addAll(out, "embedding", embedding);
        for (Map.Entry<String, Parameter> e : rnn.cell().namedParameters().entrySet()) {
            out.put("rnn." + e.getKey() + "_l0", e.getValue());
        }
        return out;
    }
}
