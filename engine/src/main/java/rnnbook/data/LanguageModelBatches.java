package rnnbook.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;

/**
 * Windows of a long id stream for next-token prediction, laid out for truncated BPTT.
 *
 * <p>The stream of n ids is cut into {@code batch} contiguous lanes of L = (n - 1) / batch ids each (the tail that
 * does not fill a lane is dropped): lane b holds ids[b·L .. b·L + L] (one extra id at the end for the last
 * target). Window w covers positions w·seq .. w·seq + seq - 1 of every lane, so
 * <pre>
 *   inputs[t][b]  = ids[b·L + w·seq + t]
 *   targets[t][b] = ids[b·L + w·seq + t + 1]          (the next token)
 * </pre>
 * Because lane b of window w + 1 continues exactly where lane b of window w stopped, the final hidden state of
 * one window is the right initial state for the next. The last window may be shorter than {@code seq}.
 */
public final class LanguageModelBatches {
    private final int[] ids;
    private final int seq;
    private final int batch;
    private final int laneLength;

    /** One window: ids per step, (seq)(batch), for inputs and next-token targets. */
    public record Window(int[][] inputs, int[][] targets) {

        public int length() {
            return inputs.length;
        }

        public int batch() {
            return inputs[0].length;
        }

        /** Inputs as one-hot rows, (seq, batch, vocab) as {@code Matrix[]}. */
        public Matrix[] oneHotInputs(int vocabSize) {
            Matrix[] xs = new Matrix[inputs.length];
            for (int t = 0; t < xs.length; t++) {
                xs[t] = Sequences.oneHot(inputs[t], vocabSize);
            }
            return xs;
        }

        /**
         * Targets flattened time-major (index t·batch + b), the row order of {@link Sequences#stack}: the form
         * {@link rnnbook.loss.SoftmaxCrossEntropy#forward} takes for logits of every step stacked.
         */
        public int[] flatTargets() {
            return flatten(targets);
        }

        /** Inputs flattened time-major, for an {@link rnnbook.nn.Embedding} over every step at once. */
        public int[] flatInputs() {
            return flatten(inputs);
        }

        private static int[] flatten(int[][] a) {
            int b = a[0].length;
            int[] out = new int[a.length * b];
            for (int t = 0; t < a.length; t++) {
                System.arraycopy(a[t], 0, out, t * b, b);
            }
            return out;
        }
    }

    public LanguageModelBatches(int[] ids, int seq, int batch) {
        if (seq < 1 || batch < 1) {
            throw new IllegalArgumentException("seq and batch must be positive, got seq " + seq + ", batch " + batch);
        }
        if (ids.length < batch + 1) {
            throw new IllegalArgumentException("a stream of " + ids.length + " ids is too short for " + batch
                    + " lanes: need at least " + (batch + 1));
        }
        this.ids = ids.clone();
        this.seq = seq;
        this.batch = batch;
        this.laneLength = (ids.length - 1) / batch;
    }

    /** How many windows cover a lane. */
    public int windowCount() {
        return (laneLength + seq - 1) / seq;
    }

    public int laneLength() {
        return laneLength;
    }

    /** Window {@code w} (0-based); windows 0, 1, 2... in order carry the hidden state along. */
    public Window window(int w) {
        if (w < 0 || w >= windowCount()) {
            throw new IndexOutOfBoundsException("window " + w + " outside 0.." + (windowCount() - 1));
        }
        int start = w * seq;
        int length = Math.min(seq, laneLength - start);
        int[][] in = new int[length][batch];
        int[][] out = new int[length][batch];
        for (int t = 0; t < length; t++) {
            for (int b = 0; b < batch; b++) {
                int at = b * laneLength + start + t;
                in[t][b] = ids[at];
                out[t][b] = ids[at + 1];
            }
        }
        return new Window(in, out);
    }

    /** Every window in order. */
    public List<Window> windows() {
        List<Window> out = new ArrayList<>();
        for (int w = 0; w < windowCount(); w++) {
            out.add(window(w));
        }
        return Collections.unmodifiableList(out);
    }
}
