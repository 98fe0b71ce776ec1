package rnnbook.chapters.ch08;

import static rnnbook.chapters.ch08.Tagging.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.train.History;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 8, bidirectional: a tagging task whose answer lies to the right, read one way and both ways. */
public final class FutureContext {
    private FutureContext() {
    }

    public static void main(String[] args) {
        // tag::example[]
        int[] words = sentence(10, new Random(8));
        System.out.println("words:                " + Arrays.toString(words));
        System.out.println("tags (next plain):    " + Arrays.toString(tags(words, false)));
        System.out.println("tags (both sides):    " + Arrays.toString(tags(words, true)));
        // end::example[]

        // tag::compare[]
        int trainSteps = Scale.current().pick(150, 400);
        int width = 16;   // hidden units of the smallest model, per direction
        List<int[]> trainSet = corpus(2000, 5, 20, new Random(81));
        Batch testSet = batch(corpus(1000, 5, 20, new Random(82)), false);
        Table compare = Table.create("One direction against two, " + trainSteps + " training steps",
                StringColumn.create("model"), IntColumn.create("parameters"),
                Show.formatted(DoubleColumn.create("accuracy (real words)"), "0.000"),
                Show.formatted(DoubleColumn.create("on ambiguous words"), "0.000"),
                Show.formatted(DoubleColumn.create("if padding counted"), "0.000"));
        Map<String, History> histories = new LinkedHashMap<>();   // each model's loss per step, for the chart
        Object[][] models = {{"forward GRU, hidden " + width, width, false},
                {"forward GRU, hidden " + 2 * width, 2 * width, false},
                {"bidirectional GRU, hidden " + width + " each way", width, true}};
        for (Object[] m : models) {
            var model = gruTagger((int) m[1], 1, 0.0, (boolean) m[2], 83);
            History history = train(model, trainSet, false, trainSteps, 84);
            Score s = score(model, testSet);
            compare.stringColumn("model").append((String) m[0]);
            compare.intColumn("parameters").append((int) model.parameterCount());
            compare.doubleColumn("accuracy (real words)").append(s.realWords());
            compare.doubleColumn("on ambiguous words").append(s.ambiguousWords());
            compare.doubleColumn("if padding counted").append(s.withPadding());
            histories.put((String) m[0], history);
        }
        Figures.table(compare, "bidirectional-table");
        // end::compare[]

        // tag::ceiling[]
        // The right-hand plain word of an ambiguous word is a fair coin that no word on its left reveals: reading left
        // to right, the best guess is right half of the time on ambiguous words and always right on plain ones.
        int real = 0, ambiguousWords = 0;
        for (int t = 0; t < testSet.steps(); t++) {
            for (int b = 0; b < testSet.size(); b++) {
                real += testSet.tags()[t][b] == IGNORE ? 0 : 1;
                ambiguousWords += ambiguous(testSet.words()[t][b]) ? 1 : 0;
            }
        }
        double share = (double) ambiguousWords / real;
        System.out.printf("ambiguous share of the test words: %.3f%n", share);
        System.out.printf("best accuracy reading left to right (ambiguous words a coin toss): %.3f%n", 1 - share / 2);
        System.out.println(String.format("its lowest cross-entropy (ln two per ambiguous word): %.3f nats per word",
                share * Math.log(2)));
        // end::ceiling[]

        // tag::curves[]
        XYChart curves = Charts.xy("Training loss, tagging by the next plain word", "training step",
                "loss per real word (nats)");
        for (Map.Entry<String, History> h : histories.entrySet()) {
            curves.addSeries(h.getKey(), Arrays.stream(h.getValue().steps()).asDoubleStream().toArray(),
                    h.getValue().losses());
        }
        Charts.referenceLine(curves, "best a left-to-right reader can do", share * Math.log(2));
        Figures.show(curves, "bidirectional-loss");
        // end::curves[]
    }
}
