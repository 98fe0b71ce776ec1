package rnnbook.chapters.ch11;

import static rnnbook.chapters.ch11.Taggers.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.HeatMapChart;
import rnnbook.chapters.ch11.Corpus;
import rnnbook.chapters.ch11.MostFrequentTag;
import rnnbook.chapters.ch11.Scores;
import rnnbook.chapters.ch11.UniversalTags;
import rnnbook.chapters.ch11.Vocabulary;
import rnnbook.chapters.common.Show;
import rnnbook.data.sets.Split;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 11: the Brown Corpus with universal tags, the most-frequent-tag baseline and two LSTM taggers. */
public final class Tagging {
    private Tagging() {
    }

    public static void main(String[] args) {
        // tag::data[]
        List<Corpus.Sentence> brown = Corpus.brown();
        Split<Corpus.Sentence> split = Split.shuffled(brown, 11, 0.8, 0.0);   // 80% train, 20% held out
        List<Corpus.Sentence> trainSentences = split.train(), testSentences = split.test();
        Vocabulary vocabulary = new Vocabulary(trainSentences, 2);
        int testTokens = testSentences.stream().mapToInt(Corpus.Sentence::length).sum();
        long unknownTokens = testSentences.stream().flatMap(s -> s.words().stream())
                .filter(w -> !vocabulary.known(w)).count();
        System.out.println(brown.size() + " sentences: " + trainSentences.size() + " to train, "
                + testSentences.size() + " held out (" + testTokens + " tokens)");
        System.out.println("vocabulary: " + vocabulary.size() + " ids (words seen at least " + vocabulary.minCount()
                + " times, and " + Vocabulary.SIGNATURES.size() + " unknown-word signatures)");
        System.out.println(String.format("held-out tokens without an id of their own: %d (%.1f%%)", unknownTokens,
                100.0 * unknownTokens / testTokens));
        // end::data[]

        // tag::baseline-run[]
        MostFrequentTag baseline = new MostFrequentTag(trainSentences);
        List<int[]> baselineTags = new ArrayList<>();
        testSentences.forEach(s -> baselineTags.add(baseline.tags(s.words())));
        Scores.Evaluation baselineScore = Scores.evaluate(testSentences, baselineTags, vocabulary);
        long nouns = testSentences.stream().flatMap(s -> java.util.Arrays.stream(s.tags()).boxed())
                .filter(t -> t == UniversalTags.index("NOUN")).count();
        System.out.println(String.format("always NOUN:        %.3f", (double) nouns / testTokens));
        System.out.println(String.format("most frequent tag:  %.3f  (known words %.3f, unknown words %.3f)",
                baselineScore.accuracy(), baselineScore.knownAccuracy(), baselineScore.unknownAccuracy()));
        // end::baseline-run[]

        // tag::train[]
        int epochs = Scale.current().pick(8, 3);
        int embedding = 64, hidden = Scale.current().pick(32, 64), batchSize = 64;
        List<Batch> trainBatches = batches(trainSentences, vocabulary, batchSize, new Random(12));
        Table compare = Table.create("Per-token accuracy on " + testTokens + " held-out tokens, " + epochs
                        + " epochs", StringColumn.create("tagger"), IntColumn.create("parameters"),
                Show.formatted(DoubleColumn.create("accuracy"), "0.000"),
                Show.formatted(DoubleColumn.create("known words"), "0.000"),
                Show.formatted(DoubleColumn.create("unknown words"), "0.000"),
                Show.formatted(DoubleColumn.create("seconds"), "0.0"));
        compare.stringColumn("tagger").append("most frequent tag");
        compare.intColumn("parameters").append(0);
        compare.doubleColumn("accuracy").append(baselineScore.accuracy());
        compare.doubleColumn("known words").append(baselineScore.knownAccuracy());
        compare.doubleColumn("unknown words").append(baselineScore.unknownAccuracy());
        compare.doubleColumn("seconds").append(0.0);
        PosTagger forwardTagger = PosTagger.lstm(vocabulary.size(), embedding, hidden, false, 13);
        PosTagger biTagger = PosTagger.lstm(vocabulary.size(), embedding, hidden, true, 13);
        Scores.Evaluation biScore = null;
        for (PosTagger model : List.of(forwardTagger, biTagger)) {
            long start = System.nanoTime();
            train(model, trainBatches, epochs, 14);
            double seconds = (System.nanoTime() - start) / 1e9;
            Scores.Evaluation score = Scores.evaluate(testSentences,
                    model.predict(vocabulary, testSentences), vocabulary);
            boolean both = model.rnn().directions() == 2;
            biScore = both ? score : biScore;
            compare.stringColumn("tagger").append((both ? "bidirectional" : "forward") + " LSTM, " + hidden
                    + " units" + (both ? " each way" : ""));
            compare.intColumn("parameters").append((int) model.parameterCount());
            compare.doubleColumn("accuracy").append(score.accuracy());
            compare.doubleColumn("known words").append(score.knownAccuracy());
            compare.doubleColumn("unknown words").append(score.unknownAccuracy());
            compare.doubleColumn("seconds").append(seconds);
        }
        Figures.table(compare, "tagging-table");
        // end::train[]

        // tag::padding-run[]
        long padding = Scores.paddingPositions(testSentences, batchSize);
        double honest = biScore.accuracy();
        double inflated = (biScore.right() + padding) / (double) (biScore.real() + padding);
        System.out.println(String.format("held out: %d real tokens; padded into batches of %d: %d padding positions (%.0f%% of"
                + " the grid)", biScore.real(), batchSize, padding, 100.0 * padding / (padding + biScore.real())));
        System.out.println(String.format("bidirectional accuracy over real tokens: %.3f; with padding counted as right: %.3f"
                + " (+%.3f)", honest, inflated, inflated - honest));
        // end::padding-run[]

        // tag::confusion[]
        int k = UniversalTags.TAGS.size();
        double[][] share = new double[k][k];                 // row: gold tag, column: predicted tag
        for (int g = 0; g < k; g++) {
            int total = java.util.Arrays.stream(biScore.confusion()[g]).sum();
            for (int p = 0; p < k; p++) {
                share[g][p] = total == 0 ? 0 : (double) biScore.confusion()[g][p] / total;
            }
        }
        // twelve names do not fit under the columns of a phone-sized chart: columns carry the rows' numbers
        List<String> numbers = new ArrayList<>(), named = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            numbers.add(String.valueOf(i + 1));
            named.add((i + 1) + " " + UniversalTags.TAGS.get(i));
        }
        HeatMapChart confusionChart = Charts.heatmap("Where the bidirectional tagger's tags go",
                "predicted tag (numbered as the rows)", "gold tag", share, numbers, named);
        Figures.show(confusionChart, "tagging-confusion");
        // end::confusion[]

        // tag::errors[]
        int shown = 0;
        for (int i = 0; i < testSentences.size() && shown < 3; i++) {
            Corpus.Sentence s = testSentences.get(i);
            int[] guess = biScore.predictions().get(i);
            if (s.length() < 5 || s.length() > 14 || java.util.Arrays.equals(s.tags(), guess)) {
                continue;                                    // sentences of 5 to 14 words with an error
            }
            StringBuilder line = new StringBuilder();
            for (int t = 0; t < s.length(); t++) {
                String gold = UniversalTags.TAGS.get(s.tags()[t]);
                String said = UniversalTags.TAGS.get(guess[t]);
                line.append(s.words().get(t)).append('/').append(gold)
                        .append(gold.equals(said) ? "" : "→" + said + "✗").append(' ');
            }
            System.out.println(line.toString().strip());
            shown++;
        }
        // end::errors[]

        // tag::bad-input[]
        List<String> odd = List.of("The", "zorblaxes", "glimmered", "quietly", ".");
        System.out.println("ids:  " + java.util.Arrays.toString(vocabulary.ids(odd)));
        odd.forEach(w -> System.out.println("  " + w + " -> " + (vocabulary.known(w) ? "known"
                : Vocabulary.signature(w))));
        int[] oddTags = biTagger.tag(vocabulary.ids(odd));
        System.out.println("tags: " + java.util.Arrays.stream(oddTags).mapToObj(UniversalTags.TAGS::get).toList());
        try {
            biTagger.tag(vocabulary.ids(List.of()));
        } catch (IllegalArgumentException e) {
            System.out.println("empty sentence: " + e.getMessage());
        }
        // end::bad-input[]
    }
}
