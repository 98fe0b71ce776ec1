package rnnbook.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnbook.attention.AdditiveAttention;
import rnnbook.attention.Attention;
import rnnbook.attention.DotProductAttention;
import rnnbook.attention.Mask;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Sequences;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.nn.State;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

/**
 * An encoder-decoder (Sutskever et al. 2014), optionally with attention (Luong et al. 2015), over any cell.
 * <pre>
 *   encoder:   s_T = the encoder's final state over embed(x_1 .. x_S)            (padding skipped, see Encoder)
 *   decoder:   d_0 = s_T,  d_t = cell(embed(y_{t-1}), d_{t-1}),  y_0 = BOS       (see Decoder)
 *   attention: c_t = Σ_s α_ts m_s with α_t = softmax over s of score(d_t.h, m_s)   (when used)
 *   output:    logits_t = W_out [d_t.h ; c_t] + b_out      (or W_out d_t.h + b_out without attention)
 *   loss:      mean over real target tokens of -log softmax(logits_t)[y_t], y = target then EOS
 * </pre>
 * Shapes: token ids as ragged {@code int[batch][len]}; the model pads them. Training targets are the target
 * tokens followed by EOS; padding positions carry the cross-entropy's ignore index, so they cost nothing.
 *
 * <p>Teacher forcing: at each decoder step t ≥ 1 the input is the true previous token with probability
 * {@code ratio}, else the model's own most likely previous token (the same choice for the whole batch at that step;
 * no gradient flows through the choice, as in the usual PyTorch recipe). With ratio 1 the decoder reads the whole
 * target in one recurrent pass; below 1 it steps, since each input waits for the previous prediction.
 *
 * <p>{@link #forward} returns a {@link Pass}, the record of that forward pass, and {@link #backward(Pass)}
 * differentiates it: decoding ({@link #greedy}, {@link #beamSearch}, {@link #translateWithAttention}) or other
 * forward passes may run in between and change nothing.
 *
 * <p>Parts: {@code encoder} ({@link Encoder}), {@code decoder} ({@link Decoder}), {@code attention} (when used) and
 * {@code out} ({@link Dense}), so the parameters are {@code encoder.embedding.weight},
 * {@code encoder.rnn.weight_ih_l0}, ..., {@code decoder.embedding.weight}, {@code decoder.rnn.weight_ih_l0}, ...,
 * {@code attention.*}, {@code out.weight}, {@code out.bias}; {@link #summary()} lists them and {@link #save} writes
 * them as one file.
 */
public final class Seq2Seq extends Composite {

    /** Special token ids: padding, start of sequence, end of sequence. */
    public record Tokens(int pad, int bos, int eos) {
    }

    /** Which attention the decoder uses. */
    public enum AttentionKind { NONE, DOT, ADDITIVE }

    /** What the decoder carries between steps during decoding: its state and, per row, the source memory. */
    public record DecoderState(State rnn, Matrix[] memory, Mask mask, Attention.Memory prepared) {
    }

    /**
     * One forward pass: its loss and attention weights, and everything {@link #backward(Pass)} needs (the
     * encoder's and the decoder's passes, every attention step, the output layer's input and the loss's
     * probabilities). Another forward pass makes another {@code Pass} and leaves this one as it is.
     */
    public static final class Pass {
        private final Encoder.Output encoded;
        private final Attention.Memory memory;       // null without attention
        private final Decoder.Pass decoded;
        private final Attention.Step[] attended;     // null without attention
        private final Matrix features;               // every step's [d_t.h ; c_t], row t * batch + b
        private final SoftmaxCrossEntropy.Pass lossPass;

        private Pass(Encoder.Output encoded, Attention.Memory memory, Decoder.Pass decoded,
                     Attention.Step[] attended, Matrix features, SoftmaxCrossEntropy.Pass lossPass) {
            this.encoded = encoded;
            this.memory = memory;
            this.decoded = decoded;
            this.attended = attended;
            this.features = features;
            this.lossPass = lossPass;
        }

        /** The mean cross-entropy per real target token, EOS included. */
        public double loss() {
            return lossPass.loss();
        }

        /** The attention weights of every decoder step, each (srcLen, batch); empty without attention. */
        public List<Matrix> attentionWeights() {
            List<Matrix> weights = new ArrayList<>();
            if (attended != null) {
                for (Attention.Step a : attended) {
                    weights.add(a.weights());
                }
            }
            return weights;
        }
    }

    private final Encoder encoder;
    private final Decoder decoder;
    private final Attention attention;   // null: none
    private final Dense out;
    private final Tokens tokens;
    private final SoftmaxCrossEntropy crossEntropy = new SoftmaxCrossEntropy(Reduction.MEAN);   // keeps no pass

    /** A model with embeddings of size {@code embed} and cells of size {@code hidden} from {@code cell}. */
    public Seq2Seq(int sourceVocab, int targetVocab, int embed, int hidden, CellFactory cell, AttentionKind kind,
                   Tokens tokens, Random rng) {
        this(new Encoder(new Embedding(sourceVocab, embed, rng), cell.create(embed, hidden, rng)),
                new Decoder(new Embedding(targetVocab, embed, rng), cell.create(embed, hidden, rng)),
                switch (kind) {
                    case NONE -> null;
                    case DOT -> new DotProductAttention(hidden);
                    case ADDITIVE -> new AdditiveAttention(hidden, hidden, hidden, rng);
                },
                new Dense(kind == AttentionKind.NONE ? hidden : 2 * hidden, targetVocab, rng), tokens);
    }

    /** A model from parts; {@code attention} may be null. */
    public Seq2Seq(Encoder encoder, Decoder decoder, Attention attention, Dense out, Tokens tokens) {
        Cell enc = encoder.cell();
        Cell dec = decoder.cell();
        if (enc.hiddenSize() != dec.hiddenSize() || enc.hasCellState() != dec.hasCellState()) {
            throw new IllegalArgumentException("Seq2Seq: the decoder starts from the encoder's final state, so the "
                    + "cells must match: encoder hidden " + enc.hiddenSize()
                    + (enc.hasCellState() ? " with" : " without") + " cell state, decoder hidden "
                    + dec.hiddenSize() + (dec.hasCellState() ? " with" : " without") + " cell state");
        }
        int hidden = dec.hiddenSize();
        if (attention != null && (attention.queryDim() != hidden || attention.memoryDim() != enc.hiddenSize())) {
            throw new IllegalArgumentException("Seq2Seq: attention expects query size " + attention.queryDim()
                    + " and memory size " + attention.memoryDim() + ", the cells have hidden size " + hidden);
        }
        int targetVocab = decoder.embedding().size();
        int features = attention == null ? hidden : hidden + attention.memoryDim();
        if (out.inputSize() != features || out.outputSize() != targetVocab) {
            throw new IllegalArgumentException("Seq2Seq: output layer must map " + features + " features to "
                    + targetVocab + " target tokens, got " + out.inputSize() + " to " + out.outputSize());
        }
        requireToken("padding", tokens.pad(), Math.min(encoder.embedding().size(), targetVocab));
        requireToken("start", tokens.bos(), targetVocab);
        requireToken("end", tokens.eos(), targetVocab);
        this.encoder = register("encoder", encoder);
        this.decoder = register("decoder", decoder);
        this.attention = attention == null ? null : register("attention", attention);
        this.out = register("out", out);
        this.tokens = tokens;
    }

    private static void requireToken(String what, int id, int vocab) {
        if (id < 0 || id >= vocab) {
            throw new IllegalArgumentException("Seq2Seq: the " + what + " token id " + id
                    + " must be a row of the embedding tables, 0.." + (vocab - 1));
        }
    }

    public Tokens tokens() {
        return tokens;
    }

    public boolean hasAttention() {
        return attention != null;
    }

    // ---- training -------------------------------------------------------------------------------------------

    /** The teacher-forced loss (forward only): mean cross-entropy per real target token, EOS included. */
    public double loss(int[][] sources, int[][] targets) {
        return forward(sources, targets, 1.0, null).loss();
    }

    /**
     * Forward and backward for one batch: returns the loss and adds every parameter's gradient (call
     * {@code zeroGrad} and the optimiser around it).
     */
    public double forwardBackward(int[][] sources, int[][] targets, double teacherForcing, Random rng) {
        Pass pass = forward(sources, targets, teacherForcing, rng);
        backward(pass);
        return pass.loss();
    }

    /**
     * The forward pass over a batch of sources and their targets, with teacher forcing ratio
     * {@code teacherForcing} in [0, 1] ({@code rng} may be null when it is 1). Returns the loss and what backward
     * needs.
     */
    // tag::forward[]
    public Pass forward(int[][] sources, int[][] targets, double teacherForcing, Random rng) {
        requireBatch(sources, targets, teacherForcing, rng);
        int steps = Padding.maxLength("Seq2Seq targets", targets, true) + 1;   // + 1 for EOS
        int[][] truthIn = Padding.timeMajor(prepend(tokens.bos(), targets), steps, tokens.pad());

        Encoder.Output enc = encoder.forward(sources, tokens.pad());
        Attention.Memory memory = attention == null ? null : attention.prepare(enc.outputs(), enc.mask());
        Attention.Step[] attended = attention == null ? null : new Attention.Step[steps];
        Matrix[] features = new Matrix[steps];
        Decoder.Pass dec;
        if (teacherForcing >= 1) {
            dec = decoder.forward(truthIn, enc.last());   // every input known: one pass over the whole target
            for (int t = 0; t < steps; t++) {
                features[t] = features(dec.outputs()[t], memory, attended, t);
            }
        } else {   // each input may be the last prediction, so the decoder steps
            Decoder.Stepping stepping = decoder.stepping(enc.last());
            int[] predicted = null;
            for (int t = 0; t < steps; t++) {
                boolean teacher = t == 0 || rng.nextDouble() < teacherForcing;
                Matrix h = stepping.step(teacher ? truthIn[t] : predicted);
                features[t] = features(h, memory, attended, t);
                predicted = t + 1 < steps ? out.forward(features[t]).argmaxRows() : null;
            }
            dec = stepping.pass();
        }
        Matrix stacked = Sequences.stack(features);                  // every step at once, row t * batch + b
        Matrix logits = out.forward(stacked);
        SoftmaxCrossEntropy.Pass lossPass = crossEntropy.forwardPass(logits, expectedOutputs(targets, steps));
        return new Pass(enc, memory, dec, attended, stacked, lossPass);
    }
    // end::forward[]

    /** [h ; context] with attention (recording the step), h without. */
    private Matrix features(Matrix h, Attention.Memory memory, Attention.Step[] attended, int t) {
        if (attention == null) {
            return h;
        }
        attended[t] = attention.forward(h, memory);
        return Blocks.concatColumns(h, attended[t].context());
    }

    /**
     * Backward over {@code pass}: adds every parameter's gradient of its loss. Passes run since (decoding,
     * evaluation) do not matter; each call adds the gradients once more.
     */
    // tag::backward[]
    public void backward(Pass pass) {
        int steps = pass.decoded.length();
        int hidden = decoder.cell().hiddenSize();
        Matrix dFeatures = out.backward(pass.features, crossEntropy.backward(pass.lossPass));
        Matrix[] dDecoder = Sequences.split(Blocks.columns(dFeatures, 0, hidden), steps);
        Matrix[] dMemory = null;
        if (attention != null) {
            Matrix[] dContext = Sequences.split(Blocks.columns(dFeatures, hidden, dFeatures.cols()), steps);
            Matrix[] memory = pass.encoded.outputs();
            dMemory = new Matrix[memory.length];
            for (int s = 0; s < memory.length; s++) {
                dMemory[s] = Matrix.zeros(memory[s].rows(), memory[s].cols());
            }
            for (int t = steps - 1; t >= 0; t--) {   // the decoder state was also the query
                dDecoder[t].addInPlace(attention.backwardInto(pass.attended[t], dContext[t], null, dMemory));
            }
            attention.finish(pass.memory, dMemory);   // what every step sent through the shared keys, at once
        }
        State dStart = decoder.backward(pass.decoded, dDecoder);    // through time, then the embedding
        encoder.backward(pass.encoded, dMemory, dStart);            // d_0 was the encoder's final state
    }
    // end::backward[]

    private void requireBatch(int[][] sources, int[][] targets, double teacherForcing, Random rng) {
        if (!(teacherForcing >= 0 && teacherForcing <= 1)) {
            throw new IllegalArgumentException("Seq2Seq: teacher forcing ratio must be in [0, 1], got "
                    + teacherForcing);
        }
        if (teacherForcing < 1 && rng == null) {
            throw new IllegalArgumentException("Seq2Seq: a teacher forcing ratio below 1 needs a Random");
        }
        if (sources == null || targets == null || targets.length != sources.length) {
            throw new IllegalArgumentException("Seq2Seq: " + (sources == null ? "no" : sources.length)
                    + " sources but " + (targets == null ? "no" : String.valueOf(targets.length)) + " targets");
        }
    }

    private int[] expectedOutputs(int[][] targets, int steps) {
        int batch = targets.length;
        int[] expected = new int[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int len = targets[b].length;
                expected[t * batch + b] = t < len ? targets[b][t]
                        : t == len ? tokens.eos() : SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX;
            }
        }
        return expected;
    }

    private static int[][] prepend(int first, int[][] seqs) {
        int[][] out = new int[seqs.length][];
        for (int b = 0; b < seqs.length; b++) {
            out[b] = new int[seqs[b].length + 1];
            out[b][0] = first;
            System.arraycopy(seqs[b], 0, out[b], 1, seqs[b].length);
        }
        return out;
    }

    // ---- decoding -------------------------------------------------------------------------------------------

    /** The decoder as a {@link TokenScorer}: one step for rows of hypotheses (no gradients are kept). */
    public TokenScorer<DecoderState> scorer() {
        return new TokenScorer<>() {
            @Override
            public Next<DecoderState> next(DecoderState s, int[] last) {
                State d = decoder.step(last, s.rnn());
                Matrix h = d.h();
                Matrix f = attention == null ? h
                        : Blocks.concatColumns(h, attention.forward(h, s.prepared()).context());
                Matrix logProbs = Softmax.log(out.forward(f));
                return new Next<>(logProbs, new DecoderState(d, s.memory(), s.mask(), s.prepared()));
            }

            @Override
            public DecoderState gather(DecoderState s, int[] rows) {
                Matrix[] mem = new Matrix[s.memory().length];
                for (int i = 0; i < mem.length; i++) {
                    mem[i] = Blocks.gatherRows(s.memory()[i], rows);
                }
                State r = s.rnn();
                State rnn = new State(Blocks.gatherRows(r.h(), rows),
                        r.c() == null ? null : Blocks.gatherRows(r.c(), rows));
                Mask mask = s.mask().gather(rows);
                return new DecoderState(rnn, mem, mask, attention == null ? null : attention.prepare(mem, mask));
            }
        };
    }

    /** Encodes the sources and returns the decoder's starting state (one row per source). */
    public DecoderState start(int[][] sources) {
        Encoder.Output enc = encoder.forward(sources, tokens.pad());
        return new DecoderState(enc.last(), enc.outputs(), enc.mask(),
                attention == null ? null : attention.prepare(enc.outputs(), enc.mask()));
    }

    /** Greedy decoding of each source, at most {@code maxLen} tokens (EOS excluded from the result). */
    public List<Hypothesis> greedy(int[][] sources, int maxLen) {
        return Decoding.greedy(scorer(), start(sources), sources.length, tokens.bos(), tokens.eos(), maxLen);
    }

    /** A greedy translation and where it looked: weights (output steps, source positions), EOS step included. */
    public record Translation(Hypothesis hypothesis, Matrix attention) {
    }

    /**
     * Greedy decoding of one source that also records the attention weights of every output step, one row per
     * emitted token (the EOS step included when emitted), one column per source token: the heatmap of what each
     * output token read. Needs a model with attention.
     */
    public Translation translateWithAttention(int[] source, int maxLen) {
        if (attention == null) {
            throw new IllegalStateException("translateWithAttention: this model has no attention");
        }
        if (maxLen < 1) {
            throw new IllegalArgumentException("decoding: max length must be at least 1, got " + maxLen);
        }
        DecoderState s = start(new int[][] {source});
        List<double[]> rows = new ArrayList<>();
        List<Integer> emitted = new ArrayList<>();
        double logProb = 0;
        boolean ended = false;
        int last = tokens.bos();
        State state = s.rnn();
        for (int t = 0; t < maxLen && !ended; t++) {
            state = decoder.step(new int[] {last}, state);
            Attention.Step a = attention.forward(state.h(), s.prepared());
            rows.add(a.weights().transpose().rowArray(0));
            Matrix logProbs = Softmax.log(out.forward(Blocks.concatColumns(state.h(), a.context())));
            last = logProbs.argmaxRows()[0];
            logProb += logProbs.get(0, last);
            ended = last == tokens.eos();
            if (!ended) {
                emitted.add(last);
            }
        }
        Matrix weights = Matrix.of(rows.toArray(new double[0][]));
        int[] seq = emitted.stream().mapToInt(Integer::intValue).toArray();
        return new Translation(new Hypothesis(seq, logProb, ended, logProb), weights);
    }

    /** Beam search for one source; hypotheses best first. */
    public List<Hypothesis> beamSearch(int[] source, int width, int maxLen, double lengthPenalty) {
        if (width < 1) {
            throw new IllegalArgumentException("beam search: beam width must be at least 1, got " + width);
        }
        return Decoding.beam(scorer(), start(new int[][] {source}), tokens.bos(), tokens.eos(), width, maxLen,
                lengthPenalty);
    }
}
