package rnnbook.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rnnbook.nn.Dense;
import rnnbook.nn.Sequences;
import rnnbook.nn.Stacked;
import rnnbook.tensor.Matrix;

/**
 * One training step of a character-level language model, double precision: one-hot characters (vocabulary 65)
 * into an LSTM with 128 units, a Linear layer to 65 logits at every step, mean cross-entropy against the next
 * character, full BPTT over 64 steps, batch 32, SGD (lr 0.01). The same step as the char-RNN of
 * {@code src/jmh/python/torch_bench_gated.py}. Read the p0.50 line for the median step time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class CharRnnBenchmark {
    static final int VOCAB = 65;
    static final int HIDDEN = 128;
    static final int BATCH = 32;
    static final int SEQ = 64;

    private TrainingStep step;

    @Setup
    public void setUp() {
        Random rng = new Random(42);
        Stacked lstm = Stacked.lstm(VOCAB, HIDDEN, 1, 0.0, false, rng);
        Dense output = new Dense(HIDDEN, VOCAB, rng);
        int[][] text = new int[SEQ + 1][BATCH];   // text[t][b]: character t of example b
        for (int[] row : text) {
            for (int b = 0; b < BATCH; b++) {
                row[b] = rng.nextInt(VOCAB);
            }
        }
        Matrix[] xs = new Matrix[SEQ];
        int[] targets = new int[SEQ * BATCH];
        for (int t = 0; t < SEQ; t++) {
            xs[t] = Sequences.oneHot(text[t], VOCAB);
            System.arraycopy(text[t + 1], 0, targets, t * BATCH, BATCH);
        }
        step = new TrainingStep(TrainingStep.of(lstm), output, xs, targets);
    }

    @Benchmark
    public double step() {
        return step.run();
    }
}
