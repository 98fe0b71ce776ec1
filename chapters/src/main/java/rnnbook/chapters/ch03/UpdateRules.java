package rnnbook.chapters.ch03;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.data.Tasks;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.optim.Optimizer;
import rnnbook.optim.Sgd;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.train.TrainingDivergedException;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Chapter 3, the update rule: plain SGD, SGD with momentum and Adam, each at several learning rates, on the
 * rising-or-falling classifier of the softmax section; the same starting weights and the same batches for every
 * rule.
 */
public final class UpdateRules {
    private UpdateRules() {
    }

    // tag::train[]
    /**
     * Trains the rising-or-falling classifier (a 16-unit tanh RNN read out after the last of 20 steps, two classes)
     * for {@code steps} batches of 32 from {@code data}, with update rule {@code rule} ("SGD", "momentum" or
     * "Adam") at learning rate {@code lr}. The starting weights and the order of the batches depend only on
     * {@code seed}, so every rule starts from the same place and sees the same data. Returns the loss of every
     * step; shorter than {@code steps} if the loss became infinite (the run diverged).
     */
    public static double[] lossCurve(String rule, double lr, long seed, Labelled data, int steps) {
        var model = new ManyToOne(new RnnCell(1, 16, new Random(seed)), new Dense(16, 2, new Random(seed + 1)));
        Optimizer optimizer = switch (rule) {
            case "SGD" -> new Sgd(model.parameters(), lr);
            case "momentum" -> new Sgd(model.parameters(), lr, 0.9);
            case "Adam" -> new Adam(model.parameters(), lr);
            default -> throw new IllegalArgumentException("unknown update rule " + rule + ": SGD, momentum or Adam");
        };
        var trainer = new Trainer(model, optimizer).quiet();
        var ce = new SoftmaxCrossEntropy();
        var batches = new Random(seed + 2);
        try {
            trainer.fit(steps, step -> {
                int from = 32 * batches.nextInt(data.size() / 32);
                Labelled batch = data.slice(from, from + 32);
                ManyToOne.Pass pass = model.forward(batch.xs());
                SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(pass.logits(), batch.labels());
                model.backward(pass, ce.backward(lossPass));
                return lossPass.loss();
            });
        } catch (TrainingDivergedException e) {
            // the history keeps every step before the one whose loss was not finite
        }
        return trainer.history().losses();
    }
    // end::train[]

    // tag::average[]
    /** The mean of several equally long curves, step by step, then a moving average over {@code window} steps. */
    public static double[] meanCurve(double[][] curves, int window) {
        int n = curves[0].length;
        double[] mean = new double[n];
        for (double[] c : curves) {
            for (int i = 0; i < n; i++) {
                mean[i] += c[i] / curves.length;
            }
        }
        double[] smooth = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += mean[i] - (i >= window ? mean[i - window] : 0);
            smooth[i] = sum / Math.min(i + 1, window);
        }
        return smooth;
    }
    // end::average[]

    public static void main(String[] args) {
        // tag::sweep[]
        // The same task and seed as the softmax section; every (rule, learning rate) pair trains from the same seeds.
        Labelled ruleData = Tasks.risingOrFalling(Scale.current().pick(1024, 4096), 20, new Random(1));
        int steps = Scale.current().pick(200, 1000);
        int seeds = Scale.current().pick(2, 4);
        String[] rules = {"SGD", "momentum", "Adam"};
        double[] rates = {0.001, 0.01, 0.1, 1.0};
        Table table = Table.create("Loss after " + steps + " steps, mean of " + seeds + " runs",
                StringColumn.create("update rule"));
        for (double lr : rates) {
            table.addColumns(StringColumn.create("lr " + lr));
        }
        Map<String, double[]> best = new LinkedHashMap<>();   // each rule's mean curve at its best learning rate
        for (String rule : rules) {
            table.stringColumn("update rule").append(rule);
            double bestFinal = Double.MAX_VALUE;
            String bestLabel = null;
            double[] bestCurve = null;
            for (double lr : rates) {
                double[][] curves = new double[seeds][];
                boolean diverged = false;
                for (int seed = 0; seed < seeds; seed++) {
                    curves[seed] = lossCurve(rule, lr, 10 * seed + 3, ruleData, steps);
                    diverged |= curves[seed].length < steps;
                }
                if (diverged) {
                    table.stringColumn("lr " + lr).append("diverged");
                    continue;
                }
                double[] mean = meanCurve(curves, steps / 10);
                double last = mean[steps - 1];   // the mean loss over the last tenth of the steps
                table.stringColumn("lr " + lr).append(String.format("%.3f", last));
                if (last < bestFinal) {
                    bestFinal = last;
                    bestLabel = rule + ", lr " + lr;
                    bestCurve = mean;
                }
            }
            best.put(bestLabel, bestCurve);
        }
        Figures.table(table, "update-rules-table");
        // end::sweep[]

        // tag::chart[]
        int stride = steps / 20;   // a point every 5 % of the run is enough to draw a moving average
        double[] at = IntStream.rangeClosed(1, 20).mapToDouble(i -> i * stride).toArray();
        Map<String, double[]> shown = new LinkedHashMap<>();
        best.forEach((label, curve) -> shown.put(label,
                Arrays.stream(at).map(step -> curve[(int) step - 1]).toArray()));
        XYChart chart = Charts.lines("Each update rule at its best learning rate", "step",
                "loss, mean of " + seeds + " runs", at, shown);
        Charts.referenceLine(chart, "ln 2, the loss of guessing", Math.log(2));
        Figures.show(chart, "update-rules");
        // end::chart[]
    }
}
