package rnnbook.chapters.ch07;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.loss.Mse;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.variants.ClockworkCell;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;

/** Chapter 7, the Clockwork RNN: its update schedule, and generating a sum of sines against a vanilla RNN. */
public final class Clockwork {
    private Clockwork() {
    }

    // tag::signal[]
    /** The target: three sines of periods 160, 40 and 12.5 steps, averaged, over {@code length} steps. */
    public static double[] sumOfSines(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("sumOfSines needs length >= 1, got " + length);
        }
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = (Math.sin(2 * Math.PI * t / 160) + Math.sin(2 * Math.PI * t / 40)
                    + Math.sin(2 * Math.PI * t / 12.5)) / 3;
        }
        return y;
    }
    // end::signal[]

    // tag::generate[]
    /**
     * Trains {@code cell} with a linear read-out to produce {@code target} from a zero input at every step (the
     * network generates the signal from its own dynamics, as in Koutník et al.), with Adam at rate 0.01 and
     * clipping at norm 1, for {@code epochs} passes over the whole sequence; returns what it generates after training.
     */
    public static double[] generate(Cell cell, double[] target, int epochs, long seed) {
        int length = target.length;
        Recurrent rnn = new Recurrent(cell);
        Dense readOut = new Dense(cell.hiddenSize(), 1, new Random(seed));
        List<Parameter> params = new ArrayList<>(rnn.parameters());
        params.addAll(readOut.parameters());
        Adam adam = new Adam(params, 0.01);
        Mse mse = new Mse();
        Matrix[] silence = new Matrix[length];
        for (int t = 0; t < length; t++) {
            silence[t] = Matrix.zeros(1, cell.inputSize());
        }
        Matrix y = Matrix.column(target);
        for (int epoch = 0; epoch < epochs; epoch++) {
            adam.zeroGrad();
            Recurrent.Output pass = rnn.forward(silence);
            Matrix hs = Sequences.stack(pass.outputs());
            Mse.Pass lossPass = mse.forwardPass(readOut.forward(hs), y);
            rnn.backward(pass, Sequences.split(readOut.backward(hs, mse.backward(lossPass)), length), null);
            Clip.gradNorm(params, 1.0);
            adam.step();
        }
        return readOut.forward(Sequences.stack(rnn.forward(silence).outputs())).data().clone();
    }

    /** Mean squared error divided by the target's variance: 1 is as good as predicting the mean, 0 is exact. */
    public static double nmse(double[] predicted, double[] target) {
        double mean = 0;
        for (double v : target) {
            mean += v / target.length;
        }
        double err = 0;
        double var = 0;
        for (int t = 0; t < target.length; t++) {
            err += (predicted[t] - target[t]) * (predicted[t] - target[t]);
            var += (target[t] - mean) * (target[t] - mean);
        }
        return err / var;
    }

    /** A vanilla RNN with input 1 and n units plus its read-out: n + n² + 2n (cell) + n + 1 (read-out). */
    public static long sameBudget(int n) {
        return (long) n * n + 4L * n + 1;
    }
    // end::generate[]

    public static void main(String[] args) {
        // tag::schedule[]
        ClockworkCell clock = new ClockworkCell(1, 16, 8, new Random(1));   // 8 modules of 2 units, periods 1..128
        int shown = 32;
        int[] periods = clock.periods();
        double[][] updates = new double[periods.length][shown];
        State state = clock.zeroState(1);
        for (int t = 0; t < shown; t++) {
            ClockworkCell.ClockworkStep step = clock.forward(Matrix.zeros(1, 1), state);
            for (int k = 0; k < periods.length; k++) {
                updates[k][t] = step.active().get(0, k * (16 / periods.length));   // first unit of module k
            }
            state = step.state();
        }
        List<String> moduleNames = new ArrayList<>();
        for (int p : periods) {
            moduleNames.add("T = " + p);
        }
        List<String> stepNames = new ArrayList<>();
        for (int t = 0; t < shown; t++) {
            stepNames.add(t % 4 == 0 ? Integer.toString(t) : "\u200b".repeat(t));   // every 4th step named, so labels fit
        }
        Figures.show(Charts.heatmap("Which modules update at each step (dark = update, white = hold)", "step t",
                "module (period)", updates, stepNames, moduleNames), "clockwork-schedule");
        // end::schedule[]

        // tag::compare[]
        int length = 320;   // Koutník et al.'s sequence length
        int epochs = Scale.current().pick(150, 1500);
        double[] target = sumOfSines(length);
        ClockworkCell cw = new ClockworkCell(1, 32, 8, new Random(3));
        long cwParams = cw.activeParameterCount() + cw.hiddenSize() + 1;   // + the read-out
        int vanillaHidden = 1;
        while (Math.abs(sameBudget(vanillaHidden + 1) - cwParams) < Math.abs(sameBudget(vanillaHidden) - cwParams)) {
            vanillaHidden++;   // the vanilla size whose count (cell + read-out) is closest to the clockwork's
        }
        double[] fromClockwork = generate(cw, target, epochs, 4);
        double[] fromVanilla = generate(new RnnCell(1, vanillaHidden, new Random(3)), target, epochs, 4);
        System.out.println(String.format("clockwork RNN: %d units in %d modules, %d parameters, NMSE %.4f",
                cw.hiddenSize(),
                cw.periods().length, cwParams, nmse(fromClockwork, target)));
        System.out.println(String.format("vanilla RNN:   %d units, %d parameters, NMSE %.4f", vanillaHidden,
                sameBudget(vanillaHidden), nmse(fromVanilla, target)));
        System.out.println(String.format("(%d epochs of full-sequence BPTT over %d steps each)", epochs, length));
        // end::compare[]

        // tag::chart[]
        Map<String, double[]> signals = new LinkedHashMap<>();
        signals.put("target", target);
        signals.put("clockwork RNN", fromClockwork);
        signals.put("vanilla RNN", fromVanilla);
        Figures.show(Charts.lines("Generating a sum of sines from silence", "step t", "signal", signals),
                "clockwork-signals");
        // end::chart[]
    }
}
