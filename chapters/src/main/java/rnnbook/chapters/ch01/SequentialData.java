package rnnbook.chapters.ch01;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.data.Texts;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 1, sequential data: a time series, a text as a sequence, and what shuffling the order does. */
public final class SequentialData {
    private SequentialData() {
    }

    public static void main(String[] args) {
        // tag::series[]
        // Three years of a daily temperature-like reading: a yearly cycle, weather that lingers for days, noise.
        var rng = new Random(7);
        int days = 3 * 365;
        double[] day = new double[days];
        double[] temperature = new double[days];
        double weather = 0;
        for (int d = 0; d < days; d++) {
            weather = 0.8 * weather + 1.5 * rng.nextGaussian();   // today's weather leans on yesterday's
            day[d] = d;
            temperature[d] = 12 + 10 * Math.sin(2 * Math.PI * (d - 110) / 365.0) + weather;
        }
        XYChart series = Charts.xy("A daily reading over " + days / 365 + " years", "day", "temperature (°C)");
        series.addSeries("temperature", day, temperature);
        Figures.show(series, "seq-data-series");
        // end::series[]

        // tag::shuffled-series[]
        // The same 1095 numbers in a random order: every value is still there, the story is gone.
        double[] shuffled = temperature.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double tmp = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = tmp;
        }
        XYChart scrambled = Charts.xy("The same readings, shuffled", "position", "temperature (°C)");
        scrambled.addSeries("shuffled", day, shuffled);
        Figures.show(scrambled, "seq-data-shuffled");
        // end::shuffled-series[]

        // tag::text[]
        // Text is a sequence too: of words, or of characters (Unicode code points, Hangul included).
        List<String> a = List.of("the", "dog", "bit", "the", "man");
        List<String> b = List.of("the", "man", "bit", "the", "dog");
        System.out.println(a + " and " + b + ": the same words? "
                + a.stream().sorted().toList().equals(b.stream().sorted().toList()) + "; the same sequence? " + a.equals(b));
        System.out.println(Texts.english().substring(0, 160) + " ...");
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
