package rnnbook.seq2seq;

import rnnbook.attention.Mask;
import rnnbook.nn.Cell;
import rnnbook.nn.Embedding;
import rnnbook.nn.Recurrent;
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
 *
 * <p>Parts: {@code embedding} and {@code rnn}, so its parameters are {@code embedding.weight},
 * {@code rnn.weight_ih_l0}, ... ({@code encoder.} in front inside a {@link Seq2Seq}). {@link #forward} returns an
 * {@link Output} that {@link #backward} differentiates, whatever other passes (a decoding) ran in between.
 */
public final class Encoder extends TokenRnn {

    /**
     * One forward pass: the encoder states (src, batch, hidden; zero at padding), each row's final state, the
     * padding mask, and what backward needs (the recurrent pass and the ids looked up).
     */
    public static final class Output {
        private final Recurrent.Output pass;
        private final int[] ids;   // every step's ids, row t * batch + b
        private final Mask mask;

        private Output(Recurrent.Output pass, int[] ids, Mask mask) {
            this.pass = pass;
            this.ids = ids;
            this.mask = mask;
        }

        /** h_s for every source position s, (batch, hidden) each; zero where row b is padding. */
        public Matrix[] outputs() {
            return pass.outputs();
        }

        /** Each row's state after its own last token. */
        public State last() {
            return pass.last();
        }

        /** Which positions are real tokens (true) and which padding. */
        public Mask mask() {
            return mask;
        }
    }

    public Encoder(Embedding embedding, Cell cell) {
        super(embedding, cell);
    }

    /** Encodes {@code sources[b]} (token ids, at least one each); shorter rows are padded with {@code pad}. */
    public Output forward(int[][] sources, int pad) {
        int steps = Padding.maxLength("Encoder sources", sources, false);
        int batch = sources.length;
        int[] ids = Padding.flatten(Padding.timeMajor(sources, steps, pad));
        Matrix[] xs = embed(ids, steps);
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = sources[b].length;
        }
        // tag::masked[]
        Recurrent.Output pass = rnn.forward(xs, null, lengths);   // padded rows keep their state and output zero
        // end::masked[]
        return new Output(pass, ids, Mask.lengths(steps, lengths));
    }

    /**
     * Backward over the forward pass {@code encoded}: dOutputs (src, batch, hidden; the array or any entry may be
     * null) and dL/d(final state). Adds the cell's and the embedding's gradients.
     */
    public void backward(Output encoded, Matrix[] dOutputs, State dLast) {
        backward(encoded.pass, encoded.ids, dOutputs, dLast);
    }
}
