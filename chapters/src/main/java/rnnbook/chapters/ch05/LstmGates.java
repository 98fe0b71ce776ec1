package rnnbook.chapters.ch05;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.nn.Cell;
import rnnbook.nn.Init;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 5, the LSTM cell: one step gate by gate, and how much gradient its cell state carries back. */
public final class LstmGates {
    private LstmGates() {
    }

    // tag::gate-bias[]
    /** Sets the forget gate's bias (block 1 in PyTorch's order i, f, g, o) to {@code value}. */
    public static LstmCell withForgetBias(LstmCell cell, double value) {
        return withGateBias(cell, 1, value);
    }

    /** Sets the input gate's bias (the first block) to {@code value}. */
    public static LstmCell withInputBias(LstmCell cell, double value) {
        return withGateBias(cell, 0, value);
    }

    /** Block {@code gate} (0 = i, 1 = f, 2 = g, 3 = o): b_ih to {@code value}, b_hh to 0. */
    public static LstmCell withGateBias(LstmCell cell, int gate, double value) {
        int n = cell.hiddenSize();
        for (int j = gate * n; j < (gate + 1) * n; j++) {
            cell.biasIh().value().set(0, j, value);
            cell.biasHh().value().set(0, j, 0.0);
        }
        return cell;
    }
    // end::gate-bias[]

    public static void main(String[] args) {
        // tag::shapes[]
        int inputSize = 3;
        int units = 2;
        var lstm = new LstmCell(inputSize, units, new Random(5));
        lstm.namedParameters().forEach((name, p) -> System.out.println(
                name + ": " + p.value().rows() + " x " + p.value().cols()));
        int gates = 4;
        int biases = 2;
        System.out.println("parameters: " + lstm.parameterCount() + " = " + gates + " * (" + units + "*" + inputSize
                + " + " + units + "*" + units + " + " + biases + "*" + units + ")");
        // end::shapes[]

        // tag::step[]
        Matrix x = Matrix.row(1.0, 0.5, -1.0);                        // one example: (batch 1, input 3)
        State before = new State(Matrix.row(0.2, -0.1), Matrix.row(0.5, -0.3));   // h_prev, c_prev: (1, 2)
        LstmCell.LstmStep step = lstm.forward(x, before);
        System.out.println("forget    f = " + Show.rounded(step.forget(), 3));
        System.out.println("input     i = " + Show.rounded(step.input(), 3));
        System.out.println("candidate g = " + Show.rounded(step.candidate(), 3));
        System.out.println("output    o = " + Show.rounded(step.output(), 3));
        System.out.println("c_t = f*c_prev + i*g = " + Show.rounded(step.state().c(), 3));
        System.out.println("h_t = o*tanh(c_t)    = " + Show.rounded(step.state().h(), 3));
        // end::step[]

        // tag::flow[]
        // Chapter 4's setting: 100 inputs of size 4 (normal, std 0.1), 32 units, loss = the sum of h_100.
        int hidden = 32;
        int steps = 100;
        var inputRng = new Random(62);
        Matrix[] inputs = new Matrix[steps];
        for (int t = 0; t < steps; t++) {
            inputs[t] = Matrix.zeros(1, 4).mapInPlace(v -> 0.1 * inputRng.nextGaussian());
        }
        double[] back = new double[steps];
        for (int k = 0; k < steps; k++) {
            back[k] = k;
        }
        XYChart flow = Charts.powersOfTen(Charts.xy("Gradient per input, LSTM and vanilla",
                "steps back from the end", "‖dL/dx_t‖ (log scale)"));
        String firstInput = "‖dL/dx_1‖ / ‖dL/dx_" + steps + "‖";
        Table ends = Table.create("How much of the last input's gradient reaches the first, " + (steps - 1)
                        + " steps back", StringColumn.create("cell"),
                Show.formatted(DoubleColumn.create(firstInput), "0.0E0"),
                Show.formatted(DoubleColumn.create("mean forget gate"), "0.000"));
        for (String name : new String[] {"vanilla, s = 0.9", "vanilla, s = 1.2", "LSTM, b_f = 0", "LSTM, b_f = 1",
                "LSTM, b_f = 3"}) {
            var rng = new Random(61);
            Cell cell;
            double value = Double.parseDouble(name.substring(name.indexOf("= ") + 2));
            if (name.startsWith("vanilla")) {
                var rnnCell = new RnnCell(4, hidden, rng);
                rnnCell.weightHh().value().copyFrom(Init.normal(hidden, hidden, value / Math.sqrt(hidden), rng));
                cell = rnnCell;
            } else {
                cell = withForgetBias(new LstmCell(4, hidden, rng), value);
            }
            var rnn = new Recurrent(cell);
            Matrix[] dx = rnn.backward(rnn.forward(inputs), null, State.of(Matrix.filled(1, hidden, 1.0))).dInputs();
            double[] log10 = new double[steps];
            for (int k = 0; k < steps; k++) {
                log10[k] = Math.log10(dx[steps - 1 - k].norm());
            }
            double forget = 0;
            for (Step s : rnn.steps()) {
                forget += s instanceof LstmCell.LstmStep ls ? ls.forget().sum() / hidden / steps : Double.NaN;
            }
            flow.addSeries(name, back, log10);
            ends.stringColumn("cell").append(name);
            ends.doubleColumn(firstInput).append(dx[0].norm() / dx[steps - 1].norm());
            ends.doubleColumn("mean forget gate").append(forget);
        }
        Figures.table(ends, "lstm-gradient-ends");
        Figures.show(flow, "lstm-gradient-norms");
        // end::flow[]
    }
}
