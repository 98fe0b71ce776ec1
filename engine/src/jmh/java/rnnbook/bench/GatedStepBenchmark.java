package rnnbook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.nn.Sequences;
import rnnbook.nn.Stacked;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;

/**
 * One training step of a one-layer LSTM or GRU ({@link Stacked}, PyTorch's nn.LSTM / nn.GRU), double precision:
 * forward over the sequence, a Linear layer (hidden → input) on every step's output, mean cross-entropy against
 * fixed random targets in [0, input), full BPTT, SGD (lr 0.01) after zeroing the gradients: the step of
 * {@link RnnStepBenchmark} with a gated cell, and of {@code src/jmh/python/torch_bench_gated.py}.
 *
 * <p>{@code shape} is batch x seq x input x hidden. Read the p0.50 line for the median step time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class GatedStepBenchmark {

    @Param({"lstm", "gru"})
    public String cell;

    @Param({"32x50x64x128", "1x100x32x32", "64x35x256x256"})
    public String shape;

    private int seq;
    private Stacked rnn;
    private Dense output;
    private SoftmaxCrossEntropy loss;
    private Sgd sgd;
    private Matrix[] xs;
    private int[] targets;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        if (parts.length != 4) {
            throw new IllegalArgumentException("shape must be batch x seq x input x hidden, got " + shape);
        }
        int batch = Integer.parseInt(parts[0]);
        seq = Integer.parseInt(parts[1]);
        int input = Integer.parseInt(parts[2]);
        int hidden = Integer.parseInt(parts[3]);
        Random rng = new Random(42);
        rnn = switch (cell) {
            case "lstm" -> Stacked.lstm(input, hidden, 1, 0.0, false, rng);
            case "gru" -> Stacked.gru(input, hidden, 1, 0.0, false, rng);
            default -> throw new IllegalArgumentException("cell must be lstm or gru, got " + cell);
        };
        output = new Dense(hidden, input, rng);
        loss = new SoftmaxCrossEntropy();
        List<Parameter> params = new ArrayList<>(rnn.parameters());
        params.addAll(output.parameters());
        sgd = new Sgd(params, 0.01);
        xs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, input, 1.0, rng);
        }
        targets = new int[seq * batch];   // row t * batch + b of the stacked outputs is step t, example b
        for (int i = 0; i < targets.length; i++) {
            targets[i] = rng.nextInt(input);
        }
    }

    @Benchmark
    public double step() {
        sgd.zeroGrad();
        Stacked.Output out = rnn.forward(xs);
        Matrix logits = output.forward(Sequences.stack(out.outputs()));
        double value = loss.forward(logits, targets);
        Matrix dHidden = output.backward(loss.backward());
        rnn.backward(Sequences.split(dHidden, seq), null);
        sgd.step();
        return value;
    }
}
