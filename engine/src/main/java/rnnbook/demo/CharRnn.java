package rnnbook.demo;

import java.util.Random;
import rnnbook.data.LanguageModelBatches;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Sampling;

/**
 * A character-level language model: embedding, a vanilla tanh RNN, and a linear decoder to one logit per
 * character.
 * <pre>
 *   e_t = E[c_t]                                   (batch, embed)
 *   h_t = tanh(e_t · W_ihᵀ + b_ih + h_{t-1} · W_hhᵀ + b_hh)   (batch, hidden)
 *   z_t = h_t · W_outᵀ + b_out                     (batch, vocab)
 *   L   = mean over t and batch of -log softmax(z_t)[c_{t+1}]
 * </pre>
 * Parameter names are those of the equivalent PyTorch module with fields {@code embedding}, {@code rnn} and
 * {@code decoder}: {@code embedding.weight}, {@code rnn.weight_ih_l0}, ..., {@code decoder.bias}.
 */
public final class CharRnn extends Composite {
    private final Embedding embedding;
    private final Recurrent rnn;
    private final Dense decoder;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    public CharRnn(int vocab, int embed, int hidden, Random rng) {
        this.embedding = register("embedding", new Embedding(vocab, embed, rng));
        this.rnn = register("rnn", new Recurrent(new RnnCell(embed, hidden, rng)));
        this.decoder = register("decoder", new Dense(hidden, vocab, rng));
    }

    public int vocabSize() {
        return embedding.size();
    }

    public int hiddenSize() {
        return rnn.cell().hiddenSize();
    }

    public State zeroState(int batch) {
        return rnn.cell().zeroState(batch);
    }

    /** What one training window gives: its mean loss and the final state (for the next window). */
    public record WindowResult(double loss, State last) {
    }

    /**
     * Forward and backward over one window, starting from {@code h0} (treated as a constant: truncated BPTT).
     * Accumulates every parameter's gradient and returns the mean cross-entropy per character.
     */
    public WindowResult lossAndBackward(LanguageModelBatches.Window window, State h0) {
        int seq = window.length();
        // forward: every step's embeddings at once, the recurrence step by step, every step's logits at once
        int[] ids = window.flatInputs();
        Matrix[] xs = Sequences.split(embedding.forward(ids), seq);
        Recurrent.Output out = rnn.forward(xs, h0);
        Matrix hs = Sequences.stack(out.outputs());
        Matrix logits = decoder.forward(hs);
        SoftmaxCrossEntropy.Pass scored = loss.forwardPass(logits, window.flatTargets());
        // backward in the reverse order, each layer over the inputs of this pass
        Matrix dH = decoder.backward(hs, loss.backward(scored));
        Recurrent.Gradients g = rnn.backward(out, Sequences.split(dH, seq), null);
        embedding.backward(ids, Sequences.stack(g.dInputs()));
        return new WindowResult(scored.loss(), out.last());
    }

    /** The mean loss of a window without touching any gradient (for evaluation and gradient checks). */
    public double loss(LanguageModelBatches.Window window, State h0) {
        Matrix[] xs = Sequences.split(embedding.forward(window.flatInputs()), window.length());
        Matrix logits = decoder.forward(Sequences.stack(rnn.forward(xs, h0).outputs()));
        return new SoftmaxCrossEntropy().forward(logits, window.flatTargets());
    }

    /**
     * Generates {@code length} ids after feeding {@code prime}: each next id is drawn from softmax(z / T)
     * ({@link Sampling}). A low temperature T sharpens the distribution towards the most likely character; T = 1
     * samples the model as is.
     */
    public int[] sample(int[] prime, int length, double temperature, Random rng) {
        if (prime.length == 0) {
            throw new IllegalArgumentException("sample: the prime needs at least one character");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("sample: temperature must be positive, got " + temperature);
        }
        State h = zeroState(1);
        Matrix logits = null;
        for (int id : prime) {
            h = rnn.cell().forward(embedding.forward(new int[]{id}), h).state();
            logits = decoder.forward(h.h());
        }
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = Sampling.sample(logits, temperature, rng);
            h = rnn.cell().forward(embedding.forward(new int[]{out[i]}), h).state();
            logits = decoder.forward(h.h());
        }
        return out;
    }
}
