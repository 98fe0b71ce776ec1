package rnnbook.chapters.ch12;

import rnnbook.chapters.ch12.ErrorRates;
import rnnbook.chapters.ch12.LetterTable;
import rnnbook.chapters.ch12.Pronunciations;
import rnnbook.chapters.ch12.Symbols;
import rnnbook.chapters.ch12.Translators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.common.Show;
import rnnbook.data.sets.CmuDict;
import rnnbook.data.sets.Split;
import rnnbook.seq2seq.Seq2Seq;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 12, grapheme to phoneme: spelling in, pronunciation out, with and without attention. */
public final class G2p {
    private G2p() {
    }

    // tag::alignment[]
    /** Translates {@code spelling} greedily, prints the phonemes and returns the heatmap of where each looked. */
    public static HeatMapChart attentionChart(Seq2Seq model, Symbols letters, Symbols phonemes, String spelling) {
        Seq2Seq.Translation t = model.translateWithAttention(
                letters.encode(Pronunciations.letters(spelling)), spelling.length() + 5);
        List<String> said = new ArrayList<>(phonemes.decode(t.hypothesis().tokens()));
        if (t.hypothesis().ended()) {
            said.add("</s>");   // the last row is the step that chose to stop
        }
        System.out.println(spelling + " -> " + String.join(" ", said));
        Matrix w = t.attention();   // (phonemes said, letters read)
        double[][] weights = new double[w.rows()][];
        for (int r = 0; r < w.rows(); r++) {
            weights[r] = w.rowArray(r);
        }
        return Charts.heatmap("Where the decoder looked while saying " + spelling, "letter read",
                "phoneme said", weights, Pronunciations.letters(spelling), said);
    }
    // end::alignment[]

    public static void main(String[] args) {
        // tag::data[]
        int maxLetters = 12;
        List<Pronunciations.Word> words = Pronunciations.words(CmuDict.entries(), maxLetters);
        Split<Pronunciations.Word> wordSplit = Split.shuffled(words, 12, 0.8, 0.1);
        Symbols letterIds = Pronunciations.letterSymbols(words);
        Symbols phonemeIds = Pronunciations.phonemeSymbols(words);
        List<Pronunciations.Example> trainWords = Pronunciations.encode(wordSplit.train(), letterIds, phonemeIds);
        List<Pronunciations.Example> testWords = Pronunciations.encode(wordSplit.test(), letterIds, phonemeIds);
        System.out.println(words.size() + " words: " + trainWords.size() + " to train on, " + testWords.size()
                + " held out; " + (letterIds.size() - 3) + " letters in, " + (phonemeIds.size() - 3) + " phonemes out");
        for (Pronunciations.Example e : testWords.subList(0, 3)) {
            System.out.println(e.word().spelling() + " -> " + String.join(" ", e.word().phonemes())
                    + "    ids " + java.util.Arrays.toString(e.source()) + " -> " + java.util.Arrays.toString(e.target()));
        }
        // end::data[]

        // tag::baseline[]
        List<int[]> references = testWords.stream().map(Pronunciations.Example::target).toList();
        LetterTable table = new LetterTable(wordSplit.train());
        List<int[]> byTable = testWords.stream()
                .map(e -> phonemeIds.encode(table.pronounce(e.word().letters()))).toList();
        double tablePer = ErrorRates.phonemeErrorRate(byTable, references);
        double tableWer = ErrorRates.wordErrorRate(byTable, references);
        System.out.printf("letter table: phoneme error rate %.3f, word error rate %.3f%n", tablePer, tableWer);
        for (Pronunciations.Example e : testWords.subList(0, 3)) {
            System.out.println(e.word().spelling() + " -> " + String.join(" ", table.pronounce(e.word().letters())));
        }
        // end::baseline[]

        // tag::models[]
        int hidden = Scale.current().pick(32, 64);
        int steps = Scale.current().pick(200, 1200);
        int batch = Scale.current().pick(32, 64);
        List<int[]> sources = trainWords.stream().map(Pronunciations.Example::source).toList();
        List<int[]> targets = trainWords.stream().map(Pronunciations.Example::target).toList();
        List<int[]> testSources = testWords.stream().map(Pronunciations.Example::source).toList();
        Map<String, Seq2Seq> g2pModels = new LinkedHashMap<>();
        Map<String, List<int[]>> greedyOutputs = new LinkedHashMap<>();
        Table results = Table.create("Held-out words (" + testWords.size() + "), greedy decoding; GRU encoder-decoders, "
                        + "hidden " + hidden + ", " + steps + " steps of " + batch + " words",
                StringColumn.create("model"),
                Show.formatted(DoubleColumn.create("phoneme error rate"), "0.000"),
                Show.formatted(DoubleColumn.create("word error rate"), "0.000"));
        results.stringColumn("model").append("letter table (baseline)");
        results.doubleColumn("phoneme error rate").append(tablePer);
        results.doubleColumn("word error rate").append(tableWer);
        for (Seq2Seq.AttentionKind kind : Seq2Seq.AttentionKind.values()) {
            String name = switch (kind) {
                case NONE -> "no attention";
                case DOT -> "dot-product attention";
                case ADDITIVE -> "additive attention";
            };
            Seq2Seq model = Translators.train(kind, letterIds.size(), phonemeIds.size(), sources, targets,
                    hidden, steps, batch, 120);
            List<int[]> predicted = Translators.greedy(model, testSources, 5);
            g2pModels.put(name, model);
            greedyOutputs.put(name, predicted);
            results.stringColumn("model").append(name);
            results.doubleColumn("phoneme error rate").append(ErrorRates.phonemeErrorRate(predicted, references));
            results.doubleColumn("word error rate").append(ErrorRates.wordErrorRate(predicted, references));
        }
        Figures.table(results, "g2p-results");
        // end::models[]

        // tag::beam[]
        int beamWords = Math.min(testWords.size(), Scale.current().pick(100, 400));
        List<int[]> beamSources = testSources.subList(0, beamWords);
        List<int[]> beamReferences = references.subList(0, beamWords);
        int[] widths = {3, 5};
        Table beams = Table.create("Greedy against beam search, word error rate on the first " + beamWords
                        + " held-out words", StringColumn.create("model"),
                Show.formatted(DoubleColumn.create("greedy"), "0.000"));
        for (int width : widths) {
            beams.addColumns(Show.formatted(DoubleColumn.create("beam " + width), "0.000"));
        }
        for (String name : g2pModels.keySet()) {
            beams.stringColumn("model").append(name);
            beams.doubleColumn("greedy").append(ErrorRates.wordErrorRate(
                    greedyOutputs.get(name).subList(0, beamWords), beamReferences));
            for (int width : widths) {
                List<int[]> best = Translators.beam(g2pModels.get(name), beamSources, width, 5);
                beams.doubleColumn("beam " + width).append(ErrorRates.wordErrorRate(best, beamReferences));
            }
        }
        Figures.table(beams, "g2p-beam");
        // end::beam[]

        // tag::by-length[]
        XYChart byLength = Charts.xy("Words read right, by length", "letters in the word",
                "words exactly right");
        for (String name : greedyOutputs.keySet()) {
            List<Double> lengths = new ArrayList<>();
            List<Double> accuracy = new ArrayList<>();
            for (int len = 2; len <= maxLetters; len++) {
                int right = 0, total = 0;
                for (int i = 0; i < testWords.size(); i++) {
                    if (testWords.get(i).source().length == len) {
                        total++;
                        right += java.util.Arrays.equals(greedyOutputs.get(name).get(i), references.get(i)) ? 1 : 0;
                    }
                }
                if (total >= 5) {   // fewer words would make a point of noise
                    lengths.add((double) len);
                    accuracy.add((double) right / total);
                }
            }
            byLength.addSeries(name, lengths, accuracy);
        }
        Figures.show(byLength, "g2p-by-length");
        // end::by-length[]
    

        // tag::published[]
        Table published = Table.create("Word error rate on CMUdict: published against this page",
                StringColumn.create("model"), StringColumn.create("trained on"),
                Show.formatted(DoubleColumn.create("word error rate"), "0.000"));
        String cmudictTrain = "CMUdict train split, about 106,000 words";
        Object[][] papers = {
            {"joint n-gram model (Phonetisaurus), as quoted in later papers", cmudictTrain, 0.244},
            {"bidirectional LSTM encoder-decoder (Yao & Zweig 2015)", cmudictTrain, 0.2355},
            {"LSTM combined with an n-gram model (Rao et al. 2015)", cmudictTrain, 0.213},
            {"attention encoder-decoder ensemble (Toshniwal & Livescu 2016)", cmudictTrain, 0.2024}};
        for (Object[] p : papers) {
            published.stringColumn("model").append((String) p[0]);
            published.stringColumn("trained on").append((String) p[1]);
            published.doubleColumn("word error rate").append((double) p[2]);
        }
        for (int row = 0; row < results.rowCount(); row++) {
            published.stringColumn("model").append("this page: " + results.stringColumn("model").get(row));
            published.stringColumn("trained on").append(trainWords.size() + " words, " + steps * batch + " seen");
            published.doubleColumn("word error rate").append(results.doubleColumn("word error rate").get(row));
        }
        Figures.table(published, "g2p-published");
        // end::published[]

        // tag::heatmap[]
        Seq2Seq bahdanau = g2pModels.get("additive attention");
        Figures.show(attentionChart(bahdanau, letterIds, phonemeIds, "PHOTOGRAPH"), "g2p-attention-photograph");
        // end::heatmap[]

        // tag::heatmap-knights[]
        Figures.show(attentionChart(bahdanau, letterIds, phonemeIds, "KNIGHTS"), "g2p-attention-knights");
        // end::heatmap-knights[]

        // tag::bad-input[]
        for (String spelling : List.of("CAFÉ", "NAÏVE")) {
            try {
                letterIds.encode(Pronunciations.letters(spelling));
            } catch (IllegalArgumentException e) {
                System.out.println(e.getMessage());
            }
        }
        try {
            bahdanau.beamSearch(letterIds.encode(Pronunciations.letters("BEAM")), 0, 10, 1.0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        // end::bad-input[]
    }
}
