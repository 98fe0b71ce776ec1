package rnnbook.bench;

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
import rnnbook.nn.Stacked;

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

    private TrainingStep step;

    @Setup
    public void setUp() {
        step = TrainingStep.random(shape, (input, hidden, rng) -> TrainingStep.of(switch (cell) {
            case "lstm" -> Stacked.lstm(input, hidden, 1, 0.0, false, rng);
            case "gru" -> Stacked.gru(input, hidden, 1, 0.0, false, rng);
            default -> throw new IllegalArgumentException("cell must be lstm or gru, got " + cell);
        }));
    }

    @Benchmark
    public double step() {
        return step.run();
    }
}
