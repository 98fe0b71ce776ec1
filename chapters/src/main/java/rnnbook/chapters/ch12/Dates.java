package rnnbook.chapters.ch12;

import rnnbook.chapters.ch12.DateTask;
import rnnbook.chapters.ch12.ErrorRates;
import rnnbook.chapters.ch12.Pronunciations;
import rnnbook.chapters.ch12.Symbols;
import rnnbook.chapters.ch12.Translators;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.seq2seq.Seq2Seq;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 12, dates in words to ISO dates: exact match against input length, with and without attention. */
public final class Dates {
    private Dates() {
    }

    public static void main(String[] args) {
        // tag::examples[]
        LocalDate day = LocalDate.of(1999, 3, 23);
        for (int style = 0; style < 5; style++) {
            String written = DateTask.inWords(day, style);
            System.out.printf("%2d characters  %s  ->  %s%n", written.length(), written, day);
        }
        // end::examples[]

        // tag::train[]
        int dateSteps = Scale.current().pick(100, 500);
        int dateBatch = Scale.current().pick(32, 64);
        int dateHidden = Scale.current().pick(32, 64);
        Symbols chars = new Symbols("characters", Pronunciations.letters(DateTask.SOURCE_CHARACTERS));
        Symbols digits = new Symbols("characters", Pronunciations.letters(DateTask.TARGET_CHARACTERS));
        List<DateTask.Example> dateTrain = DateTask.examples(20000, new Random(1201));
        List<DateTask.Example> dateTest = DateTask.examples(Scale.current().pick(300, 2000), new Random(1202));
        List<int[]> dateSources = dateTrain.stream().map(e -> chars.encode(Pronunciations.letters(e.words()))).toList();
        List<int[]> dateTargets = dateTrain.stream().map(e -> digits.encode(Pronunciations.letters(e.iso()))).toList();
        List<int[]> testIn = dateTest.stream().map(e -> chars.encode(Pronunciations.letters(e.words()))).toList();
        List<int[]> testOut = dateTest.stream().map(e -> digits.encode(Pronunciations.letters(e.iso()))).toList();
        int binWidth = 10;   // characters per bin of input length
        int bins = 8;        // 0-9, 10-19, ..., 70-79: the longest style stays under 80
        Table dateTable = Table.create("Dates read exactly right, by input length; GRU, hidden " + dateHidden + ", "
                        + dateSteps + " steps of " + dateBatch + " dates", StringColumn.create("input characters"),
                IntColumn.create("test dates"));
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (Seq2Seq.AttentionKind kind : List.of(Seq2Seq.AttentionKind.NONE, Seq2Seq.AttentionKind.DOT)) {
            String name = kind == Seq2Seq.AttentionKind.NONE ? "no attention" : "dot-product attention";
            Seq2Seq model = Translators.train(kind, chars.size(), digits.size(), dateSources, dateTargets,
                    dateHidden, dateSteps, dateBatch, 1203);
            List<int[]> predicted = Translators.greedy(model, testIn, 5);
            int[] right = new int[bins];
            int[] total = new int[bins];
            for (int i = 0; i < testIn.size(); i++) {
                int bin = Math.min(bins - 1, testIn.get(i).length / binWidth);
                total[bin]++;
                right[bin] += Arrays.equals(predicted.get(i), testOut.get(i)) ? 1 : 0;
            }
            double[] accuracy = new double[bins];
            for (int b = 0; b < bins; b++) {
                accuracy[b] = total[b] == 0 ? Double.NaN : (double) right[b] / total[b];
            }
            curves.put(name, accuracy);
            System.out.printf("%s: %.3f of %d test dates exactly right%n", name,
                    (double) Arrays.stream(right).sum() / testIn.size(), testIn.size());
            if (dateTable.rowCount() == 0) {
                for (int b = 0; b < bins; b++) {
                    dateTable.stringColumn("input characters").append(b * binWidth + "-" + (b * binWidth + binWidth - 1));
                    dateTable.intColumn("test dates").append(total[b]);
                }
            }
            dateTable.addColumns(Show.formatted(DoubleColumn.create(name, accuracy), "0.000"));
        }
        dateTable = dateTable.where(dateTable.intColumn("test dates").isGreaterThan(0));
        Figures.table(dateTable, "dates-by-length");
        // end::train[]

        // tag::chart[]
        XYChart dateChart = Charts.xy("ISO dates exactly right, by length of the words", "input characters (bin start)",
                "dates exactly right");
        for (Map.Entry<String, double[]> c : curves.entrySet()) {
            List<Double> x = new java.util.ArrayList<>();
            List<Double> y = new java.util.ArrayList<>();
            for (int b = 0; b < c.getValue().length; b++) {
                if (!Double.isNaN(c.getValue()[b])) {
                    x.add((double) b * binWidth);
                    y.add(c.getValue()[b]);
                }
            }
            dateChart.addSeries(c.getKey(), x, y);
        }
        Figures.show(dateChart, "dates-by-length");
        // end::chart[]
    }
}
