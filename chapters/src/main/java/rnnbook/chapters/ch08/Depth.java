package rnnbook.chapters.ch08;

import static rnnbook.chapters.ch08.Tagging.*;

import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 8, deep recurrent networks: accuracy against depth at two training-set sizes, and dropout between layers. */
public final class Depth {
    private Depth() {
    }

    // tag::run[]
    /**
     * Mean test accuracy on ambiguous words over {@code seeds} runs of a bidirectional GRU tagger (hidden 16 each way)
     * trained for {@code steps} on {@code sentences} sentences of the both-sides rule.
     */
    public static double meanAccuracy(int layers, double dropout, int sentences, int steps, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("meanAccuracy: need at least one seed, got " + seeds);
        }
        Batch test = batch(corpus(1000, 4, 12, new Random(90)), true);
        double sum = 0;
        for (int seed = 0; seed < seeds; seed++) {
            List<int[]> train = corpus(sentences, 4, 12, new Random(91 + seed));
            var model = gruTagger(16, layers, dropout, true, 92 + seed);
            train(model, train, true, steps, 93 + seed);
            sum += score(model, test).ambiguousWords();
        }
        return sum / seeds;
    }
    // end::run[]

    public static void main(String[] args) {
        // tag::depth[]
        int depthSteps = Scale.current().pick(200, 400);
        int seeds = Scale.current().pick(1, 4);
        int few = 25, many = 2000;           // sentences in the small and the large training set
        Table depth = Table.create("Accuracy on ambiguous words (both-sides rule) against depth, mean of " + seeds
                        + " run(s), " + depthSteps + " steps",
                IntColumn.create("layers"), IntColumn.create("parameters"),
                Show.formatted(DoubleColumn.create(few + " sentences"), "0.000"),
                Show.formatted(DoubleColumn.create(many + " sentences"), "0.000"));
        for (int layers = 1; layers <= 3; layers++) {
            depth.intColumn("layers").append(layers);
            depth.intColumn("parameters").append((int) gruTagger(16, layers, 0.0, true, 0).parameterCount());
            depth.doubleColumn(few + " sentences").append(meanAccuracy(layers, 0.0, few, depthSteps, seeds));
            depth.doubleColumn(many + " sentences").append(meanAccuracy(layers, 0.0, many, depthSteps, seeds));
        }
        Figures.table(depth, "depth-table");
        // end::depth[]

        // tag::depth-chart[]
        XYChart chart = Charts.xy("Depth pays when there is data to learn from", "layers", "test accuracy");
        double[] layersAxis = depth.intColumn("layers").asDoubleArray();
        chart.addSeries(many + " training sentences", layersAxis, depth.doubleColumn(many + " sentences").asDoubleArray());
        chart.addSeries(few + " training sentences", layersAxis, depth.doubleColumn(few + " sentences").asDoubleArray());
        Charts.referenceLine(chart, "guessing", 0.5);
        Figures.show(chart, "depth-accuracy");
        // end::depth-chart[]

        // tag::dropout[]
        double p = 0.3;
        int deepest = 3;
        Table dropout = Table.create("Dropout " + p + " between the " + deepest + " layers, accuracy on ambiguous words",
                StringColumn.create("dropout"),
                Show.formatted(DoubleColumn.create(few + " sentences"), "0.000"),
                Show.formatted(DoubleColumn.create(many + " sentences"), "0.000"));
        dropout.stringColumn("dropout").append("none");   // the runs of the table above, same seeds
        dropout.doubleColumn(few + " sentences").append(depth.doubleColumn(few + " sentences").get(deepest - 1));
        dropout.doubleColumn(many + " sentences").append(depth.doubleColumn(many + " sentences").get(deepest - 1));
        dropout.stringColumn("dropout").append(String.valueOf(p));
        dropout.doubleColumn(few + " sentences").append(meanAccuracy(deepest, p, few, depthSteps, seeds));
        dropout.doubleColumn(many + " sentences").append(meanAccuracy(deepest, p, many, depthSteps, seeds));
        Figures.table(dropout, "dropout-table");
        // end::dropout[]
    }
}
