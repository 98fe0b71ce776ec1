package rnnbook.chapters.ch04;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.chapters.ch05.LstmGates;
import rnnbook.data.Tasks;
import rnnbook.data.Texts;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.LstmCell;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 4, long-term dependencies: how accuracy falls as the clue moves further back. */
public final class LongTermDependency {
    private LongTermDependency() {
    }

    // tag::experiment[]
    /**
     * Trains a many-to-one model around {@code cell} (input size facts + 5) on "remember the first symbol" (one of
     * {@code facts} symbols, 4 distractors) with a given gap, using Adam and clipping; returns the accuracy on 500
     * fresh sequences (chance: 1 / facts).
     */
    public static double accuracyAtGap(Cell cell, int facts, int gap, int steps, long seed) {
        var model = new ManyToOne(cell, new Dense(cell.hiddenSize(), facts, new Random(seed)));
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var ce = new SoftmaxCrossEntropy();
        var dataRng = new Random(seed + 1);
        trainer.fit(steps, step -> {
            Labelled batch = Tasks.rememberFirst(32, gap, facts, 4, dataRng);
            ManyToOne.Pass pass = model.forward(batch.xs());
            SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(pass.logits(), batch.labels());
            model.backward(pass, ce.backward(lossPass));
            return lossPass.loss();
        });
        return model.accuracy(Tasks.rememberFirst(500, gap, facts, 4, new Random(seed + 2)));
    }
    // end::experiment[]

    public static void main(String[] args) {
        // tag::korean[]
        String text = Texts.korean();
        int clue = text.indexOf("한국 사람");
        int use = text.indexOf("한국어를 잘해");
        System.out.println(text.substring(clue - 3, use + 7).replace('\n', ' '));
        System.out.println("characters between the clue and where it is needed: "
                + text.codePointCount(clue, use));
        // end::korean[]

        // tag::sweep[]
        int[] gaps = Scale.current() == Scale.CI ? new int[] {1, 5, 10, 20, 40}
                : new int[] {1, 2, 5, 10, 15, 20, 30, 40, 60, 80};
        int seeds = Scale.current().pick(1, 4);   // the full-scale chart shows four training runs per gap
        int budget = 300;                           // the same training budget (steps) for every gap
        double solvedAbove = 0.9;
        int facts = 4;                              // the symbols to remember: chance is 1 / facts
        Table results = Table.create("Accuracy against gap length, vanilla RNN and LSTM", IntColumn.create("gap"),
                Show.formatted(DoubleColumn.create("mean accuracy"), "0.000"), StringColumn.create("runs above " + solvedAbove),
                Show.formatted(DoubleColumn.create("LSTM mean accuracy"), "0.000"));
        List<Double> runGap = new ArrayList<>();
        List<Double> runAccuracy = new ArrayList<>();
        for (int gap : gaps) {
            double sum = 0;
            double lstmSum = 0;
            int solved = 0;
            for (int seed = 0; seed < seeds; seed++) {
                double accuracy = accuracyAtGap(new RnnCell(facts + 5, 32, new Random(82 + seed)), facts,
                        gap, budget, 83 + seed);
                runGap.add((double) gap);
                runAccuracy.add(accuracy);
                sum += accuracy;
                solved += accuracy > solvedAbove ? 1 : 0;
                // chapter 5's LSTM: 16 units (about the vanilla cell's parameters), forget gate almost open (bias 3)
                lstmSum += accuracyAtGap(LstmGates.withForgetBias(new LstmCell(facts + 5, 16, new Random(82 + seed)),
                        3), facts, gap, budget, 83 + seed);
            }
            results.intColumn("gap").append(gap);
            results.doubleColumn("mean accuracy").append(sum / seeds);
            results.stringColumn("runs above " + solvedAbove).append(solved + " of " + seeds);
            results.doubleColumn("LSTM mean accuracy").append(lstmSum / seeds);
        }
        Figures.table(results, "long-term-dependency-table");
        // end::sweep[]

        // tag::chart[]
        double[] x = results.intColumn("gap").asDoubleArray();
        XYChart chart = Charts.xy("Remembering the first symbol across a gap", "gap (steps between clue and query)",
                "test accuracy");
        chart.addSeries("mean of the runs", x, results.doubleColumn("mean accuracy").asDoubleArray());
        chart.addSeries("LSTM, mean of the runs", x, results.doubleColumn("LSTM mean accuracy").asDoubleArray());
        chart.addSeries("single runs", runGap, runAccuracy)
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        Charts.referenceLine(chart, "chance (" + facts + " classes)", 1.0 / facts);
        Figures.show(chart, "long-term-dependency");
        // end::chart[]
    }
}
