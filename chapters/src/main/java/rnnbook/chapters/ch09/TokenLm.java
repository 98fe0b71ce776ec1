package rnnbook.chapters.ch09;

import java.util.Random;
import rnnbook.data.LanguageModelBatches;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Sampling;

/**
 * A recurrent language model over token ids (characters or words): a lookup table, any recurrent cell, and a
 * linear read-out to one logit per token of the vocabulary.
 * <pre>
 *   e_t = E[x_t]                                  (batch, embed)      E: (V, embed)
 *   h_t = cell(e_t, h_{t-1})                      (batch, hidden)     an LSTM or GRU
 *   z_t = h_t · W_outᵀ + b_out                    (batch, V)
 *   L   = mean over t and batch of -ln softmax(z_t)[x_{t+1}]          nats per token
 * </pre>
 * Parameter names are those of a PyTorch module with fields {@code embedding}, {@code rnn}, {@code decoder}.
 */
public final class TokenLm extends Composite {
    private final Embedding embedding;
    private final Recurrent rnn;
    private final Dense decoder;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

    /** {@code cell} reads vectors of the embedding's width; the read-out has one output per token. */
    public TokenLm(int vocab, int embed, Cell cell, Random rng) {
        if (cell.inputSize() != embed) {
            throw new IllegalArgumentException("TokenLm: the cell reads " + cell.inputSize()
                    + " inputs but the embedding has width " + embed);
        }
        this.embedding = register("embedding", new Embedding(vocab, embed, rng));
        this.rnn = register("rnn", new Recurrent(cell));
        this.decoder = register("decoder", new Dense(cell.hiddenSize(), vocab, rng));
    }

    public Embedding embedding() {
        return embedding;
    }

    public int vocabSize() {
        return embedding.size();
    }

    public State zeroState(int batch) {
        return rnn.cell().zeroState(batch);
    }

    /** One window's mean loss and its final state, the next window's start. */
    public record WindowResult(double loss, State last) {
    }

    /** Forward and backward over one window from {@code h0}, a constant (truncated BPTT); accumulates gradients. */
    public WindowResult lossAndBackward(LanguageModelBatches.Window window, State h0) {
        int seq = window.length();
        int[] ids = window.flatInputs();
        Matrix[] xs = Sequences.split(embedding.forward(ids), seq);
        Recurrent.Output out = rnn.forward(xs, h0);
        Matrix hs = Sequences.stack(out.outputs());
        SoftmaxCrossEntropy.Pass lossPass = loss.forwardPass(decoder.forward(hs), window.flatTargets());
        // backward in reverse, each layer over the inputs of this pass
        Matrix dH = decoder.backward(hs, loss.backward(lossPass));
        Recurrent.Gradients g = rnn.backward(out, Sequences.split(dH, seq), null);
        embedding.backward(ids, Sequences.stack(g.dInputs()));
        return new WindowResult(lossPass.loss(), out.last());
    }

    /**
     * Mean nats per token over the targets ids[1..] of a held-out stream, the hidden state carried along: the
     * stream is read as {@code lanes} side by side (for speed), then the few tokens left over as one more lane.
     */
    public double nats(int[] ids, int lanes) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("TokenLm.nats: need at least 2 tokens, got " + ids.length);
        }
        int used = Math.min(lanes, ids.length - 1);
        LanguageModelBatches batches = new LanguageModelBatches(ids, 64, used);
        double sum = sumNats(batches, used);
        int covered = used * batches.laneLength();
        if (covered < ids.length - 1) {   // the tail that does not fill a lane
            int[] tail = java.util.Arrays.copyOfRange(ids, covered, ids.length);
            sum += sumNats(new LanguageModelBatches(tail, 64, 1), 1);
        }
        return sum / (ids.length - 1);
    }

    private double sumNats(LanguageModelBatches batches, int batch) {
        SoftmaxCrossEntropy perToken = new SoftmaxCrossEntropy(Reduction.SUM);
        State h = zeroState(batch);
        double sum = 0;
        for (LanguageModelBatches.Window w : batches.windows()) {
            Matrix[] xs = Sequences.split(embedding.forward(w.flatInputs()), w.length());
            Recurrent.Output out = rnn.forward(xs, h);
            sum += perToken.forward(decoder.forward(Sequences.stack(out.outputs())), w.flatTargets());
            h = out.last();
        }
        return sum;
    }

    /**
     * The next-token distribution softmax(z / T) after {@code h}'s last input, sharpened (T &lt; 1) or flattened
     * (T &gt; 1): the engine's {@link Sampling#probabilities}.
     */
    public Matrix distribution(State h, double temperature) {
        return Sampling.probabilities(decoder.forward(h.h()), temperature);
    }

    /** Feeds one token and returns the new state. */
    public State feed(int id, State h) {
        return rnn.cell().forward(embedding.forward(new int[]{id}), h).state();
    }

    /** {@code length} ids drawn one at a time from softmax(z / T), after feeding {@code prime}. */
    public int[] sample(int[] prime, int length, double temperature, Random rng) {
        if (prime.length == 0) {
            throw new IllegalArgumentException("sample: the prime needs at least one token");
        }
        State h = zeroState(1);
        for (int id : prime) {
            h = feed(id, h);
        }
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = Sampling.draw(distribution(h, temperature).data(), rng);
            h = feed(out[i], h);
        }
        return out;
    }
}
