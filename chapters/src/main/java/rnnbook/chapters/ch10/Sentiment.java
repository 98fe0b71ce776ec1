package rnnbook.chapters.ch10;

import static rnnbook.chapters.ch10.Classify.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.ch10.ChapterData;
import rnnbook.chapters.ch10.Tokens;
import rnnbook.chapters.common.Show;
import rnnbook.data.WordVocabulary;
import rnnbook.data.sets.SentimentSentences;
import rnnbook.data.sets.SentimentSentences.Sentence;
import rnnbook.data.sets.Split;
import rnnbook.nn.Parameter;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 10, sentiment: a GRU reads each sentence and says positive or negative, against a bag of n-grams. */
public final class Sentiment {
    private Sentiment() {
    }

    public static void main(String[] args) {
        // tag::split[]
        var sentenceFiles = ChapterData.open(SentimentSentences.NAME);
        Map<String, Split<Sentence>> splits = new LinkedHashMap<>();
        for (String source : SentimentSentences.SOURCES) {
            var split = Split.shuffled(SentimentSentences.of(sentenceFiles, source), 10, 0.8, 0.0);
            splits.put(source, split);
            System.out.println(source + ": " + split.train().size() + " training sentences, " + split.test().size()
                    + " test sentences; first: " + split.train().get(0));
        }
        // end::split[]

        // tag::padding[]
        var yelp = splits.get("yelp");
        int maxWords = 50;   // longer sentences are cut (a handful in imdb)
        var vocabulary = WordVocabulary.withUnknown(Tokens.concat(yelp.train().stream()
                .map(s -> Tokens.words(s.text(), maxWords)).toList()), 2);
        List<int[]> three = yelp.train().subList(0, 3).stream()
                .map(s -> Tokens.ids(vocabulary, Tokens.words(s.text(), maxWords))).toList();
        Padded small = Padded.of(three, new int[] {1, 0, 1}, 0);
        System.out.println("lengths " + Arrays.toString(small.lengths()) + "; ids by time step (row = t):");
        for (int[] step : small.ids()) {
            System.out.println("  " + Arrays.toString(step));
        }
        // end::padding[]

        // tag::masking[]
        var probe = new TextClassifier(vocabulary.size(), 16, 16, 2, 7);
        double batched = probe.lossAndBackward(small);      // all three rows at once, padded
        Map<String, double[]> batchedGrads = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : probe.namedParameters().entrySet()) {
            batchedGrads.put(p.getKey(), p.getValue().grad().data().clone());
        }
        probe.zeroGrad();
        double oneByOne = 0;                                 // each row alone, no padding at all
        for (int b = 0; b < small.size(); b++) {
            oneByOne += probe.lossAndBackward(Padded.of(List.of(three.get(b)), new int[] {small.labels()[b]}, 0))
                    / small.size();
        }
        double worst = 0;
        for (Map.Entry<String, Parameter> p : probe.namedParameters().entrySet()) {
            double[] alone = p.getValue().grad().data();
            for (int i = 0; i < alone.length; i++) {         // mean of three losses: each row's gradient / 3
                worst = Math.max(worst, Math.abs(batchedGrads.get(p.getKey())[i] - alone[i] / small.size()));
            }
        }
        probe.zeroGrad();
        double unmasked = probe.useLengths(false).lossAndBackward(small);
        probe.useLengths(true).zeroGrad();
        System.out.printf("padded batch with lengths: loss %.6f; rows one at a time: %.6f%n", batched, oneByOne);
        System.out.printf("largest gradient difference: %.1e%n", worst);
        System.out.println(String.format("padded batch read without lengths: loss %.6f (the padding changed it)",
                unmasked));
        // end::masking[]

        // tag::compare[]
        int epochs = Scale.current().pick(8, 12);
        double publishedYelp = 0.8396;   // ML.NET's tutorial: bag of n-grams, yelp, 20% test split
        Table sentiment = Table.create("Test accuracy on the " + Scale.current().name().toLowerCase()
                        + "-scale sentences, GRU after " + epochs + " epochs",
                StringColumn.create("source"), IntColumn.create("test sentences"),
                Show.formatted(DoubleColumn.create("majority class"), "0.000"),
                Show.formatted(DoubleColumn.create("bag of n-grams"), "0.000"),
                Show.formatted(DoubleColumn.create("GRU"), "0.000"),
                StringColumn.create("published (bag of n-grams)"));
        Map<String, double[]> curves = new LinkedHashMap<>();      // the GRU's test accuracy after each epoch
        Map<String, Double> baselines = new LinkedHashMap<>();
        Map<String, TextClassifier> models = new LinkedHashMap<>();
        Map<String, BagOfWords> bags = new LinkedHashMap<>();
        Map<String, WordVocabulary> vocabularies = new LinkedHashMap<>();
        for (var entry : splits.entrySet()) {
            var split = entry.getValue();
            List<List<String>> trainWords = split.train().stream().map(s -> Tokens.words(s.text(), maxWords)).toList();
            List<List<String>> testWords = split.test().stream().map(s -> Tokens.words(s.text(), maxWords)).toList();
            int[] trainLabels = split.train().stream().mapToInt(Sentence::label).toArray();
            int[] testLabels = split.test().stream().mapToInt(Sentence::label).toArray();

            var bag = new BagOfWords().fit(trainWords.stream().map(Tokens::ngrams).toList(), trainLabels,
                    1e-4, 2000, 5.0);
            int[] bagSays = testWords.stream().mapToInt(w -> bag.probability(Tokens.ngrams(w)) > 0.5 ? 1 : 0).toArray();

            var words = WordVocabulary.withUnknown(Tokens.concat(trainWords), 2);
            var model = new TextClassifier(words.size(), 32, 32, 2, 11);
            Padded test = Padded.of(testWords.stream().map(w -> Tokens.ids(words, w)).toList(), testLabels, 0);
            double[] curve = trainGru(model, trainWords.stream().map(w -> Tokens.ids(words, w)).toList(),
                    trainLabels, test, epochs, 12);

            double positives = Arrays.stream(trainLabels).average().orElseThrow();
            int majority = positives >= 0.5 ? 1 : 0;
            sentiment.stringColumn("source").append(entry.getKey());
            sentiment.intColumn("test sentences").append(testLabels.length);
            sentiment.doubleColumn("majority class").append(
                    Arrays.stream(testLabels).filter(l -> l == majority).count() / (double) testLabels.length);
            sentiment.doubleColumn("bag of n-grams").append(accuracy(bagSays, testLabels));
            sentiment.doubleColumn("GRU").append(curve[epochs - 1]);
            sentiment.stringColumn("published (bag of n-grams)").append(entry.getKey().equals("yelp")
                    ? String.format("%.3f", publishedYelp) : "");
            curves.put(entry.getKey(), curve);
            baselines.put(entry.getKey(), accuracy(bagSays, testLabels));
            models.put(entry.getKey(), model);
            bags.put(entry.getKey(), bag);
            vocabularies.put(entry.getKey(), words);
        }
        Figures.table(sentiment, "sentiment-table");
        // end::compare[]

        // tag::curves[]
        XYChart learning = Charts.xy("GRU test accuracy after each epoch", "epoch", "test accuracy");
        for (var c : curves.entrySet()) {
            double[] x = new double[c.getValue().length];
            Arrays.setAll(x, i -> i + 1);
            learning.addSeries("GRU, " + c.getKey(), x, c.getValue());
        }
        Charts.referenceLine(learning, "bag of n-grams, yelp", baselines.get("yelp"));
        Figures.show(learning, "sentiment-curves");
        // end::curves[]

        // tag::mistakes[]
        var yelpModel = models.get("yelp");
        var yelpWords = vocabularies.get("yelp");
        int shown = 0;
        for (Sentence s : yelp.test()) {
            List<String> w = Tokens.words(s.text(), maxWords);
            int said = yelpModel.predict(Padded.of(List.of(Tokens.ids(yelpWords, w)), new int[] {s.label()}, 0))[0];
            if (said != s.label() && shown < 8) {
                Set<String> grams = Tokens.ngrams(w);
                System.out.printf("label %d, GRU says %d, bag of n-grams p(positive) %.2f: %s%n", s.label(), said,
                        bags.get("yelp").probability(grams), s.text());
                shown++;
            }
        }
        // end::mistakes[]
    }
}
