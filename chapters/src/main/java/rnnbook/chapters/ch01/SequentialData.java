package rnnbook.chapters.ch01;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.data.sets.Co2;
import rnnbook.data.sets.MobyDick;
import rnnbook.data.sets.Observation;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 1, sequential data: a real time series (CO2), a real text, and what shuffling the order does. */
public final class SequentialData {
    private SequentialData() {
    }

    public static void main(String[] args) {
        // tag::series[]
        // A real series: the monthly mean CO2 in the air at Mauna Loa, Hawaii, in parts per million (ppm).
        List<Observation> co2 = Co2.monthly();
        double[] year = new double[co2.size()];
        double[] ppm = new double[co2.size()];
        for (int t = 0; t < co2.size(); t++) {
            LocalDate date = co2.get(t).date();
            year[t] = date.getYear() + (date.getMonthValue() - 1) / 12.0;
            ppm[t] = co2.get(t).value();
        }
        XYChart series = Charts.xy("Monthly CO₂ at Mauna Loa, " + co2.get(0).date().getYear() + " to "
                + co2.get(co2.size() - 1).date().getYear(), "year", "CO₂ (ppm)");
        series.getStyler().setXAxisDecimalPattern("0");   // 1958, not 1,958
        series.addSeries("CO2", year, ppm);
        Figures.show(series, "seq-data-series");
        // end::series[]

        // tag::shuffled-series[]
        // The same readings in a random order: every value is still there, the story is gone.
        var rng = new Random(7);
        double[] shuffled = ppm.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double tmp = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = tmp;
        }
        double[] position = new double[shuffled.length];
        Arrays.setAll(position, i -> i);
        XYChart scrambled = Charts.xy("The same " + shuffled.length + " readings, shuffled", "position",
                "CO₂ (ppm)");
        scrambled.addSeries("shuffled", position, shuffled);
        Figures.show(scrambled, "seq-data-shuffled");
        // end::shuffled-series[]

        // tag::text[]
        // Text is a sequence too: of words, or of characters (Unicode code points, Hangul included).
        List<String> a = List.of("the", "dog", "bit", "the", "man");
        List<String> b = List.of("the", "man", "bit", "the", "dog");
        System.out.println(a + " and " + b + ": the same words? "
                + a.stream().sorted().toList().equals(b.stream().sorted().toList()) + "; the same sequence? " + a.equals(b));
        String moby = MobyDick.chapters().get(0).text();   // the opening of Moby-Dick, a real text
        System.out.println(moby.substring(0, moby.indexOf('.', 120) + 1) + " ...");
        String korean = "나는 한국 사람이야";
        int[] codePoints = korean.codePoints().toArray();
        for (int t = 0; t < codePoints.length; t++) {
            System.out.printf("t=%d  '%s'  U+%04X%n", t, Character.toString(codePoints[t]), codePoints[t]);
        }
        // end::text[]

        // tag::order-task[]
        // A task where order is everything: is a noisy stretch of a sine wave rising or falling overall?
        int length = 20;
        Labelled train = Tasks.risingOrFalling(Scale.current().pick(512, 2048), length, new Random(1));
        Labelled test = Tasks.risingOrFalling(500, length, new Random(2));
        var model = new ManyToOne(new RnnCell(1, 16, new Random(3)), new Dense(16, 2, new Random(4)));
        var adam = new Adam(model.parameters(), 0.01);
        int epochs = Scale.current().pick(15, 40);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double loss = model.trainEpoch(train, 32, adam, 0);
            if (epoch % 5 == 0) {
                System.out.printf("epoch %2d  loss %.3f%n", epoch, loss);
            }
        }
        // end::order-task[]

        // tag::order-matters[]
        // Same trained model, same test sequences; only the order of the steps inside each sequence changes.
        var shuffleRng = new Random(5);
        double ordered = model.accuracy(test);
        double inShuffledOrder = model.accuracy(test.shuffledInTime(shuffleRng));
        var retrained = new ManyToOne(new RnnCell(1, 16, new Random(3)), new Dense(16, 2, new Random(4)));
        var adam2 = new Adam(retrained.parameters(), 0.01);
        Labelled shuffledTrain = train.shuffledInTime(shuffleRng);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            retrained.trainEpoch(shuffledTrain, 32, adam2, 0);
        }
        double trainedShuffled = retrained.accuracy(test.shuffledInTime(shuffleRng));
        double majority = Arrays.stream(test.labels()).average().orElse(0);
        Table orderTable = Table.create("Accuracy on " + test.size() + " test sequences",
                StringColumn.create("setting", "trained and tested in order",
                        "trained in order, tested shuffled", "trained and tested shuffled", "always guessing one class"),
                Show.formatted(DoubleColumn.create("accuracy", ordered, inShuffledOrder, trainedShuffled,
                        Math.max(majority, 1 - majority)), "0.000"));
        Figures.table(orderTable, "seq-data-shuffle-accuracy");
        // end::order-matters[]
    }
}
