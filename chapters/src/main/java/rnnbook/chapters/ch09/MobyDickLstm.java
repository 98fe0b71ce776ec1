package rnnbook.chapters.ch09;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.ch09.LmData;
import rnnbook.chapters.ch09.LmTraining;
import rnnbook.chapters.ch09.NGram;
import rnnbook.chapters.ch09.Perplexity;
import rnnbook.chapters.ch09.TokenLm;
import rnnbook.chapters.common.Show;
import rnnbook.data.Vocabulary;
import rnnbook.data.sets.MobyDick;
import rnnbook.nn.LstmCell;
import rnnbook.train.History;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 9: a character LSTM on Moby-Dick against count n-grams on the same split; samples; perplexity curve. */
public final class MobyDickLstm {
    private MobyDickLstm() {
    }

    public static void main(String[] args) {
        // tag::moby-data[]
        // The novel as one text; the first 90% trains, the last 10% (the end of the book) is held out.
        String moby = MobyDick.text(LmData.files(MobyDick.NAME));
        int cut = (int) (moby.length() * 0.9);
        Vocabulary chars = Vocabulary.withUnknown(moby.substring(0, cut));   // a character unseen in training -> id 0
        int[] mobyTrain = chars.encode(moby.substring(0, cut));
        int[] mobyHeldOut = chars.encode(moby.substring(cut));
        int[] mobyTrainPart = Arrays.copyOf(mobyTrain, Math.min(mobyTrain.length, 100_000));  // to measure on
        System.out.println(chars + "; " + mobyTrain.length + " characters to train on, " + mobyHeldOut.length
                + " held out");
        // end::moby-data[]

        // tag::moby-ngrams[]
        // The baseline: count n-grams with interpolated Witten-Bell smoothing, fitted on the same training text.
        int bestN = 1;
        double bestNGram = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 6; n++) {
            double heldOutNats = new NGram(n, chars.size(), mobyTrain).nats(mobyHeldOut);
            System.out.printf("%d-gram: held-out %.3f bits per character%n", n, Perplexity.bits(heldOutNats));
            if (heldOutNats < bestNGram) {
                bestNGram = heldOutNats;
                bestN = n;
            }
        }
        NGram mobyBaseline = new NGram(bestN, chars.size(), mobyTrain);
        // end::moby-ngrams[]

        // tag::moby-train[]
        var charLstm = new TokenLm(chars.size(), 32, new LstmCell(32, Scale.current().pick(64, 256), new Random(1)),
                new Random(2));
        // Adam's rate falls along a half cosine from lr to finalLr: long strides first, fine ones at the end.
        // 32 lanes, not 64: for the same CPU time twice the updates, which beats the larger batch's smoother steps.
        var mobyPlan = new LmTraining.Plan(Scale.current().pick(32, 64), Scale.current().pick(16, 32),
                Scale.current().pick(120, 2500), Scale.current() == Scale.CI ? 0.02 : 0.01,
                Scale.current() == Scale.CI ? 0.002 : 0.0002, Scale.current().pick(40, 500));
        History mobyHistory = LmTraining.fit(charLstm, mobyTrain, mobyHeldOut, mobyPlan);
        double mobyLstmHeldOut = charLstm.nats(mobyHeldOut, 16);
        System.out.println(String.format("after %d steps of %d x %d characters: held-out %.3f bits per character"
                        + " (%d-gram: %.3f)", mobyPlan.steps(), mobyPlan.batch(), mobyPlan.seq(),
                Perplexity.bits(mobyLstmHeldOut), bestN, Perplexity.bits(bestNGram)));
        // end::moby-train[]

        // tag::moby-curve[]
        // Perplexity over training: the training windows' (smoothed) and the held-out text's, beside the n-gram's.
        double[] mobySteps = Arrays.stream(mobyHistory.steps()).asDoubleStream().toArray();
        double[] heldOutCurve = mobyHistory.metric(LmTraining.HELD_OUT);
        List<Double> evalSteps = new ArrayList<>();
        List<Double> evalPerplexity = new ArrayList<>();
        for (int i = 0; i < heldOutCurve.length; i++) {
            if (!Double.isNaN(heldOutCurve[i])) {
                evalSteps.add(mobySteps[i]);
                evalPerplexity.add(Perplexity.perplexity(heldOutCurve[i]));
            }
        }
        XYChart mobyCurve = Charts.xy("Character LSTM on Moby-Dick", "training step", "perplexity (characters)");
        mobyCurve.addSeries("training windows",
                mobySteps, Arrays.stream(mobyHistory.smoothedLosses(20)).map(Perplexity::perplexity).toArray());
        mobyCurve.addSeries("held-out text", evalSteps, evalPerplexity);
        double ngramPerplexity = Perplexity.perplexity(bestNGram);
        Charts.referenceLine(mobyCurve, bestN + "-gram, held out", ngramPerplexity);
        // The first steps fall from about V = 82; the axis shows only the band around the n-gram's line, where the
        // two models part, and the curve above it runs off the top.
        mobyCurve.getStyler().setYAxisMin(ngramPerplexity / 1.5).setYAxisMax(ngramPerplexity * 2);
        Figures.show(mobyCurve, "lm-moby-curve");
        // end::moby-curve[]

        // tag::moby-table[]
        double[] lstmBits = {Perplexity.bits(charLstm.nats(mobyTrainPart, 16)), Perplexity.bits(mobyLstmHeldOut)};
        double[] ngramBits = {Perplexity.bits(mobyBaseline.nats(mobyTrainPart)), Perplexity.bits(bestNGram)};
        Table mobyTable = Table.create("Moby-Dick, bits per character on the same split",
                StringColumn.create("model", "LSTM, " + charLstm.parameterCount() + " parameters",
                        bestN + "-gram counts, Witten-Bell"),
                Show.formatted(DoubleColumn.create("training text", lstmBits[0], ngramBits[0]), "0.000"),
                Show.formatted(DoubleColumn.create("held-out text", lstmBits[1], ngramBits[1]), "0.000"),
                Show.formatted(DoubleColumn.create("held-out perplexity",
                        Math.pow(2, lstmBits[1]), Math.pow(2, ngramBits[1])), "0.00"));
        Figures.table(mobyTable, "lm-moby-table");
        // end::moby-table[]

        // tag::moby-samples[]
        // Three temperatures, the same start: divide the logits by T before the softmax.
        int[] prime = chars.encode("The whale ");
        for (double temperature : new double[]{0.5, 1.0, 1.5}) {
            int[] drawn = charLstm.sample(prime, Scale.current().pick(120, 300), temperature, new Random(3));
            System.out.println("T = " + temperature + ": The whale " + chars.decode(drawn).replace('\n', ' '));
        }
        // end::moby-samples[]
    }
}
