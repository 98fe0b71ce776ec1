package rnnbook.bench;

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
import rnnbook.nn.Init;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.PerStep;

/**
 * Where the LSTM-256 training step's matrix time goes: each of its five groups of products over one sequence
 * (batch 64, 35 steps, input 256, hidden 256, so W_ih and W_hh are 1024 x 256), timed alone, as the layer calls
 * them. Each group is 35 products of 2 · 64 · 256 · 1024 flops (1.17 GFLOP); the step does the weight gradient
 * twice (dW_ih and dW_hh), the others once. Compare a group's time with the {@link GatedStepBenchmark} step's.
 *
 * <p>{@code product}: {@code input} every x_t · W_ihᵀ ({@link PerStep#matmulT}); {@code recurrent} every h_{t-1} ·
 * W_hhᵀ against W_hhᵀ packed once ({@link Matrix#addMatmul(Matrix, Packed)}, one step after another, as in the time
 * loop); {@code recurrentBack} every dG_t · W_hh, packed likewise; {@code inputBack} every dG_t · W_ih
 * ({@link PerStep#matmul}); {@code weightGrad} dW += Σ_t dG_tᵀ · h_{t-1} ({@link PerStep#addTMatmul}). Read p0.50.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class StepProductsBenchmark {
    private static final int BATCH = 64;
    private static final int SEQ = 35;
    private static final int INPUT = 256;
    private static final int HIDDEN = 256;
    private static final int GATES = 4 * HIDDEN;

    @Param({"input", "recurrent", "recurrentBack", "inputBack", "weightGrad"})
    public String product;

    private Matrix[] xs;
    private Matrix[] hs;
    private Matrix[] dgs;
    private Matrix[] gates;
    private Matrix[] dhs;
    private Matrix weightIh;
    private Packed weightHhT;
    private Packed weightHh;
    private Matrix dWeight;

    @Setup
    public void setUp() {
        Random rng = new Random(42);
        weightIh = Init.uniform(GATES, INPUT, 0.0625, rng);
        Matrix weightHhMatrix = Init.uniform(GATES, HIDDEN, 0.0625, rng);
        weightHhT = Packed.ofTransposed(weightHhMatrix);   // as Recurrent packs it
        weightHh = Packed.of(weightHhMatrix);
        dWeight = Matrix.zeros(GATES, HIDDEN);
        xs = new Matrix[SEQ];
        hs = new Matrix[SEQ];
        dgs = new Matrix[SEQ];
        gates = new Matrix[SEQ];
        dhs = new Matrix[SEQ];
        for (int t = 0; t < SEQ; t++) {
            xs[t] = Init.uniform(BATCH, INPUT, 1.0, rng);
            hs[t] = Init.uniform(BATCH, HIDDEN, 1.0, rng);
            dgs[t] = Init.uniform(BATCH, GATES, 1.0, rng);
            gates[t] = Matrix.zeros(BATCH, GATES);
            dhs[t] = Matrix.zeros(BATCH, HIDDEN);
        }
    }

    @Benchmark
    public Object run() {
        switch (product) {
            case "input":
                return PerStep.matmulT(xs, weightIh);
            case "recurrent":
                for (int t = 0; t < SEQ; t++) {
                    gates[t].addMatmul(hs[t], weightHhT);
                }
                return gates;
            case "recurrentBack":
                for (int t = 0; t < SEQ; t++) {
                    dhs[t].addMatmul(dgs[t], weightHh);
                }
                return dhs;
            case "inputBack":
                return PerStep.matmul(dgs, weightIh);
            case "weightGrad":
                PerStep.addTMatmul(dWeight, dgs, hs);
                return dWeight;
            default:
                throw new IllegalArgumentException("product must be input, recurrent, recurrentBack, inputBack or "
                        + "weightGrad, got " + product);
        }
    }
}
