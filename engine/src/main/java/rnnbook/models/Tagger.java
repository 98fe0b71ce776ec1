package rnnbook.models;

import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Sequences;
import rnnbook.nn.Stacked;
import rnnbook.tensor.Matrix;

/**
 * A sequence tagger: each word id is embedded, a {@link Stacked} recurrent network (one or both directions, any
 * depth) reads each sentence up to its own length, and a dense read-out scores every tag at every step:
 * <pre>
 *   x_t = E[w_t]        y_1 .. y_T = rnn(x_1 .. x_T; lengths)        z_t = y_t · Wᵀ + b
 * </pre>
 * Shapes: words (seq, batch) ids, time-major as PyTorch's; lengths (batch), each in [1, seq], or null when every
 * sentence fills the batch; logits z (seq * batch, tags), row t * batch + b (the order of {@link Sequences#stack}).
 * Past a sentence's length the recurrent outputs are zero (PyTorch's packed sequences: the reverse direction starts
 * at the sentence's own last word, not at the padding), so those rows' logits are b alone; their tags should be the
 * loss's ignore index ({@link SoftmaxCrossEntropy#DEFAULT_IGNORE_INDEX}) so that nothing counts them. Parts:
 * {@code embed}, {@code rnn}, {@code head}, so its parameters are {@code embed.weight}, {@code rnn.weight_ih_l0},
 * ..., {@code head.weight}, {@code head.bias}.
 *
 * <p>{@link #forward} returns the {@link Pass} that {@link #backward(Pass, Matrix)} takes, so forward passes may
 * interleave (a training pass, an evaluation, then the training pass's backward).
 */
public final class Tagger extends Composite {
    private final Embedding embed;
    private final Stacked rnn;
    private final Dense head;
    private final SoftmaxCrossEntropy crossEntropy = new SoftmaxCrossEntropy();   // keeps no pass

    /**
     * One forward pass: the flattened ids (entry t * batch + b), the recurrent network's pass, its outputs stacked
     * (seq * batch, directions * hidden), the head's input, and the logits (seq * batch, tags).
     */
    public record Pass(int[] ids, Stacked.Output rnn, Matrix states, Matrix logits) {
        /** The number of time steps, seq. */
        public int steps() {
            return rnn.outputs().length;
        }
    }

    /** The embedding's width must be the network's input size, and the network's output the head's input. */
    public Tagger(Embedding embed, Stacked rnn, Dense head) {
        if (embed.dim() != rnn.inputSize()) {
            throw new IllegalArgumentException("Tagger: the embedding has width " + embed.dim()
                    + " but the recurrent network reads " + rnn.inputSize() + " inputs");
        }
        if (head.inputSize() != rnn.outputSize()) {
            throw new IllegalArgumentException("Tagger: the head reads " + head.inputSize()
                    + " features but the recurrent network gives " + rnn.outputSize());
        }
        this.embed = register("embed", embed);
        this.rnn = register("rnn", rnn);
        this.head = register("head", head);
    }

    public Embedding embed() {
        return embed;
    }

    public Stacked rnn() {
        return rnn;
    }

    public Dense head() {
        return head;
    }

    /** Tag scores for words (seq, batch), row b read for lengths[b] steps (null: all), in a pass. */
    public Pass forward(int[][] words, int[] lengths) {
        int[] ids = flat(words);
        Matrix[] xs = Sequences.split(embed.forward(ids), words.length);
        Stacked.Output read = rnn.forward(xs, null, lengths);
        Matrix states = Sequences.stack(read.outputs());
        return new Pass(ids, read, states, head.forward(states));
    }

    /** The logits (seq * batch, tags) of {@link #forward}, row t * batch + b. */
    public Matrix logits(int[][] words, int[] lengths) {
        return forward(words, lengths).logits();
    }

    /**
     * Backpropagates dL/dz (seq * batch, tags) over {@code pass}, whatever passes ran since: through the head,
     * the recurrent network (through time, each row up to its length) and into the embedded rows; adds to the
     * parameters' gradients.
     */
    public void backward(Pass pass, Matrix dLogits) {
        Matrix dStates = head.backward(pass.states(), dLogits);
        Stacked.Gradients g = rnn.backward(pass.rnn(), Sequences.split(dStates, pass.steps()), null);
        embed.backward(pass.ids(), Sequences.stack(g.dInputs()));
    }

    /**
     * Forward, mean cross-entropy over the counted words (tags (seq, batch); a tag of
     * {@link SoftmaxCrossEntropy#DEFAULT_IGNORE_INDEX} counts for nothing) and backward on one batch, adding to the
     * parameters' gradients (no update): the step function of a {@link rnnbook.train.Trainer}. Returns the loss.
     */
    public double lossAndGradients(int[][] words, int[][] tags, int[] lengths) {
        if (tags.length != words.length || tags[0].length != words[0].length) {
            throw new IllegalArgumentException("Tagger: tags of shape (" + tags.length + ", " + tags[0].length
                    + ") for words of shape (" + words.length + ", " + words[0].length + ")");
        }
        Pass pass = forward(words, lengths);
        SoftmaxCrossEntropy.Pass lossPass = crossEntropy.forwardPass(pass.logits(), flat(tags));
        backward(pass, crossEntropy.backward(lossPass));
        return lossPass.loss();
    }

    /** (seq, batch) laid out as one array, entry t * batch + b: the row order of {@link Sequences#stack}. */
    public static int[] flat(int[][] byTime) {
        if (byTime.length == 0 || byTime[0].length == 0) {
            throw new IllegalArgumentException("Tagger: need at least one step and one sentence, got "
                    + byTime.length + " steps");
        }
        int batch = byTime[0].length;
        int[] out = new int[byTime.length * batch];
        for (int t = 0; t < byTime.length; t++) {
            if (byTime[t].length != batch) {
                throw new IllegalArgumentException("Tagger: step " + t + " has " + byTime[t].length
                        + " entries, step 0 has " + batch);
            }
            System.arraycopy(byTime[t], 0, out, t * batch, batch);
        }
        return out;
    }
}
