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
import rnnbook.nn.Activation;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;

/**
 * One training step of a vanilla tanh RNN, double precision: forward over the whole sequence, a Linear layer
 * (hidden → input) on every step's output, mean cross-entropy against fixed random targets in [0, input), full
 * BPTT, and an SGD update (lr 0.01) after zeroing the gradients. The same model and step as
 * {@code src/jmh/python/torch_bench.py}, so the two can be compared. Reported: the distribution of step times
 * (JMH sample mode; read the p0.50 line for the median).
 *
 * <p>{@code shape} is batch x seq x input x hidden.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class RnnStepBenchmark {

    @Param({"32x50x64x128", "1x100x32x32"})
    public String shape;

    private TrainingStep step;

    @Setup
    public void setUp() {
        step = TrainingStep.random(shape,
                (input, hidden, rng) -> TrainingStep.of(new Recurrent(new RnnCell(input, hidden, Activation.TANH, rng))));
    }

    @Benchmark
    public double step() {
        return step.run();
    }
}
