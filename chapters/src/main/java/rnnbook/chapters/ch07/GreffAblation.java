package rnnbook.chapters.ch07;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.BoxChart;
import rnnbook.chapters.common.Show;
import rnnbook.loss.Mse;
import rnnbook.nn.Dense;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.variants.OdysseyLstm;
import rnnbook.variants.OdysseyLstm.Variant;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 7, Greff et al.'s ablation in small: nine LSTMs, several seeds each, on a count that must be reset. */
public final class GreffAblation {
    private GreffAblation() {
    }

    // tag::task[]
    /** A batch of the reset-count task: xs (length, batch, 3) one-hot, target (length * batch, 1) stacked by step. */
    public record CountBatch(Matrix[] xs, Matrix target) {
    }

    /**
     * Symbols 0 = "nothing" (probability 0.6), 1 = "one" (0.3), 2 = "reset" (0.1). The target at every step is
     * the number of ones since the last reset (or the start), divided by {@code scale}.
     */
    public static CountBatch resetCount(int batch, int length, double scale, Random rng) {
        if (batch < 1 || length < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("resetCount needs batch >= 1, length >= 1 and scale > 0, got "
                    + batch + ", " + length + ", " + scale);
        }
        Matrix[] xs = new Matrix[length];
        Matrix target = Matrix.zeros(length * batch, 1);
        int[] count = new int[batch];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(batch, 3);
            for (int b = 0; b < batch; b++) {
                double u = rng.nextDouble();
                int symbol = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
                xs[t].set(b, symbol, 1.0);
                count[b] = symbol == 2 ? 0 : count[b] + symbol;
                target.set(t * batch + b, 0, count[b] / scale);
            }
        }
        return new CountBatch(xs, target);
    }
    // end::task[]

    // tag::train[]
    /**
     * Trains one LSTM variant (hidden units, Adam at rate 0.01, gradient norm clipped at 1) with a linear read-out
     * at every step on fresh batches of 16 and returns its mean squared error on 256 held-out sequences.
     */
    public static double finalLoss(Variant variant, int hidden, int length, int steps, long seed) {
        Random init = new Random(seed);
        OdysseyLstm lstm = new OdysseyLstm(variant, 3, hidden, init);
        Dense readOut = new Dense(hidden, 1, init);
        List<Parameter> params = new ArrayList<>(lstm.parameters());
        params.addAll(readOut.parameters());
        Adam adam = new Adam(params, 0.01);
        Mse mse = new Mse();
        Random data = new Random(seed + 1000);
        for (int step = 0; step < steps; step++) {
            CountBatch b = resetCount(16, length, COUNT_SCALE, data);
            adam.zeroGrad();
            Recurrent.Output pass = lstm.forward(b.xs());
            Matrix hs = Sequences.stack(pass.outputs());   // (length * 16, hidden): the read-out sees every step
            Mse.Pass lossPass = mse.forwardPass(readOut.forward(hs), b.target());
            lstm.backward(pass, Sequences.split(readOut.backward(hs, mse.backward(lossPass)), length));
            Clip.gradNorm(params, 1.0);
            adam.step();
        }
        CountBatch test = resetCount(256, length, COUNT_SCALE, new Random(seed + 2000));
        return mse.forward(readOut.forward(Sequences.stack(lstm.forward(test.xs()).outputs())), test.target());
    }

    /** Counts are divided by this, so typical targets lie between 0 and 1. */
    public static final double COUNT_SCALE = 5;
    // end::train[]

    // tag::ranks[]
    /**
     * The exact two-sided p value of the Mann-Whitney rank test (no ties assumed): how often two groups of these
     * sizes, drawn from one distribution, give a rank-sum statistic U at least as far from its mean as observed.
     * U counts the pairs (a, b) with a < b; its distribution is counted by dynamic programming over orderings.
     */
    public static double rankTestP(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("rankTestP needs values in both groups, got " + a.length + " and "
                    + b.length);
        }
        int m = a.length;
        int n = b.length;
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x < y ? 1 : x == y ? 0.5 : 0;
            }
        }
        // ways[i][j][k]: orderings of i a's and j b's in which k (a, b) pairs have the a first
        long[][][] ways = new long[m + 1][n + 1][m * n + 1];
        ways[0][0][0] = 1;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                for (int k = 0; k <= m * n; k++) {
                    if (i > 0 && ways[i - 1][j][k] > 0) {
                        ways[i][j][k] += ways[i - 1][j][k];       // the last one is an a: it precedes no b
                    }
                    if (j > 0 && k >= i && ways[i][j - 1][k - i] > 0) {
                        ways[i][j][k] += ways[i][j - 1][k - i];   // the last one is a b: every a precedes it
                    }
                }
            }
        }
        double mean = m * n / 2.0;
        double total = 0;
        double extreme = 0;
        for (int k = 0; k <= m * n; k++) {
            total += ways[m][n][k];
            extreme += Math.abs(k - mean) >= Math.abs(u - mean) - 1e-9 ? ways[m][n][k] : 0;
        }
        return extreme / total;
    }

    /** The middle value of sorted values (the mean of the two middle ones for an even count). */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    // end::ranks[]

    public static void main(String[] args) {
        // tag::example[]
        CountBatch example = resetCount(1, 14, 1, new Random(7));
        String[] symbolNames = {".", "1", "R"};   // nothing, one, reset
        StringBuilder symbols = new StringBuilder("input :");
        StringBuilder counts = new StringBuilder("target:");
        for (int t = 0; t < example.xs().length; t++) {
            symbols.append(String.format("%2s", symbolNames[example.xs()[t].argmaxRows()[0]]));
            counts.append(String.format("%2d", (int) example.target().get(t, 0)));
        }
        System.out.println(symbols);
        System.out.println(counts);
        // end::example[]

        // tag::ablation[]
        int seeds = Scale.current().pick(5, 6);
        int hidden = 8;
        int streamLength = Scale.current().pick(24, 40);
        int steps = Scale.current().pick(60, 300);
        Map<Variant, double[]> losses = new LinkedHashMap<>();
        for (Variant v : Variant.values()) {
            double[] runs = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                runs[s] = finalLoss(v, hidden, streamLength, steps, 100 + s);   // seed s: the same data for every variant
            }
            losses.put(v, runs);
        }
        double[] vanilla = losses.get(Variant.V);
        Table summary = Table.create("Final test MSE over " + seeds + " seeds (hidden " + hidden + ", length "
                        + streamLength + ", " + steps + " steps)",
                StringColumn.create("variant"), IntColumn.create("parameters"),
                Show.formatted(DoubleColumn.create("median"), "0.0000"),
                Show.formatted(DoubleColumn.create("lowest"), "0.0000"),
                Show.formatted(DoubleColumn.create("highest"), "0.0000"),
                Show.formatted(DoubleColumn.create("p against V"), "0.000"));
        for (Map.Entry<Variant, double[]> e : losses.entrySet()) {
            double[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            summary.stringColumn("variant").append(e.getKey().label());
            summary.intColumn("parameters").append((int) new OdysseyLstm(e.getKey(), 3, hidden, new Random(0))
                    .activeParameterCount());
            summary.doubleColumn("median").append(median(sorted));
            summary.doubleColumn("lowest").append(sorted[0]);
            summary.doubleColumn("highest").append(sorted[sorted.length - 1]);
            summary.doubleColumn("p against V").append(e.getKey() == Variant.V ? Double.NaN
                    : rankTestP(e.getValue(), vanilla));
        }
        Figures.table(summary, "greff-summary");
        // end::ablation[]

        // tag::baseline[]
        CountBatch held = resetCount(256, streamLength, COUNT_SCALE, new Random(1));
        double meanTarget = held.target().sum() / held.target().rows();
        double constantMse = held.target().map(y -> (y - meanTarget) * (y - meanTarget)).sum() / held.target().rows();
        System.out.println(String.format("baseline, always predict the mean target: MSE %.4f", constantMse));
        double[] low = new double[seeds];
        double[] high = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            low[s] = s;
            high[s] = seeds + s;   // every run of one group below every run of the other
        }
        System.out.println(String.format("rank test: the smallest p that %d runs against %d can give is %.4f",
                seeds, seeds,
                rankTestP(low, high)));
        // end::baseline[]

        // tag::box[]
        Map<String, double[]> groups = new LinkedHashMap<>();
        losses.forEach((v, runs) -> groups.put(v.name(), runs));
        BoxChart box = Charts.box("Final loss of each LSTM variant, " + seeds + " seeds", "variant",
                "test MSE", groups);
        Figures.show(box, "greff-box");
        // end::box[]
    }
}
