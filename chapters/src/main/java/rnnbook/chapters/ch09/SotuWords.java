package rnnbook.chapters.ch09;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import rnnbook.chapters.ch09.LmData;
import rnnbook.chapters.ch09.LmTraining;
import rnnbook.chapters.ch09.NGram;
import rnnbook.chapters.ch09.Perplexity;
import rnnbook.chapters.ch09.TokenLm;
import rnnbook.chapters.ch09.WordVectors;
import rnnbook.chapters.common.Show;
import rnnbook.data.WordVocabulary;
import rnnbook.data.sets.Split;
import rnnbook.data.sets.StateOfTheUnion;
import rnnbook.nn.LstmCell;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 9: a word-level LSTM on the State of the Union addresses against smoothed word n-grams. */
public final class SotuWords {
    private SotuWords() {
    }

    // tag::words-tokens[]
    /** The lower-cased words and punctuation of some addresses, one stream, each address closed by "\n". */
    public static List<String> tokens(List<StateOfTheUnion.Address> addresses) {
        List<String> out = new ArrayList<>();
        for (StateOfTheUnion.Address a : addresses) {
            out.addAll(WordVocabulary.tokenize(a.text().toLowerCase(Locale.ROOT)));
            out.add("\n");
        }
        return out;
    }
    // end::words-tokens[]

    public static void main(String[] args) {
        // tag::words-data[]
        List<StateOfTheUnion.Address> addresses = StateOfTheUnion.between(
                StateOfTheUnion.addresses(LmData.files(StateOfTheUnion.NAME)), 1981, 2021);
        Split<StateOfTheUnion.Address> speeches = Split.shuffled(addresses, 11, 0.8, 0.0);
        List<String> trainWords = tokens(speeches.train());
        // words seen fewer than minCount times in training become <unk>: the vocabulary stays small
        WordVocabulary words = WordVocabulary.withUnknown(trainWords, Scale.current().pick(2, 20));
        int[] wordTrain = words.encode(trainWords);
        int[] wordHeldOut = words.encode(tokens(speeches.test()));
        System.out.println(speeches.train().size() + " addresses (" + wordTrain.length + " tokens) to train on, "
                + speeches.test().size() + " held out (" + wordHeldOut.length + " tokens); " + words);
        // end::words-data[]

        // tag::words-train[]
        double wordBigram = new NGram(2, words.size(), wordTrain).nats(wordHeldOut);
        double wordTrigram = new NGram(3, words.size(), wordTrain).nats(wordHeldOut);
        var wordLm = new TokenLm(words.size(), Scale.current().pick(32, 64),
                new LstmCell(Scale.current().pick(32, 64), Scale.current().pick(64, 128), new Random(12)),
                new Random(13));
        var wordsPlan = new LmTraining.Plan(32, Scale.current().pick(16, 32), Scale.current().pick(50, 600), 0.005,
                Scale.current().pick(50, 300));
        LmTraining.fit(wordLm, wordTrain, wordHeldOut, wordsPlan);
        double wordLstm = wordLm.nats(wordHeldOut, 16);
        Table wordsTable = Table.create("State of the Union, held-out perplexity per word (" + words.size()
                        + " words with <unk>)",
                StringColumn.create("model", "bigram, Witten-Bell", "trigram, Witten-Bell",
                        "LSTM, " + wordLm.parameterCount() + " parameters"),
                Show.formatted(DoubleColumn.create("nats per word", wordBigram, wordTrigram, wordLstm), "0.000"),
                Show.formatted(DoubleColumn.create("perplexity", Perplexity.perplexity(wordBigram),
                        Perplexity.perplexity(wordTrigram), Perplexity.perplexity(wordLstm)), "0.0"));
        Figures.table(wordsTable, "lm-words-table");
        // end::words-train[]

        // tag::words-samples[]
        int[] speech = wordLm.sample(words.encode(List.of("the", "state", "of", "our")), 25, 0.8, new Random(14));
        System.out.println("the state of our " + String.join(" ", words.decode(speech)));
        // end::words-samples[]

        // tag::words-map[]
        // The learned table E (V, d): a few words' rows, projected to 2-D on their first two principal axes.
        Matrix wordTable = wordLm.embedding().weight().value();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("people", List.of("americans", "families", "children", "workers"));
        groups.put("numbers", List.of("one", "two", "three", "million"));
        groups.put("money", List.of("tax", "taxes", "budget", "deficit"));
        groups.put("security", List.of("war", "peace", "military", "troops"));
        List<Integer> plotted = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        groups.forEach((group, members) -> members.stream().filter(words::contains).forEach(w -> {
            plotted.add(words.id(w));
            groupOf.add(group);
        }));
        double[][] xy = WordVectors.pca2(wordTable, plotted);
        XYChart wordMap = Charts.xy("Learned word vectors, first two principal axes", "first axis", "second axis");
        wordMap.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double lift = 0.0;   // each word is written a little above its point, where the marker does not cover it
        for (double[] p : xy) {
            lift = Math.max(lift, 0.08 * Math.abs(p[1]));
        }
        for (String group : groups.keySet()) {
            List<Double> gx = new ArrayList<>();
            List<Double> gy = new ArrayList<>();
            for (int i = 0; i < plotted.size(); i++) {
                if (groupOf.get(i).equals(group)) {
                    gx.add(xy[i][0]);
                    gy.add(xy[i][1]);
                    wordMap.addAnnotation(new AnnotationText(words.word(plotted.get(i)), xy[i][0], xy[i][1] + lift, false));
                }
            }
            if (!gx.isEmpty()) {
                wordMap.addSeries(group, gx, gy);
            }
        }
        Figures.show(wordMap, "lm-word-map");
        // end::words-map[]

        // tag::words-neighbours[]
        List<Integer> everyWord = new ArrayList<>();
        for (int id = 1; id < words.size(); id++) {   // id 0 is <unk>
            everyWord.add(id);
        }
        List<String> probes = List.of("america", "tax", "war", "year", "jobs", "we").stream()
                .filter(words::contains).toList();
        StringColumn neighbours = StringColumn.create("nearest five by cosine");
        for (String probe : probes) {
            neighbours.append(String.join(", ",
                    words.decode(WordVectors.nearest(wordTable, words.id(probe), everyWord, 5).stream()
                            .mapToInt(Integer::intValue).toArray())));
        }
        Figures.table(Table.create("Nearest neighbours in the learned table", StringColumn.create("word", probes),
                neighbours), "lm-word-neighbours");
        // end::words-neighbours[]
    }
}
