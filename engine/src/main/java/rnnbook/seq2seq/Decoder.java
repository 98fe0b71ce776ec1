package rnnbook.seq2seq;

import java.util.ArrayList;
import java.util.List;
import rnnbook.nn.Cell;
import rnnbook.nn.Embedding;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * The decoder of a sequence-to-sequence model: the previous output token, embedded, read by one recurrent cell
 * that starts from the encoder's final state,
 * <pre>
 *   d_0 = s_T,   d_t = cell(embed(y_{t-1}), d_{t-1}),   y_0 = BOS
 * </pre>
 * Shapes: token ids per step (batch), states (batch, hidden).
 *
 * <p>With teacher forcing every input is known before the loop (the target shifted by one), so {@link #forward}
 * runs the whole target as one {@link Recurrent} pass, on its fast road for the vanilla, LSTM and GRU cells. A
 * decoder that reads its own predictions learns each input only after the previous step: {@link #stepping} feeds
 * it one step at a time through the same {@code Recurrent}. Either way the result is a {@link Pass} that
 * {@link #backward} differentiates, whatever other passes (a decoding) ran in between. {@link #step} is one step
 * for a search, which keeps nothing for backward.
 *
 * <p>Parts: {@code embedding} and {@code rnn}, so its parameters are {@code embedding.weight},
 * {@code rnn.weight_ih_l0}, ... ({@code decoder.} in front inside a {@link Seq2Seq}).
 */
public final class Decoder extends TokenRnn {

    /** One forward pass: every step's state d_t, and what backward needs (the recurrent pass, the ids read). */
    public static final class Pass {
        private final Recurrent.Output rnn;
        private final int[] ids;   // every step's input ids, row t * batch + b

        private Pass(Recurrent.Output rnn, int[] ids) {
            this.rnn = rnn;
            this.ids = ids;
        }

        /** d_t.h for every step, (batch, hidden) each. */
        public Matrix[] outputs() {
            return rnn.outputs();
        }

        /** The number of steps. */
        public int length() {
            return rnn.outputs().length;
        }
    }

    /** A pass fed one step at a time; see {@link #stepping}. */
    public final class Stepping {
        private final Recurrent.Stepping rnnSteps;
        private final List<int[]> read = new ArrayList<>();

        private Stepping(State start) {
            this.rnnSteps = rnn.stepping(start, start.batch());
        }

        /** Reads {@code tokens} (one per row) and returns d_t.h (batch, hidden). */
        public Matrix step(int[] tokens) {
            State d = rnnSteps.step(embedding.forward(tokens));
            read.add(tokens.clone());
            return d.h();
        }

        /** The steps taken so far, as a pass for {@link #backward}. */
        public Pass pass() {
            return new Pass(rnnSteps.output(), Padding.flatten(read.toArray(new int[0][])));
        }
    }

    public Decoder(Embedding embedding, Cell cell) {
        super(embedding, cell);
    }

    /** Teacher forcing: reads {@code inputs[t]} (one id per row) at every step t, from {@code start}. */
    public Pass forward(int[][] inputs, State start) {
        int[] ids = Padding.flatten(inputs);
        return new Pass(rnn.forward(embed(ids, inputs.length), start), ids);
    }

    /** A pass from {@code start}, fed one step at a time. */
    public Stepping stepping(State start) {
        return new Stepping(start);
    }

    /** One step for a search: reads {@code tokens} (one per row) from {@code prev}; nothing is kept for backward. */
    public State step(int[] tokens, State prev) {
        return rnn.cell().forward(embedding.forward(tokens), prev).state();
    }

    /**
     * Backward over {@code pass}: dL/dd_t.h for every step (the array or any entry may be null). Adds the cell's and
     * the embedding's gradients and returns dL/d(start state), which belongs to the encoder's final state.
     */
    public State backward(Pass pass, Matrix[] dOutputs) {
        return backward(pass.rnn, pass.ids, dOutputs, null);
    }
}
