package rnnbook.chapters.ch02;

import java.util.Random;
import org.knowm.xchart.XYChart;
import java.util.Arrays;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.nn.Activation;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 2, why tanh: hidden-state sizes and training with tanh, ReLU and sigmoid. */
public final class Activations {
    private Activations() {
    }

    public static void main(String[] args) {
        // tag::norms[]
        // 32 hidden units, 200 random inputs; recurrent weights 3 times the default start, so memory can grow.
        int steps = 200;
        var inputRng = new Random(8);
        Matrix[] inputs = new Matrix[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = Matrix.zeros(1, 4).mapInPlace(v -> inputRng.nextGaussian());
        }
        Activation[] activations = {Activation.TANH, Activation.RELU, Activation.SIGMOID};
        double[] time = new double[steps];
        for (int t = 0; t < steps; t++) {
            time[t] = t + 1;
        }
        XYChart norms = Charts.powersOfTen(Charts.xy("Size of the hidden state, step by step", "step t",
                "‖h_t‖ (log scale)"));
        Table bounds = Table.create("Hidden state after " + steps + " steps", StringColumn.create("activation"),
                Show.formatted(DoubleColumn.create("largest ‖h_t‖"), "0.0##"),
                Show.formatted(DoubleColumn.create("mean of h_t entries"), "0.000"));
        for (Activation f : activations) {
            var cell = new RnnCell(4, 32, f, new Random(9));
            cell.weightHh().value().scaleInPlace(3.0);
            Matrix[] hs = new Recurrent(cell).forward(inputs).outputs();
            double[] norm = new double[steps];
            double largest = 0;
            double mean = 0;
            for (int t = 0; t < steps; t++) {
                norm[t] = hs[t].norm();
                largest = Math.max(largest, norm[t]);
                mean += hs[t].sum() / hs[t].size() / steps;
            }
            norms.addSeries(f.name().toLowerCase(), time, Arrays.stream(norm).map(Math::log10).toArray());
            bounds.stringColumn("activation").append(f.name().toLowerCase());
            bounds.doubleColumn("largest ‖h_t‖").append(largest);
            bounds.doubleColumn("mean of h_t entries").append(mean);
        }
        Figures.table(bounds, "tanh-choice-bounds");
        Figures.show(norms, "tanh-choice-norms");
        // end::norms[]

        // tag::training[]
        // The same small classifier trained with each activation from six random starts, same data, same
        // optimiser; one start can be lucky or unlucky, so the chart shows the mean loss of the six.
        Labelled train = Tasks.risingOrFalling(Scale.current().pick(256, 1024), 30, new Random(1));
        int epochs = Scale.current().pick(30, 40);
        int starts = 6;
        double[] epochAxis = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            epochAxis[e] = e + 1;
        }
        XYChart curves = Charts.xy("Training loss with each activation (mean of " + starts + " starts)", "epoch",
                "cross-entropy");
        for (Activation f : activations) {
            double[] loss = new double[epochs];
            for (int start = 0; start < starts; start++) {
                var model = new ManyToOne(new RnnCell(1, 16, f, new Random(3 + 10 * start)),
                        new Dense(16, 2, new Random(4 + 10 * start)));
                var adam = new Adam(model.parameters(), 0.01);
                for (int e = 0; e < epochs; e++) {
                    loss[e] += model.trainEpoch(train, 16, adam, 0) / starts;
                }
            }
            curves.addSeries(f.name().toLowerCase(), epochAxis, loss);
            System.out.printf("%-8s mean loss after the first epoch %.3f, after epoch %d: %.3f%n", f.name().toLowerCase(),
                    loss[0], epochs, loss[epochs - 1]);
        }
        Figures.show(curves, "tanh-choice-training");
        // end::training[]
    }
}
