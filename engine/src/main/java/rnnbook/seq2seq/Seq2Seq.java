package rnnbook.seq2seq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rnnbook.attention.AdditiveAttention;
import rnnbook.attention.Attention;
import rnnbook.attention.DotProductAttention;
import rnnbook.attention.Mask;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

/**
 * An encoder-decoder (Sutskever et al. 2014), optionally with attention (Luong et al. 2015), over any cell.
 * <pre>
 *   encoder:   s_T = the encoder's final state over embed(x_1 .. x_S)            (padding skipped, see Encoder)
 *   decoder:   d_0 = s_T,  d_t = cell(embed(y_{t-1}), d_{t-1}),  y_0 = BOS
 *   attention: c_t = Σ_s α_ts m_s with α_t = softmax over s of score(d_t.h, m_s)   (when used)
 *   output:    logits_t = W_out [d_t.h ; c_t] + b_out      (or W_out d_t.h + b_out without attention)
 *   loss:      mean over real target tokens of -log softmax(logits_t)[y_t], y = target then EOS
 * </pre>
 * Shapes: token ids as ragged {@code int[batch][len]}; the model pads them. Training targets are the target
 * tokens followed by EOS; padding positions carry the cross-entropy's ignore index, so they cost nothing.
 *
 * <p>Teacher forcing: at each decoder step t ≥ 1 the input is the true previous token with probability
 * {@code ratio}, else the model's own most likely previous token (the same choice for the whole batch at that step;
 * no gradient flows through the choice, as in the usual PyTorch recipe).
 *
 * <p>Decoding ({@link #greedy}, {@link #beamSearch}, {@link #scorer}) reuses the layers and so replaces what a
 * training forward pass kept: call backward before decoding, not after.
 *
 * <p>Parameter names: {@code encoder.embedding.weight}, {@code encoder.rnn.weight_ih_l0}, ...,
 * {@code decoder.embedding.weight}, {@code decoder.rnn.*_l0}, {@code attention.*}, {@code out.weight},
 * {@code out.bias}.
 */
public final class Seq2Seq implements Module {

    /** Special token ids: padding, start of sequence, end of sequence. */
    public record Tokens(int pad, int bos, int eos) {
    }

    /** Which attention the decoder uses. */
    public enum AttentionKind { NONE, DOT, ADDITIVE }

    /** What the decoder carries between steps during decoding: its state and, per row, the source memory. */
    public record DecoderState(State rnn, Matrix[] memory, Mask mask, Attention.Memory prepared) {
    }

    private final Encoder encoder;
    private final Embedding targetEmbedding;
    private final Cell decoderCell;
    private final Attention attention;
    private final Dense out;
    private final Tokens tokens;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(Reduction.MEAN);

    // what the last training forward pass keeps for backward
    private Step[] decoderSteps;
    private Attention.Step[] attentionSteps;
    private int[][] decoderInputs;
    private Matrix[] memory;
    private Attention.Memory preparedMemory;

    /** A model with embeddings of size {@code embed} and cells of size {@code hidden} from {@code cell}. */
    public Seq2Seq(int sourceVocab, int targetVocab, int embed, int hidden, CellFactory cell, AttentionKind kind,
                   Tokens tokens, Random rng) {
        this(new Encoder(new Embedding(sourceVocab, embed, rng), cell.create(embed, hidden, rng)),
                new Embedding(targetVocab, embed, rng), cell.create(embed, hidden, rng),
                switch (kind) {
                    case NONE -> null;
                    case DOT -> new DotProductAttention(hidden);
                    case ADDITIVE -> new AdditiveAttention(hidden, hidden, hidden, rng);
                },
                new Dense(kind == AttentionKind.NONE ? hidden : 2 * hidden, targetVocab, rng), tokens);
    }

    /** A model from parts; {@code attention} may be null. */
    public Seq2Seq(Encoder encoder, Embedding targetEmbedding, Cell decoderCell, Attention attention, Dense out,
                   Tokens tokens) {
        Cell enc = encoder.cell();
        if (enc.hiddenSize() != decoderCell.hiddenSize() || enc.hasCellState() != decoderCell.hasCellState()) {
            throw new IllegalArgumentException("Seq2Seq: the decoder starts from the encoder's final state, so the "
                    + "cells must match: encoder hidden " + enc.hiddenSize()
                    + (enc.hasCellState() ? " with" : " without") + " cell state, decoder hidden "
                    + decoderCell.hiddenSize()
                    + (decoderCell.hasCellState() ? " with" : " without") + " cell state");
        }
        if (targetEmbedding.dim() != decoderCell.inputSize()) {
            throw new IllegalArgumentException("Seq2Seq: target embedding size " + targetEmbedding.dim()
                    + " does not match the decoder cell's input size " + decoderCell.inputSize());
        }
        int hidden = decoderCell.hiddenSize();
        if (attention != null && (attention.queryDim() != hidden || attention.memoryDim() != enc.hiddenSize())) {
            throw new IllegalArgumentException("Seq2Seq: attention expects query size " + attention.queryDim()
                    + " and memory size " + attention.memoryDim() + ", the cells have hidden size " + hidden);
        }
        int features = attention == null ? hidden : hidden + attention.memoryDim();
        if (out.inputSize() != features || out.outputSize() != targetEmbedding.size()) {
            throw new IllegalArgumentException("Seq2Seq: output layer must map " + features + " features to "
                    + targetEmbedding.size() + " target tokens, got " + out.inputSize() + " to " + out.outputSize());
        }
        requireToken("padding", tokens.pad(), Math.min(encoder.embedding().size(), targetEmbedding.size()));
        requireToken("start", tokens.bos(), targetEmbedding.size());
        requireToken("end", tokens.eos(), targetEmbedding.size());
        this.encoder = encoder;
        this.targetEmbedding = targetEmbedding;
        this.decoderCell = decoderCell;
        this.attention = attention;
        this.out = out;
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
        return forward(sources, targets, 1.0, null);
    }

    /**
     * Forward and backward for one batch: returns the loss and adds every parameter's gradient (call
     * {@code zeroGrad} and the optimiser around it).
     */
    public double forwardBackward(int[][] sources, int[][] targets, double teacherForcing, Random rng) {
        double value = forward(sources, targets, teacherForcing, rng);
        backward();
        return value;
    }

    /** The attention weights of each decoder step of the last forward pass, each (srcLen, batch). */
    public List<Matrix> attentionWeights() {
        List<Matrix> weights = new ArrayList<>();
        if (attentionSteps != null) {
            for (Attention.Step s : attentionSteps) {
                weights.add(s.weights());
            }
        }
        return weights;
    }

    // tag::forward[]
    double forward(int[][] sources, int[][] targets, double teacherForcing, Random rng) {
        if (!(teacherForcing >= 0 && teacherForcing <= 1)) {
            throw new IllegalArgumentException("Seq2Seq: teacher forcing ratio must be in [0, 1], got "
                    + teacherForcing);
        }
        if (teacherForcing < 1 && rng == null) {
            throw new IllegalArgumentException("Seq2Seq: a teacher forcing ratio below 1 needs a Random");
        }
        if (targets == null || targets.length != sources.length) {
            throw new IllegalArgumentException("Seq2Seq: " + sources.length + " sources but "
                    + (targets == null ? "no" : String.valueOf(targets.length)) + " targets");
        }
        int batch = sources.length;
        int steps = Padding.maxLength("Seq2Seq targets", targets, true) + 1;   // + 1 for EOS
        int[][] truthIn = Padding.timeMajor(prepend(tokens.bos(), targets), steps, tokens.pad());
        int[] expected = expectedOutputs(targets, steps);

        Encoder.Output enc = encoder.forward(sources, tokens.pad());
        memory = enc.outputs();
        preparedMemory = attention == null ? null : attention.prepare(memory, enc.mask());
        decoderSteps = new Step[steps];
        attentionSteps = attention == null ? null : new Attention.Step[steps];
        decoderInputs = new int[steps][];
        Matrix[] features = new Matrix[steps];
        State state = enc.last();
        int[] predicted = null;
        for (int t = 0; t < steps; t++) {
            boolean teacher = t == 0 || teacherForcing >= 1 || rng.nextDouble() < teacherForcing;
            decoderInputs[t] = teacher ? truthIn[t] : predicted;
            Step step = decoderCell.forward(targetEmbedding.forward(decoderInputs[t]), state);
            decoderSteps[t] = step;
            state = step.state();
            features[t] = features(step.state().h(), t);
            boolean nextNeedsPrediction = t + 1 < steps && teacherForcing < 1;
            predicted = nextNeedsPrediction ? out.forward(features[t]).argmaxRows() : null;
        }
        Matrix logits = out.forward(Sequences.stack(features));   // every step at once, row t * batch + b
        return loss.forward(logits, expected);
    }
    // end::forward[]

    private Matrix features(Matrix h, int t) {
        if (attention == null) {
            return h;
        }
        Attention.Step a = attention.forward(h, preparedMemory);
        if (attentionSteps != null) {
            attentionSteps[t] = a;
        }
        return Blocks.concatColumns(h, a.context());
    }

    // tag::backward[]
    void backward() {
        if (decoderSteps == null) {
            throw new IllegalStateException("Seq2Seq backward called before forward");
        }
        int steps = decoderSteps.length;
        int batch = decoderInputs[0].length;
        int hidden = decoderCell.hiddenSize();
        Matrix[] dFeatures = Sequences.split(out.backward(loss.backward()), steps);
        Matrix[] dMemory = new Matrix[memory.length];
        for (int s = 0; s < memory.length; s++) {
            dMemory[s] = Matrix.zeros(batch, memory[s].cols());
        }
        Matrix[] dInputs = new Matrix[steps];
        State carried = decoderCell.zeroState(batch);
        for (int t = steps - 1; t >= 0; t--) {
            Matrix dh = Blocks.columns(dFeatures[t], 0, hidden);
            if (attention != null) {
                Matrix dQuery = attention.backwardInto(attentionSteps[t],
                        Blocks.columns(dFeatures[t], hidden, dFeatures[t].cols()), null, dMemory);
                dh.addInPlace(dQuery);   // the decoder state was also the query
            }
            StepGrad g = decoderCell.backward(decoderSteps[t], new State(dh.addInPlace(carried.h()), carried.c()));
            dInputs[t] = g.dx();
            carried = g.dPrev();
        }
        if (attention != null) {
            attention.finish(preparedMemory, dMemory);   // what every step sent through the shared keys, at once
        }
        targetEmbedding.forward(Padding.flatten(decoderInputs));   // one lookup of every step, for one backward
        targetEmbedding.backward(Sequences.stack(dInputs));
        encoder.backward(attention == null ? null : dMemory, carried);   // d_0 was the encoder's final state
    }
    // end::backward[]

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
                Step step = decoderCell.forward(targetEmbedding.forward(last), s.rnn());
                Matrix h = step.state().h();
                Matrix f = attention == null ? h
                        : Blocks.concatColumns(h, attention.forward(h, s.prepared()).context());
                Matrix logProbs = Softmax.log(out.forward(f));
                return new Next<>(logProbs, new DecoderState(step.state(), s.memory(), s.mask(), s.prepared()));
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
            Step step = decoderCell.forward(targetEmbedding.forward(new int[] {last}), state);
            state = step.state();
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

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        Module.addAll(all, "encoder", encoder);
        Module.addAll(all, "decoder.embedding", targetEmbedding);
        for (Map.Entry<String, Parameter> e : decoderCell.namedParameters().entrySet()) {
            all.put("decoder.rnn." + e.getKey() + "_l0", e.getValue());
        }
        if (attention != null) {
            Module.addAll(all, "attention", attention);
        }
        Module.addAll(all, "out", out);
        return all;
    }
}
