package rnnbook.chapters.ch09;

import java.util.Random;
import rnnbook.chapters.ch09.OneHotVsLookup;
import rnnbook.chapters.common.Show;
import rnnbook.nn.Embedding;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 9: feeding an LSTM one-hot vectors of a V-word vocabulary, or rows of a learned lookup table. */
public final class OneHotVsLookup {
    private OneHotVsLookup() {
    }

    // tag::counts[]
    /** LSTM parameters reading one-hot vectors of size V: 4H(V + H) weights and 8H biases. */
    public static long oneHotParameters(long vocab, long hidden) {
        return 4 * hidden * (vocab + hidden) + 8 * hidden;
    }

    /** A lookup table (V, E) before the same LSTM reading E-wide vectors: V E + 4H(E + H) + 8H. */
    public static long lookupParameters(long vocab, long embed, long hidden) {
        return vocab * embed + 4 * hidden * (embed + hidden) + 8 * hidden;
    }
    // end::counts[]

    /** Milliseconds a pass takes: the best of {@code repeats} runs after one warm-up run. */
    public static double millis(Runnable pass, int repeats) {
        pass.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            pass.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    public static void main(String[] args) {
        // tag::one-hot-vs-lookup[]
        int vocabSize = 2000;
        int embedSize = 64;
        int hiddenSize = 128;
        int[][] batchIds = new int[32][16];                   // 32 steps of 16 word ids
        var idRng = new Random(15);
        for (int[] step : batchIds) {
            for (int b = 0; b < step.length; b++) {
                step[b] = idRng.nextInt(vocabSize);
            }
        }
        var oneHotLstm = new Recurrent(new LstmCell(vocabSize, hiddenSize, new Random(16)));
        var table = new Embedding(vocabSize, embedSize, new Random(17));
        var lookupLstm = new Recurrent(new LstmCell(embedSize, hiddenSize, new Random(18)));
        double oneHotMs = OneHotVsLookup.millis(() -> {
            Matrix[] xs = new Matrix[batchIds.length];
            for (int t = 0; t < xs.length; t++) {
                xs[t] = Sequences.oneHot(batchIds[t], vocabSize);   // (16, V), one 1 per row
            }
            oneHotLstm.forward(xs);
        }, 5);
        double lookupMs = OneHotVsLookup.millis(() -> {
            Matrix[] xs = new Matrix[batchIds.length];
            for (int t = 0; t < xs.length; t++) {
                xs[t] = table.forward(batchIds[t]);                 // (16, E), rows of the table
            }
            lookupLstm.forward(xs);
        }, 5);
        Table inputs = Table.create("An LSTM of " + hiddenSize + " units over a vocabulary of " + vocabSize
                        + " words, one forward pass of " + batchIds.length + " x " + batchIds[0].length + " ids",
                StringColumn.create("input", "one-hot vectors of size " + vocabSize,
                        "lookup table of width " + embedSize),
                DoubleColumn.create("parameters by the formula", oneHotParameters(vocabSize, hiddenSize),
                        lookupParameters(vocabSize, embedSize, hiddenSize)),
                DoubleColumn.create("parameters counted", oneHotLstm.parameterCount(),
                        table.parameterCount() + lookupLstm.parameterCount()),
                Show.formatted(DoubleColumn.create("forward pass (ms)", oneHotMs, lookupMs), "0.0"));
        Figures.table(inputs, "lm-one-hot-vs-lookup");
        // end::one-hot-vs-lookup[]
    }
}
