package rnnbook.chapters.ch07;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.data.Labelled;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.GruCell;
import rnnbook.nn.Parameter;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.variants.Ablation;
import rnnbook.variants.Ablation.Reader;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 7, the Sliced RNN: its speed against a GRU at long lengths, and its accuracy on a synthetic task. */
public final class Sliced {
    private Sliced() {
    }

    // tag::time[]
    /**
     * The shortest wall time in milliseconds of one forward and backward pass of {@code reader} over a random
     * sequence of {@code length} steps ({@code batch} rows, 8 features), over {@code repeats} passes after two
     * untimed ones (the JIT compiles during those). The shortest, not the mean: on a shared machine other work
     * can only add time, so the fastest pass is the best estimate of the pass itself.
     */
    public static double passMillis(Reader reader, int length, int batch, int repeats) {
        if (length < 1 || batch < 1 || repeats < 1) {
            throw new IllegalArgumentException("passMillis needs length, batch and repeats >= 1, got " + length
                    + ", " + batch + " and " + repeats);
        }
        Random rng = new Random(length);
        Matrix[] xs = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(batch, 8).mapInPlace(v -> rng.nextGaussian());
        }
        double[] millis = new double[repeats];
        for (int r = -2; r < repeats; r++) {
            long start = System.nanoTime();
            Ablation.Reading reading = reader.forward(xs);
            reading.backward(Matrix.filled(reading.h().rows(), reading.h().cols(), 1.0));
            if (r >= 0) {
                millis[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[0];
    }
    // end::time[]

    // tag::task[]
    /**
     * A synthetic "review": {@code length} symbols out of 10 (one-hot), mostly neutral; symbol 1 is a "good" word,
     * symbol 2 a "bad" one. Class 1 reviews use good words with probability 0.06 and bad ones with 0.04, class 0
     * the other way round, so the label shows only in the counts over the whole text.
     */
    public static Labelled reviews(int n, int length, Random rng) {
        if (n < 1 || length < 1) {
            throw new IllegalArgumentException("reviews needs n >= 1 and length >= 1, got " + n + " and " + length);
        }
        int[] labels = new int[n];
        Matrix[] xs = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(n, 10);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(2);
            double good = labels[i] == 1 ? 0.06 : 0.04;
            for (int t = 0; t < length; t++) {
                double u = rng.nextDouble();
                int symbol = u < good ? 1 : u < 0.1 ? 2 : 3 + rng.nextInt(7);
                xs[t].set(i, symbol, 1.0);
            }
        }
        return new Labelled(xs, labels);
    }

    /** The rule that knows how the data were made: class 1 when good words outnumber bad ones (a tie counts as 0). */
    public static double countingRuleAccuracy(Labelled data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            int balance = 0;
            for (Matrix x : data.xs()) {
                balance += (int) (x.get(i, 1) - x.get(i, 2));
            }
            right += (balance > 0 ? 1 : 0) == data.labels()[i] ? 1 : 0;
        }
        return (double) right / data.size();
    }
    // end::task[]

    // tag::train[]
    /** Trains reader + a linear layer to 2 classes with Adam (0.01, clipping at 1); returns the test accuracy. */
    public static double trainAndTest(Reader reader, int hidden, Labelled train, Labelled test, int epochs, long seed) {
        Dense head = new Dense(hidden, 2, new Random(seed));
        List<Parameter> params = new ArrayList<>(reader.parameters());
        params.addAll(head.parameters());
        Adam adam = new Adam(params, 0.01);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int from = 0; from + 32 <= train.size(); from += 32) {
                Labelled batch = train.slice(from, from + 32);
                adam.zeroGrad();
                Ablation.Reading reading = reader.forward(batch.xs());
                SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(head.forward(reading.h()), batch.labels());
                reading.backward(head.backward(reading.h(), ce.backward(lossPass)));
                Clip.gradNorm(params, 1.0);
                adam.step();
            }
        }
        int[] predicted = head.forward(reader.forward(test.xs()).h()).argmaxRows();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == test.labels()[i] ? 1 : 0;
        }
        return (double) right / predicted.length;
    }
    // end::train[]

    public static void main(String[] args) {
        // tag::speed[]
        int[] lengths = Scale.current() == Scale.CI ? new int[] {256, 1024} : new int[] {256, 1024, 4096};
        int repeats = Scale.current().pick(3, 5);
        int[] sliceCounts = {8, 64};
        int timedBatch = 16;
        int timedHidden = 32;
        Table speed = Table.create("One forward and backward pass, batch " + timedBatch + ", hidden " + timedHidden
                        + " (fastest of " + repeats + ")",
                IntColumn.create("length"), Show.formatted(DoubleColumn.create("GRU ms"), "0.0"));
        for (int n : sliceCounts) {
            speed.addColumns(Show.formatted(DoubleColumn.create("sliced " + n + " ms"), "0.0"),
                    Show.formatted(DoubleColumn.create("speed-up " + n), "0.0"));
        }
        for (int length : lengths) {
            double gru = passMillis(Ablation.cell(GruCell::new).create(8, timedHidden, new Random(1)), length,
                    timedBatch, repeats);
            speed.intColumn("length").append(length);
            speed.doubleColumn("GRU ms").append(gru);
            for (int n : sliceCounts) {
                double sliced = passMillis(Ablation.sliced(GruCell::new, GruCell::new, n)
                        .create(8, timedHidden, new Random(1)), length, timedBatch, repeats);
                speed.doubleColumn("sliced " + n + " ms").append(sliced);
                speed.doubleColumn("speed-up " + n).append(gru / sliced);
            }
        }
        Figures.table(speed, "sliced-speed");
        // end::speed[]

        // tag::speed-chart[]
        XYChart speedUps = Charts.xy("Speed-up of the sliced GRU over the GRU", "sequence length (steps)",
                "GRU time / sliced time");
        double[] lengthAxis = speed.intColumn("length").asDoubleArray();
        for (int n : sliceCounts) {
            speedUps.addSeries(n + " slices", lengthAxis, speed.doubleColumn("speed-up " + n).asDoubleArray());
        }
        Charts.referenceLine(speedUps, "as fast as the GRU", 1.0);
        Figures.show(speedUps, "sliced-speed-chart");
        // end::speed-chart[]

        // tag::accuracy[]
        int reviewLength = Scale.current().pick(128, 256);
        int passes = Scale.current().pick(4, 10);
        Labelled train = reviews(Scale.current().pick(512, 1024), reviewLength, new Random(5));
        Labelled test = reviews(500, reviewLength, new Random(6));
        double gruAccuracy = trainAndTest(Ablation.cell(GruCell::new).create(10, 32, new Random(7)), 32,
                train, test, passes, 8);
        int slices = 8;
        double slicedAccuracy = trainAndTest(
                Ablation.sliced(GruCell::new, GruCell::new, slices).create(10, 32, new Random(7)), 32,
                train, test, passes, 8);
        Table accuracy = Table.create("Test accuracy on " + test.size() + " synthetic reviews of "
                        + reviewLength + " symbols", StringColumn.create("model"),
                Show.formatted(DoubleColumn.create("accuracy"), "0.000"));
        accuracy.stringColumn("model").append("GRU").append("sliced GRU, " + slices + " slices")
                .append("counting rule (knows how the data were made)").append("chance");
        accuracy.doubleColumn("accuracy").append(gruAccuracy).append(slicedAccuracy)
                .append(countingRuleAccuracy(test)).append(0.5);
        Figures.table(accuracy, "sliced-accuracy");
        // end::accuracy[]
    }
}
