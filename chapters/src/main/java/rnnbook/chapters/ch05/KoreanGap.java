package rnnbook.chapters.ch05;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import rnnbook.chapters.common.Show;
import rnnbook.chapters.ch05.Adding;
import rnnbook.chapters.ch05.LstmGates;
import rnnbook.data.Labelled;
import rnnbook.data.Vocabulary;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.models.ManyToOne;
import rnnbook.nn.Dense;
import rnnbook.nn.LstmCell;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Chapter 5, the notes' Korean example made real: the nationality at the start decides the language at the end. */
public final class KoreanGap {
    private KoreanGap() {
    }

    // tag::task[]
    /** Who the speaker is and which language they speak well; the six language words start with six syllables. */
    public static String[][] speakers() {
        return new String[][] {{"한국", "한국어"}, {"일본", "일본어"}, {"중국", "중국어"}, {"독일", "독일어"},
            {"미국", "영어"}, {"태국", "태국어"}};
    }

    /** Everyday sentences that say nothing about where the speaker is from: the filler between clue and question. */
    public static String filler() {
        return "오늘은 날씨가 맑아서 공원을 오래 걸었어. 점심에는 친구와 국수를 먹었지. 버스가 늦게 와서 조금 기다렸어. "
                + "저녁에는 책을 읽다가 일찍 잤어. 주말마다 산에 올라 사진을 찍어. 동생은 요즘 그림을 그려. "
                + "창밖으로 비가 조용히 내렸어. 시장에서 사과와 배를 샀어. ";
    }

    /**
     * "나는 X 사람이야. " + {@code gap} characters of filler (from a random place) + " 나는 ": the model reads this and
     * must name the language (the label, an index into {@link #speakers()}), whose first syllable comes next.
     */
    public static String sentence(int speaker, int gap, Random rng) {
        String filler = filler();
        if (gap < 0 || gap > filler.length()) {
            throw new IllegalArgumentException("the gap must be between 0 and " + filler.length()
                    + " characters (the filler's length), got " + gap);
        }
        int from = rng.nextInt(filler.length());
        String doubled = filler + filler;
        return "나는 " + speakers()[speaker][0] + " 사람이야. " + doubled.substring(from, from + gap) + " 나는 ";
    }

    /** Every character a sentence can hold: the filler's, the frame's, the nationalities' and the languages'. */
    public static Vocabulary koreanVocabulary() {
        StringBuilder all = new StringBuilder(filler()).append("나는 사람이야. ");
        for (String[] speaker : speakers()) {
            all.append(speaker[0]).append(speaker[1]);
        }
        return Vocabulary.of(all.toString());
    }

    /** {@code n} sentences with random speakers, one-hot per character: xs (length, n, vocabulary), labels (n). */
    public static Labelled koreanBatch(Vocabulary vocab, int n, int gap, Random rng) {
        int[] labels = new int[n];
        int[][] ids = new int[n][];
        for (int b = 0; b < n; b++) {
            labels[b] = rng.nextInt(speakers().length);
            ids[b] = vocab.encode(sentence(labels[b], gap, rng));
        }
        Matrix[] xs = new Matrix[ids[0].length];
        for (int t = 0; t < xs.length; t++) {
            int[] column = new int[n];
            for (int b = 0; b < n; b++) {
                column[b] = ids[b][t];
            }
            xs[t] = Sequences.oneHot(column, vocab.size());
        }
        return new Labelled(xs, labels);
    }
    // end::task[]

    // tag::train[]
    /** Trains {@code model} for {@code steps} batches of 32 (Adam 0.01, clipping at 1); accuracy on 500 new sentences. */
    public static double trainKorean(ManyToOne model, Vocabulary vocab, int gap, int steps, long seed) {
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var ce = new SoftmaxCrossEntropy();
        var rng = new Random(seed);
        trainer.fit(steps, step -> {
            Labelled batch = koreanBatch(vocab, 32, gap, rng);
            ManyToOne.Pass pass = model.forward(batch.xs());
            SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(pass.logits(), batch.labels());
            model.backward(pass, ce.backward(lossPass));
            return lossPass.loss();
        });
        return model.accuracy(koreanBatch(vocab, 500, gap, new Random(seed + 1)));
    }
    // end::train[]

    public static void main(String[] args) {
        // tag::example[]
        Vocabulary vocab = koreanVocabulary();
        for (int speaker : new int[] {0, 4}) {   // the same filler (same seed) after two different clues
            System.out.println(sentence(speaker, 30, new Random(3)) + "→ " + speakers()[speaker][1] + "를 잘해");
        }
        System.out.println("characters in the vocabulary: " + vocab.size());
        // end::example[]

        // tag::sweep[]
        int[] koreanGaps = Scale.current() == Scale.CI ? new int[] {5, 20, 40} : new int[] {5, 10, 20, 40, 60};
        int koreanRuns = Scale.current().pick(1, 2);
        int trainingSteps = Scale.current().pick(300, 600);
        int languages = speakers().length;
        int lstmUnits = 16;
        double forgetBias = 3;   // the forget gate starts almost open: f = σ(3) ≈ 0.95 (see the next section)
        double inputBias = -2;   // the input gate starts mostly closed: i = σ(-2) ≈ 0.12, so filler writes little
        int rnnUnits = Adding.rnnHiddenFor(vocab.size(), languages,
                Adding.lstmParameters(vocab.size(), lstmUnits, languages));
        Table korean = Table.create("Naming the language after the gap: LSTM (" + lstmUnits + " units, b_f = "
                        + forgetBias + ", b_i = " + inputBias + ") against vanilla (" + rnnUnits + " units), same parameter budget", IntColumn.create("gap (characters)"),
                Show.formatted(DoubleColumn.create("vanilla RNN"), "0.000"),
                Show.formatted(DoubleColumn.create("LSTM"), "0.000"));
        List<double[]> single = new ArrayList<>();   // {gap, vanilla accuracy, LSTM accuracy} of every run
        for (int gap : koreanGaps) {
            double rnnSum = 0;
            double lstmSum = 0;
            for (int seed = 0; seed < koreanRuns; seed++) {
                var rnnModel = new ManyToOne(new RnnCell(vocab.size(), rnnUnits, new Random(40 + seed)),
                        new Dense(rnnUnits, languages, new Random(40 + seed)));
                var lstmModel = new ManyToOne(LstmGates.withInputBias(LstmGates.withForgetBias(
                        new LstmCell(vocab.size(), lstmUnits, new Random(40 + seed)), forgetBias), inputBias),
                        new Dense(lstmUnits, languages, new Random(40 + seed)));
                double rnnAccuracy = trainKorean(rnnModel, vocab, gap, trainingSteps, 50 + seed);
                double lstmAccuracy = trainKorean(lstmModel, vocab, gap, trainingSteps, 50 + seed);
                single.add(new double[] {gap, rnnAccuracy, lstmAccuracy});
                rnnSum += rnnAccuracy;
                lstmSum += lstmAccuracy;
            }
            korean.intColumn("gap (characters)").append(gap);
            korean.doubleColumn("vanilla RNN").append(rnnSum / koreanRuns);
            korean.doubleColumn("LSTM").append(lstmSum / koreanRuns);
        }
        Figures.table(korean, "korean-gap");
        // end::sweep[]

        // tag::chart[]
        XYChart koreanChart = Charts.xy("Naming the language across filler",
                "gap (characters between clue and question)", "test accuracy");
        double[] gapAxis = korean.intColumn("gap (characters)").asDoubleArray();
        koreanChart.addSeries("vanilla RNN (mean)", gapAxis, korean.doubleColumn("vanilla RNN").asDoubleArray());
        koreanChart.addSeries("LSTM (mean)", gapAxis, korean.doubleColumn("LSTM").asDoubleArray());
        if (koreanRuns > 1) {
            koreanChart.addSeries("single runs, vanilla", single.stream().mapToDouble(r -> r[0]).toArray(),
                    single.stream().mapToDouble(r -> r[1]).toArray())
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            koreanChart.addSeries("single runs, LSTM", single.stream().mapToDouble(r -> r[0]).toArray(),
                    single.stream().mapToDouble(r -> r[2]).toArray())
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        Charts.referenceLine(koreanChart, "chance (1 in " + languages + ")", 1.0 / languages);
        Figures.show(koreanChart, "korean-gap");
        // end::chart[]
    }
}
