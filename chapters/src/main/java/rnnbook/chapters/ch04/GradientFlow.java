package rnnbook.chapters.ch04;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.nn.Activation;
import rnnbook.nn.Init;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import rnnbook.chapters.common.Show;

/** Chapter 4, vanishing and exploding gradients: repeated multiplication, measured through the engine. */
public final class GradientFlow {
    private GradientFlow() {
    }

    public static void main(String[] args) {
        // tag::powers[]
        for (double factor : new double[] {0.9, 1.2}) {
            System.out.println(String.format("%s^100 = %.3e", factor, Math.pow(factor, 100)));
        }
        // end::powers[]

        // tag::scalar[]
        // The one-unit linear cell h_t = w h_{t-1} + x_t over T = 101 steps, loss L = h_T:
        // backpropagation multiplies by w once per step, so dL/dx_1 = w^(T-1).
        int length = 101;
        String power = "w^" + (length - 1);
        Table scalar = Table.create("The gradient reaching the first of " + length + " inputs", StringColumn.create("w"),
                Show.formatted(DoubleColumn.create("dL/dx_1 from the engine"), "0.000E0"),
                Show.formatted(DoubleColumn.create(power), "0.000E0"));
        for (double w : new double[] {0.9, 1.0, 1.2}) {
            var cell = new RnnCell(1, 1, Activation.IDENTITY, new Random(0));
            cell.weightIh().value().set(0, 0, 1.0);
            cell.weightHh().value().set(0, 0, w);
            cell.biasIh().value().zeroInPlace();
            cell.biasHh().value().zeroInPlace();
            var rnn = new Recurrent(cell);
            Matrix[] xs = new Matrix[length];
            for (int t = 0; t < xs.length; t++) {
                xs[t] = Matrix.filled(1, 1, 0.01);
            }
            Matrix[] dx = rnn.backward(rnn.forward(xs), null, State.of(Matrix.filled(1, 1, 1.0))).dInputs();
            scalar.stringColumn("w").append(String.valueOf(w));
            scalar.doubleColumn("dL/dx_1 from the engine").append(dx[0].get(0, 0));
            scalar.doubleColumn(power).append(Math.pow(w, length - 1));
        }
        Figures.table(scalar, "vanishing-scalar");
        // end::scalar[]

        // tag::norms[]
        // A tanh cell with 32 units; W_hh drawn with spectral scale s (entries normal with std s / √32).
        // Loss: the sum of h_100. How much gradient reaches the input of each earlier step?
        int hidden = 32;
        int steps = 100;
        var inputRng = new Random(62);
        Matrix[] inputs = new Matrix[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = Matrix.zeros(1, 4).mapInPlace(v -> 0.1 * inputRng.nextGaussian());
        }
        double[] back = new double[steps];
        for (int k = 0; k < steps; k++) {
            back[k] = k;   // steps back from the last input
        }
        XYChart flow = Charts.powersOfTen(Charts.xy("Gradient reaching each input, by recurrent-weight scale",
                "steps back from the end", "‖dL/dx_t‖ (log scale)"));
        String lastInput = "‖dL/dx_" + steps + "‖ (last)";
        String firstInput = "‖dL/dx_1‖ (first)";
        Table ends = Table.create("Gradient norm at the last and the first input, " + (steps - 1) + " steps back",
                StringColumn.create("scale s"), Show.formatted(DoubleColumn.create(lastInput), "0.000E0"),
                Show.formatted(DoubleColumn.create(firstInput), "0.000E0"));
        for (double s : new double[] {0.5, 0.9, 1.2, 1.5, 2.0}) {
            var rng = new Random(61);
            var cell = new RnnCell(4, hidden, rng);
            cell.weightHh().value().copyFrom(Init.normal(hidden, hidden, s / Math.sqrt(hidden), rng));
            var rnn = new Recurrent(cell);
            Matrix[] dx = rnn.backward(rnn.forward(inputs), null, State.of(Matrix.filled(1, hidden, 1.0))).dInputs();
            double[] norm = new double[steps];
            double[] log10 = new double[steps];
            for (int k = 0; k < steps; k++) {
                norm[k] = dx[steps - 1 - k].norm();
                log10[k] = Math.log10(norm[k]);   // plotted as log10: the values span 36 powers of ten
            }
            flow.addSeries("s = " + s, back, log10);
            ends.stringColumn("scale s").append(String.valueOf(s));
            ends.doubleColumn(lastInput).append(norm[0]);
            ends.doubleColumn(firstInput).append(norm[steps - 1]);
        }
        Figures.table(ends, "gradient-norms-ends");
        Figures.show(flow, "gradient-norms");
        // end::norms[]
    }
}
