package rnnbook.chapters.ch13;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.ActivationLayer;
import rnnbook.nn.Activation;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Layer;
import rnnbook.nn.LstmCell;
import rnnbook.nn.State;
import rnnbook.seq2seq.Decoder;
import rnnbook.seq2seq.Decoding;
import rnnbook.seq2seq.Hypothesis;
import rnnbook.seq2seq.TokenScorer;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

/**
 * A one-to-many captioner: a picture's feature vector f sets the LSTM decoder's first hidden state, and the decoder
 * writes the caption word by word, reading its previous word,
 * <pre>
 *   h_0 = tanh(W_f f + b_f),  c_0 = 0,   h_t = LSTM(embed(y_{t-1}), h_{t-1}),   p(y_t) = softmax(W_o h_t + b_o)
 * </pre>
 * with y_0 = &lt;bos&gt;. Shapes: f (batch, 197), h_t (batch, hidden), logits (batch, vocabulary). Parts:
 * {@code start} (W_f), {@code decoder} (embedding and LSTM), {@code head} (W_o).
 */
public final class Captioner extends Composite {
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    private final List<String> words;
    private final Dense start;
    private final ActivationLayer squash = new ActivationLayer(Activation.TANH);
    private final Decoder decoder;
    private final Dense head;

    public Captioner(int features, int embedding, int hidden, Random rng) {
        List<String> w = new ArrayList<>(List.of(BOS, EOS, "a", "at", "the"));
        w.addAll(Scenes.SIZES);
        w.addAll(Scenes.COLOURS);
        w.addAll(Scenes.SHAPES);
        w.addAll(Scenes.ROWS);
        w.addAll(Scenes.COLUMNS);
        this.words = List.copyOf(w);
        this.start = register("start", new Dense(features, hidden, rng));
        this.decoder = register("decoder", new Decoder(new Embedding(words.size(), embedding, rng),
                new LstmCell(embedding, hidden, rng)));
        this.head = register("head", new Dense(hidden, words.size(), rng));
    }

    /** The vocabulary, &lt;bos&gt; and &lt;eos&gt; first. */
    public List<String> words() {
        return words;
    }

    /** A caption's word ids, ended by &lt;eos&gt;; a word outside the vocabulary is an error naming it. */
    public int[] encode(String caption) {
        String[] split = caption.split(" ");
        int[] ids = new int[split.length + 1];
        for (int i = 0; i < split.length; i++) {
            ids[i] = words.indexOf(split[i]);
            if (ids[i] < 0) {
                throw new IllegalArgumentException("the caption word '" + split[i] + "' is not in the vocabulary "
                        + words);
            }
        }
        ids[split.length] = words.indexOf(EOS);
        return ids;
    }

    /** The squash's pass over the features: its y is h_0 = tanh(features · W_fᵀ + b). */
    private Layer.Pass squashed(Matrix features) {
        return squash.forwardPass(start.forward(features));
    }

    /** The decoder's first state: h_0 from the squash's pass, c_0 = 0. */
    private static State first(Layer.Pass squashed) {
        Matrix h = squashed.y();
        return new State(h, Matrix.zeros(h.rows(), h.cols()));
    }

    /**
     * One teacher-forced pass over a batch of captions of equal length (ids from {@link #encode}): reads
     * &lt;bos&gt;, y_1, ..., y_{T-1}, predicts y_1 ... y_T; returns the mean cross-entropy per word and adds every
     * gradient, through the decoder's first state into W_f.
     */
    public double lossAndGradients(Matrix features, int[][] captions) {
        int batch = captions.length;
        int steps = captions[0].length;
        int[][] inputs = new int[steps][batch];
        int[][] targets = new int[steps][batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                inputs[t][b] = t == 0 ? words.indexOf(BOS) : captions[b][t - 1];
                targets[t][b] = captions[b][t];
            }
        }
        Layer.Pass squashed = squashed(features);
        Decoder.Pass pass = decoder.forward(inputs, first(squashed));
        Matrix[] dH = new Matrix[steps];
        double loss = wordLoss(head, pass.outputs(), targets, dH);
        State dFirst = decoder.backward(pass, dH);
        start.backward(features, squash.backward(squashed, dFirst.h()));
        return loss;
    }

    /** Greedy captions of every row of {@code features}: at each step the likeliest word, until &lt;eos&gt;. */
    public List<String> caption(Matrix features, int maxWords) {
        TokenScorer<State> scorer = new TokenScorer<>() {
            @Override
            public Next<State> next(State state, int[] tokens) {
                State after = decoder.step(tokens, state);
                return new Next<>(Softmax.log(head.forward(after.h())), after);
            }

            @Override
            public State gather(State state, int[] rows) {
                return new State(pick(state.h(), rows), pick(state.c(), rows));
            }
        };
        List<Hypothesis> best = Decoding.greedy(scorer, first(squashed(features)), features.rows(), words.indexOf(BOS),
                words.indexOf(EOS), maxWords + 1);
        List<String> out = new ArrayList<>();
        for (Hypothesis h : best) {
            out.add(String.join(" ", Arrays.stream(h.tokens()).mapToObj(words::get).toList()));
        }
        return out;
    }

    /**
     * The mean over steps of the cross-entropy of softmax(head(h_t)) against targets[t]; fills dH[t] = dL/dh_t and
     * adds the head's gradients. Shared by the captioner and the melody model.
     */
    static double wordLoss(Dense head, Matrix[] outputs, int[][] targets, Matrix[] dH) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        double loss = 0;
        for (int t = 0; t < outputs.length; t++) {
            SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(head.forward(outputs[t]), targets[t]);
            loss += lossPass.loss() / outputs.length;
            dH[t] = head.backward(outputs[t], ce.backward(lossPass).scale(1.0 / outputs.length));
        }
        return loss;
    }

    private static Matrix pick(Matrix m, int[] rows) {
        Matrix out = Matrix.zeros(rows.length, m.cols());
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), rows[i] * m.cols(), out.data(), i * m.cols(), m.cols());
        }
        return out;
    }
}
