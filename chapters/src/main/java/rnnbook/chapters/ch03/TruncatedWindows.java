package rnnbook.chapters.ch03;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.loss.Mse;
import rnnbook.loss.Reduction;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.TruncatedBptt;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Chapter 3, truncated BPTT: a long stream learned with windows of different lengths. */
public final class TruncatedWindows {
    private TruncatedWindows() {
    }

    // tag::train[]
    /**
     * Trains on {@code stream} (xs, ys) with truncated BPTT windows of k steps; returns {test error, seconds of
     * the fastest pass, seconds of the fastest pass's optimizer updates alone} (the fastest, not the mean, so that
     * other programs sharing the machine distort it less).
     */
    public static double[] trainWithWindow(int k, Matrix[][] stream, Matrix[][] test, int passes) {
        var rnn = new Recurrent(new RnnCell(1, 24, new Random(41)));
        var head = new Dense(24, 1, new Random(42));
        List<Parameter> parameters = new ArrayList<>(rnn.parameters());
        parameters.addAll(head.parameters());
        var adam = new Adam(parameters, 0.005);
        var tbptt = new TruncatedBptt(rnn, k);
        double count = stream[0].length * stream[0][0].rows();
        double fastest = Double.MAX_VALUE;
        double fastestUpdates = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            long[] inUpdates = {0};   // nanoseconds spent in adam.step() during this pass
            long began = System.nanoTime();
            tbptt.run(stream[0], null, (start, outputs, dOutputs) -> {
                // the loss of this window: squared error of the read-out at each of its steps
                Matrix target = Sequences.stack(Arrays.copyOfRange(stream[1], start, start + outputs.length));
                var mse = new Mse(Reduction.SUM);
                Matrix hs = Sequences.stack(outputs);
                Mse.Pass lossPass = mse.forwardPass(head.forward(hs), target);
                Matrix dh = head.backward(hs, mse.backward(lossPass).scale(1.0 / count));
                System.arraycopy(Sequences.split(dh, outputs.length), 0, dOutputs, 0, outputs.length);
                return lossPass.loss() / count;
            }, () -> {
                long stepBegan = System.nanoTime();
                adam.step();
                adam.zeroGrad();
                inUpdates[0] += System.nanoTime() - stepBegan;
            });
            fastest = Math.min(fastest, (System.nanoTime() - began) / 1e9);
            fastestUpdates = Math.min(fastestUpdates, inUpdates[0] / 1e9);
        }
        Matrix[] hs = rnn.forward(test[0]).outputs();
        double error = new Mse().forward(head.forward(Sequences.stack(hs)), Sequences.stack(test[1]));
        return new double[] {error, fastest, fastestUpdates};
    }
    // end::train[]

    public static void main(String[] args) {
        // tag::sweep[]
        // 8 parallel streams; the target is the input from lag steps earlier.
        int lag = 6;
        int length = Scale.current().pick(1200, 4000);
        Matrix[][] stream = Tasks.delay(8, length, lag, new Random(43));
        Matrix[][] test = Tasks.delay(8, 400, lag, new Random(44));
        int[] windows = {1, 2, 4, 8, 16, 32, 128, length};
        Table results = Table.create("Truncated BPTT: window length against error and time",
                IntColumn.create("window k"), IntColumn.create("updates per pass"),
                Show.formatted(DoubleColumn.create("test mean squared error"), "0.0000"),
                Show.formatted(DoubleColumn.create("seconds per pass"), "0.000"),
                Show.formatted(DoubleColumn.create("of which updates"), "0.00E0"));
        int passes = Scale.current().pick(4, 8);
        double[][] runs = new double[windows.length][];
        // three rounds over all windows, keeping each window's fastest pass: a moment when other programs load the
        // machine slows one round, not one window. Round 0 trains and tests; rounds 1 and 2 time two more passes.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < windows.length; i++) {
                double[] run = trainWithWindow(windows[i], stream, test, round == 0 ? passes : 2);
                runs[i] = round == 0 ? run : new double[] {runs[i][0], Math.min(runs[i][1], run[1]),
                        Math.min(runs[i][2], run[2])};
            }
        }
        for (int i = 0; i < windows.length; i++) {
            int k = windows[i];
            results.intColumn("window k").append(k);
            results.intColumn("updates per pass").append((length + k - 1) / k);
            results.doubleColumn("test mean squared error").append(runs[i][0]);
            results.doubleColumn("seconds per pass").append(runs[i][1]);
            results.doubleColumn("of which updates").append(runs[i][2]);
        }
        Figures.table(results, "truncated-bptt-table");
        // end::sweep[]

        // tag::chart[]
        double[] k = results.intColumn("window k").asDoubleArray();
        XYChart quality = Charts.xy("Error after " + passes + " passes over the stream, by window length",
                "window k (log scale)", "test mean squared error");
        quality.addSeries("delay of " + lag + " steps", k, results.doubleColumn("test mean squared error").asDoubleArray());
        quality.getStyler().setXAxisLogarithmic(true);
        Figures.show(quality, "truncated-bptt-quality");
        // end::chart[]

        // tag::speed[]
        XYChart speed = Charts.powersOfTen(Charts.xy("Time for one pass over the stream", "window k (log scale)",
                "seconds, fastest pass (log scale)"));
        speed.addSeries("whole pass", k, Arrays.stream(results.doubleColumn("seconds per pass").asDoubleArray())
                .map(Math::log10).toArray());
        speed.addSeries("optimizer updates alone", k, Arrays.stream(results.doubleColumn("of which updates")
                .asDoubleArray()).map(Math::log10).toArray());
        speed.getStyler().setXAxisLogarithmic(true);
        Figures.show(speed, "truncated-bptt-speed");
        // end::speed[]
    }
}
