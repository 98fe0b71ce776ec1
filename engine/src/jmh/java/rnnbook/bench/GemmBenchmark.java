package rnnbook.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rnnbook.nn.Init;
import rnnbook.tensor.Matrix;

/**
 * The matrix-multiply kernel in GFLOP/s: {@code C += op(A) · op(B)} through {@link Matrix#addMatmul}, counting
 * 2·m·k·n floating-point operations per product. The secondary result {@code flop} is in flop/ns, which is
 * GFLOP/s; the primary result (products per ns) can be ignored.
 *
 * <p>{@code shape} is m x k x n: square sizes, then the products of the (batch 32, input 64, hidden 128) RNN
 * step (x·W_ihᵀ, h·W_hhᵀ, the weight gradient daᵀ·h, the output layer over 50 × 32 stacked steps) and of the
 * batch-1 step. {@code op} is nn (A·B), nt (A·Bᵀ, the forward x·Wᵀ) or tn (Aᵀ·B, a weight gradient).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {

    @Param({"64x64x64", "128x128x128", "256x256x256", "512x512x512",
            "32x64x128", "32x128x128", "128x32x128", "1600x128x64", "1x32x32"})
    public String shape;

    @Param({"nn"})
    public String op;

    private Matrix a;
    private Matrix b;
    private Matrix c;
    private boolean transposeA;
    private boolean transposeB;
    private long flopPerProduct;

    /** Floating-point operations done, reported per ns (GFLOP/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flop;

        @Setup(Level.Iteration)
        public void reset() {
            flop = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        int m = Integer.parseInt(parts[0]);
        int k = Integer.parseInt(parts[1]);
        int n = Integer.parseInt(parts[2]);
        transposeA = op.equals("tn");
        transposeB = op.equals("nt");
        if (!op.equals("nn") && !transposeA && !transposeB) {
            throw new IllegalArgumentException("op must be nn, nt or tn, got " + op);
        }
        Random rng = new Random(7);
        a = transposeA ? Init.uniform(k, m, 1.0, rng) : Init.uniform(m, k, 1.0, rng);
        b = transposeB ? Init.uniform(n, k, 1.0, rng) : Init.uniform(k, n, 1.0, rng);
        c = Matrix.zeros(m, n);
        flopPerProduct = 2L * m * k * n;
    }

    @Benchmark
    public Matrix product(Flops counter) {
        counter.flop += flopPerProduct;
        return c.addMatmul(a, transposeA, b, transposeB);
    }
}
