package rnnbook.chapters.ch05;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.data.AddingProblem;
import rnnbook.loss.Mse;
import rnnbook.models.ManyToOne;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.LstmCell;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 5, the adding problem: an LSTM against a vanilla RNN of the same parameter budget. */
public final class Adding {
    private Adding() {
    }

    // tag::budget[]
    /** Parameters of a vanilla RNN with a dense read-out to {@code outputs}: W_ih, W_hh, two biases, the head. */
    public static long rnnParameters(int input, int hidden, int outputs) {
        return (long) hidden * input + (long) hidden * hidden + 2L * hidden + (long) hidden * outputs + outputs;
    }

    /** The same for an LSTM: four gates, each with its own W_ih, W_hh and two biases, then the head. */
    public static long lstmParameters(int input, int hidden, int outputs) {
        return 4L * ((long) hidden * input + (long) hidden * hidden + 2L * hidden) + (long) hidden * outputs + outputs;
    }

    /** The largest vanilla hidden size whose model has no more parameters than {@code budget}. */
    public static int rnnHiddenFor(int input, int outputs, long budget) {
        if (budget < rnnParameters(input, 1, outputs)) {
            throw new IllegalArgumentException("a budget of " + budget + " parameters is too small for any vanilla RNN"
                    + " on " + input + " inputs (one unit needs " + rnnParameters(input, 1, outputs) + ")");
        }
        int hidden = 1;
        while (rnnParameters(input, hidden + 1, outputs) <= budget) {
            hidden++;
        }
        return hidden;
    }
    // end::budget[]

    // tag::train[]
    /** One training run: sequences seen until solved (-1 if never), and the held-out MSE after every check. */
    public record AddingRun(int seenWhenSolved, double finalMse, double finalWithin, int[] seen, double[] mse) {
        public boolean solved() {
            return seenWhenSolved >= 0;
        }
    }

    /**
     * Trains {@code cell} with a linear read-out of h_T on the adding problem of length {@code length}: batches of
     * 32, Adam (learning rate 0.01), gradients clipped to norm 1. Every {@code every} steps it predicts 1,000
     * held-out sequences; the run counts as solved at the first check where at least 99 % of them are right by
     * Hochreiter and Schmidhuber's criterion, and stops there. They scaled the target to [0, 1] and called an
     * answer right when it was within 0.04 of it; our sums lie in [0, 2], so the same test reads |error| / 2 < 0.04.
     */
    public static AddingRun trainAdding(Cell cell, int length, int maxSteps, int every, long seed) {
        if (maxSteps < 1 || every < 1) {
            throw new IllegalArgumentException("trainAdding: steps and check interval must be at least 1, got "
                    + maxSteps + " and " + every);
        }
        int batchSize = 32;
        var model = new ManyToOne(cell, new Dense(cell.hiddenSize(), 1, new Random(seed)));
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var mse = new Mse();
        var data = new AddingProblem(length, seed + 1);
        AddingProblem.Batch test = new AddingProblem(length, seed + 2).batch(1000);
        List<Integer> seen = new ArrayList<>();
        List<Double> testMse = new ArrayList<>();
        double within = 0;
        int solvedAt = -1;
        for (int done = 0; done < maxSteps && solvedAt < 0; done += every) {
            trainer.fit(Math.min(every, maxSteps - done), step -> {
                AddingProblem.Batch batch = data.batch(batchSize);
                ManyToOne.Pass pass = model.forward(batch.inputs());
                Mse.Pass lossPass = mse.forwardPass(pass.logits(), batch.target());
                model.backward(pass, mse.backward(lossPass));
                return lossPass.loss();
            });
            Matrix error = model.logits(test.inputs()).sub(test.target());
            within = error.map(e -> Math.abs(e) / 2 < 0.04 ? 1 : 0).sum() / error.size();
            seen.add(trainer.stepsDone() * batchSize);
            testMse.add(error.sumOfSquares() / error.size());
            if (within >= 0.99) {
                solvedAt = trainer.stepsDone() * batchSize;
            }
        }
        return new AddingRun(solvedAt, testMse.get(testMse.size() - 1), within,
                seen.stream().mapToInt(Integer::intValue).toArray(),
                testMse.stream().mapToDouble(Double::doubleValue).toArray());
    }
    // end::train[]

    public static void main(String[] args) {
        // tag::models[]
        int lstmHidden = 16;
        long budget = lstmParameters(2, lstmHidden, 1);
        int rnnHidden = rnnHiddenFor(2, 1, budget);
        System.out.println("LSTM, " + lstmHidden + " units: " + budget + " parameters (engine: "
                + new ManyToOne(new LstmCell(2, lstmHidden, new Random(0)), new Dense(lstmHidden, 1, new Random(0)))
                        .parameterCount() + ")");
        System.out.println("vanilla RNN, " + rnnHidden + " units: " + rnnParameters(2, rnnHidden, 1)
                + " parameters (engine: " + new ManyToOne(new RnnCell(2, rnnHidden, new Random(0)),
                        new Dense(rnnHidden, 1, new Random(0))).parameterCount() + ")");
        // end::models[]

        // tag::sweep[]
        int[] lengths = Scale.current() == Scale.CI ? new int[] {20} : new int[] {50, 100, 200};
        int seeds = Scale.current().pick(2, 3);
        int maxSteps = Scale.current().pick(600, 2500);   // at most this many batches of 32 per run
        int every = 100;
        Table results = Table.create("The adding problem: runs solved by the criterion of Hochreiter and Schmidhuber",
                IntColumn.create("T"), StringColumn.create("model"), StringColumn.create("runs solved"),
                StringColumn.create("sequences to solve"),
                Show.formatted(DoubleColumn.create("final test MSE (mean)"), "0.0000"));
        XYChart curves = Charts.powersOfTen(Charts.xy("Held-out error on the adding problem",
                "training sequences seen", "test MSE (log scale)"));
        for (int length : lengths) {
            for (String kind : new String[] {"LSTM", "vanilla RNN"}) {
                int solved = 0;
                double mseSum = 0;
                List<String> when = new ArrayList<>();
                for (int seed = 0; seed < seeds; seed++) {
                    Cell cell = kind.equals("LSTM") ? new LstmCell(2, lstmHidden, new Random(500 + seed))
                            : new RnnCell(2, rnnHidden, new Random(500 + seed));
                    AddingRun run = trainAdding(cell, length, maxSteps, every, 600 + seed);
                    solved += run.solved() ? 1 : 0;
                    mseSum += run.finalMse();
                    when.add(run.solved() ? String.format("%,d", run.seenWhenSolved()) : "-");
                    if (seed == 0) {
                        double[] log10 = java.util.Arrays.stream(run.mse()).map(Math::log10).toArray();
                        curves.addSeries(kind + ", T = " + length,
                                java.util.Arrays.stream(run.seen()).asDoubleStream().toArray(), log10);
                    }
                }
                results.intColumn("T").append(length);
                results.stringColumn("model").append(kind);
                results.stringColumn("runs solved").append(solved + " of " + seeds);
                results.stringColumn("sequences to solve").append(String.join(", ", when));
                results.doubleColumn("final test MSE (mean)").append(mseSum / seeds);
            }
        }
        double meanBaseline = 1.0 / 6;   // always answering 1: the variance of a sum of two U(0, 1) values
        Charts.referenceLine(curves, "always predicting the mean, MSE " + String.format("%.3f", meanBaseline),
                Math.log10(meanBaseline));
        Figures.table(results, "adding-results");
        // end::sweep[]

        // tag::anchor[]
        // Hochreiter and Schmidhuber (1997), adding problem: training sequences until solved, by length T
        java.util.Map<Integer, Integer> published = java.util.Map.of(100, 74_000, 500, 209_000, 1000, 853_000);
        int paperYear = 1997;
        String paper = "Hochreiter & Schmidhuber, " + paperYear;
        Table anchor = Table.create("Sequences to solve the adding problem: the paper and this book's LSTM",
                IntColumn.create("T"), StringColumn.create(paper),
                StringColumn.create("this book, LSTM runs solved"), StringColumn.create("this book, sequences to solve"));
        java.util.TreeSet<Integer> lengthsShown = new java.util.TreeSet<>(published.keySet());
        for (int length : lengths) {
            lengthsShown.add(length);
        }
        for (int length : lengthsShown) {
            Table ours = results.where(results.intColumn("T").isEqualTo(length)
                    .and(results.stringColumn("model").isEqualTo("LSTM")));
            anchor.intColumn("T").append(length);
            anchor.stringColumn(paper).append(published.containsKey(length)
                    ? String.format("%,d", published.get(length)) : "not reported");
            anchor.stringColumn("this book, LSTM runs solved").append(ours.rowCount() == 0 ? "not run"
                    : ours.stringColumn("runs solved").get(0));
            anchor.stringColumn("this book, sequences to solve").append(ours.rowCount() == 0 ? "not run"
                    : ours.stringColumn("sequences to solve").get(0));
        }
        Figures.table(anchor, "adding-anchor");
        // end::anchor[]

        // tag::chart[]
        Figures.show(curves, "adding-curves");
        // end::chart[]
    }
}
