package rnnbook.chapters.ch09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.data.Vocabulary;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

class Chapter09Test {

    @Test
    void unitsConvertAsTheFormulasSay() {
        assertEquals(1.0, Perplexity.bits(Math.log(2)), 1e-12);          // ln 2 nats = 1 bit
        assertEquals(17.0, Perplexity.perplexity(Math.log(17)), 1e-9);   // uniform over 17 choices
        assertEquals(1.0, Perplexity.perplexity(0.0), 0);                // always sure and right
        assertEquals(8.0, Math.pow(2, Perplexity.bits(Math.log(8))), 1e-9);   // 2^bits = e^nats
    }

    @Test
    void wittenBellWorkedByHandOnATinyStream() {
        int[] abab = {0, 1, 0, 1};
        // unigram: c(a) = c(b) = 2, N = 4, T = 2 types: P(a) = (2 + 2 * 1/2) / (4 + 2) = 1/2
        var unigram = new NGram(1, 2, abab);
        assertEquals(0.5, unigram.probability(new int[]{1, 0}, 1), 1e-12);
        // bigram after a: c(a, b) = 2, c(a) = 2, T(a) = 1: P(b | a) = (2 + 1/2) / 3, P(a | a) = (0 + 1/2) / 3
        var bigram = new NGram(2, 2, abab);
        assertEquals(2.5 / 3, bigram.probability(new int[]{0, 1}, 1), 1e-12);
        assertEquals(0.5 / 3, bigram.probability(new int[]{0, 0}, 1), 1e-12);
        // the first token has no context: the unigram estimate
        assertEquals(0.5, bigram.probability(new int[]{0}, 0), 1e-12);
        // nats over the targets 1..: -(ln P(b|a) + ln P(a|b)) / 2, P(a | b): c(b, a) = 1, c(b) = 1, T(b) = 1
        double pAb = (1 + 0.5) / 2;
        assertEquals(-(Math.log(2.5 / 3) + Math.log(pAb)) / 2, bigram.nats(new int[]{0, 1, 0}), 1e-12);
    }

    @Test
    void nGramProbabilitiesSumToOneInSeenAndUnseenContexts() {
        var rng = new Random(3);
        int v = 5;
        int[] train = new int[300];
        for (int i = 0; i < train.length; i++) {
            train[i] = rng.nextInt(v - 1);          // token 4 never occurs
        }
        var trigram = new NGram(3, v, train);
        for (int[] context : new int[][]{{0, 1}, {3, 2}, {4, 4}, {1, 4}}) {
            double sum = 0;
            for (int w = 0; w < v; w++) {
                sum += trigram.probability(new int[]{context[0], context[1], w}, 2);
            }
            assertEquals(1.0, sum, 1e-12, "context " + context[0] + "," + context[1]);
        }
        assertTrue(trigram.probability(new int[]{0, 1, 4}, 2) > 0, "an unseen token keeps some probability");
    }

    @Test
    void makemoresBigramWorkedByHand() {
        // pairs of 0 1 0 1: (0,1) twice, (1,0) once; V = 3, add one to every count
        var bigram = new CountBigram(3, new int[]{0, 1, 0, 1});
        assertEquals(3.0 / 5, bigram.probability(0, 1), 1e-12);
        assertEquals(2.0 / 4, bigram.probability(1, 0), 1e-12);
        assertEquals(1.0 / 3, bigram.probability(2, 2), 1e-12);
        assertEquals(-(Math.log(3.0 / 5) + Math.log(2.0 / 4)) / 2, bigram.nats(new int[]{0, 1, 0}), 1e-12);
    }

    @Test
    void heldOutLossEqualsAStepByStepWalkThroughTheCell() {
        var lm = new TokenLm(6, 4, new LstmCell(4, 5, new Random(1)), new Random(2));
        int[] ids = {0, 3, 5, 1, 1, 2, 4, 0, 5, 3, 2};
        double walked = 0;
        State h = lm.feed(ids[0], lm.zeroState(1));
        for (int i = 1; i < ids.length; i++) {
            walked -= Math.log(lm.distribution(h, 1.0).get(0, ids[i]));
            h = lm.feed(ids[i], h);
        }
        assertEquals(walked / (ids.length - 1), lm.nats(ids, 1), 1e-10);
        // three lanes read the same targets; only the context at each lane's start differs
        double lanes = lm.nats(ids, 3);
        assertTrue(Math.abs(lanes - walked / (ids.length - 1)) < 0.5, lanes + " vs " + walked);
    }

    @Test
    void temperatureSharpensTheModelsDistribution() {
        // the draw itself is the engine's rnnbook.tensor.Sampling, tested there against hand-worked numbers
        var lm = new TokenLm(4, 3, new GruCell(3, 4, new Random(5)), new Random(6));
        State h = lm.feed(2, lm.zeroState(1));
        double cold = max(lm.distribution(h, 0.25));
        double plain = max(lm.distribution(h, 1.0));
        double hot = max(lm.distribution(h, 4.0));
        assertTrue(cold > plain && plain > hot && hot > 0.25, cold + " > " + plain + " > " + hot);
    }

    private static double max(Matrix p) {
        double m = 0;
        for (double x : p.data()) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void cosineAndPcaWorkedByHand() {
        Matrix table = Matrix.of(new double[][]{{1, 0}, {1, 1}, {0, 2}, {-3, 0}});
        assertEquals(1 / Math.sqrt(2), WordVectors.cosine(table, 0, 1), 1e-12);
        assertEquals(0.0, WordVectors.cosine(table, 0, 2), 1e-12);
        assertEquals(List.of(1, 2), WordVectors.nearest(table, 0, List.of(0, 1, 2, 3), 2));
        // three points on the line y = 2x: the first axis carries everything, distances along it are kept
        Matrix line = Matrix.of(new double[][]{{0, 0}, {1, 2}, {3, 6}});
        double[][] xy = WordVectors.pca2(line, List.of(0, 1, 2));
        for (double[] p : xy) {
            assertEquals(0.0, p[1], 1e-9);
        }
        assertEquals(Math.sqrt(5), Math.abs(xy[1][0] - xy[0][0]), 1e-9);
        assertEquals(Math.sqrt(45), Math.abs(xy[2][0] - xy[0][0]), 1e-9);
    }

    @Test
    void aGruBeatsItsCountBigramOnTheShippedNamesOverSeeds() {
        List<String> names = rnnbook.data.sets.FirstNames.of(LmData.files(rnnbook.data.sets.FirstNames.FEMALE))
                .stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
        var split = rnnbook.data.sets.Split.shuffled(names, 1, 0.9, 0.0);
        Vocabulary letters = Vocabulary.withUnknown(Names.stream(split.train()));
        int[] ids = letters.encode(Names.stream(split.train()));
        int[] heldOut = letters.encode(Names.stream(split.test()));
        double bigram = new CountBigram(letters.size(), ids).nats(heldOut);
        for (int seed = 1; seed <= 2; seed++) {
            var lm = new TokenLm(letters.size(), 8, new GruCell(8, 32, new Random(seed)), new Random(seed + 10));
            LmTraining.fit(lm, ids, heldOut, new LmTraining.Plan(16, 16, 100, 0.02, 100));
            double gru = lm.nats(heldOut, 4);
            assertTrue(gru < bigram, "seed " + seed + ": GRU " + gru + " against the bigram's " + bigram);
        }
    }

    @Test
    void aCharLstmBeatsTheCountBigramOnTheShippedMobyDickOverSeeds() {
        String moby = rnnbook.data.sets.MobyDick.text(LmData.files(rnnbook.data.sets.MobyDick.NAME));
        int cut = (int) (moby.length() * 0.9);
        Vocabulary chars = Vocabulary.withUnknown(moby.substring(0, cut));
        int[] train = chars.encode(moby.substring(0, cut));
        int[] heldOut = chars.encode(moby.substring(cut));
        double bigram = new NGram(2, chars.size(), train).nats(heldOut);
        // the chapter's CI plan, with its cosine decay of the rate, from two other initialisations
        var plan = new LmTraining.Plan(32, 16, 120, 0.02, 0.002, 120);
        assertEquals(0.02, plan.lrAt(1), 1e-15);
        assertEquals(0.002, plan.lrAt(120), 1e-15);
        assertEquals(0.002 + 0.018 * (1 + Math.cos(Math.PI * 59 / 119)) / 2, plan.lrAt(60), 1e-15);
        assertEquals(0.011, new LmTraining.Plan(32, 16, 3, 0.02, 0.002, 3).lrAt(2), 1e-15);   // halfway: the mean
        for (int seed = 3; seed <= 4; seed++) {
            var lm = new TokenLm(chars.size(), 32, new LstmCell(32, 64, new Random(seed)), new Random(seed + 10));
            LmTraining.fit(lm, train, heldOut, plan);
            double lstm = lm.nats(heldOut, 16);
            assertTrue(lstm < bigram, "seed " + seed + ": LSTM " + lstm + " nats against the bigram's " + bigram);
        }
    }

    @Test
    void unitsTableShowsUniformAtTheVocabularySizeAndPerfectAtOne(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Perplexity.class, dir);
        List<List<String>> rows = run.table("lm-units");
        Matcher v = Pattern.compile("uniform over the (\\d+) characters").matcher(rows.get(1).get(0));
        assertTrue(v.find(), rows.toString());
        assertEquals(Double.parseDouble(v.group(1)), Double.parseDouble(rows.get(1).get(3)), 0.005);
        assertEquals("1.00", rows.get(4).get(3));
        double unigram = Double.parseDouble(rows.get(2).get(3));
        assertTrue(unigram > 10 && unigram < 30, "English letter frequencies: perplexity near 17-25, got " + unigram);
        assertTrue(Double.parseDouble(rows.get(3).get(3)) < unigram, "a bigram knows more than a unigram");
    }

    @Test
    void oneHotAndLookupCountsAgreeWithHandArithmetic(@TempDir Path dir) throws Exception {
        // V = 2000, H = 128: 4 * 128 * (2000 + 128) + 8 * 128 = 1,090,560; with E = 64:
        // 2000 * 64 + 4 * 128 * (64 + 128) + 8 * 128 = 128,000 + 98,304 + 1,024 = 227,328
        assertEquals(1_090_560, OneHotVsLookup.oneHotParameters(2000, 128));
        assertEquals(227_328, OneHotVsLookup.lookupParameters(2000, 64, 128));
        ProgramRun run = ProgramRun.of(OneHotVsLookup.class, dir);
        List<List<String>> rows = run.table("lm-one-hot-vs-lookup");
        assertEquals(1_090_560, Double.parseDouble(rows.get(1).get(2)), 0);
        assertEquals(227_328, Double.parseDouble(rows.get(2).get(2)), 0);
        assertTrue(Double.parseDouble(rows.get(1).get(3)) > 0 && Double.parseDouble(rows.get(2).get(3)) > 0);
    }

    @Test
    void theLanguageModelProgramsRunAndBeatTheirWeakBaselinesAtCiScale(@TempDir Path dir) throws Exception {
        ProgramRun moby = ProgramRun.of(MobyDickLstm.class, dir);
        String ngrams = moby.output(MobyDickLstm.class, "moby-ngrams");
        Matcher bigram = Pattern.compile("2-gram: held-out ([\\d.]+)").matcher(ngrams);
        assertTrue(bigram.find(), ngrams);
        List<List<String>> table = moby.table("lm-moby-table");
        double lstm = Double.parseDouble(table.get(1).get(2));
        assertTrue(lstm < Double.parseDouble(bigram.group(1)), "LSTM " + lstm + " bits against the bigram's " + bigram.group(1));
        moby.assertFigure("lm-moby-curve");
        String samples = moby.output(MobyDickLstm.class, "moby-samples");
        assertTrue(samples.contains("T = 0.5: The whale") && samples.contains("T = 1.5: The whale"), samples);
        // a low temperature keeps to few, frequent characters; a high one reaches for rare ones
        String[] lines = samples.split("\n");
        assertTrue(lines[0].chars().distinct().count() < lines[2].chars().distinct().count(), samples);

        ProgramRun names = ProgramRun.of(Names.class, dir);
        List<List<String>> nameRows = names.table("lm-names-table");
        assertTrue(Double.parseDouble(nameRows.get(2).get(1)) < Double.parseDouble(nameRows.get(1).get(1)),
                nameRows.toString());

        ProgramRun korean = ProgramRun.of(KoreanChars.class, dir);
        String hangul = korean.output(KoreanChars.class, "korean");
        assertTrue(hangul.codePoints().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count() > 20,
                "the samples are Hangul syllables: " + hangul);

        ProgramRun words = ProgramRun.of(SotuWords.class, dir);
        assertEquals(4, words.table("lm-words-table").size());
        words.assertFigure("lm-word-map");
        assertTrue(words.table("lm-word-neighbours").size() >= 3);
    }

    @Test
    void badInputGetsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new NGram(2, 3, new int[0]));
        assertTrue(e.getMessage().contains("training stream is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NGram(2, 3, new int[]{0, 3}));
        assertTrue(e.getMessage().contains("id 3 at position 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NGram(0, 3, new int[]{0}));
        assertTrue(e.getMessage().contains("n must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CountBigram(3, new int[]{1}));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LmData.files("brown"));
        assertTrue(e.getMessage().contains("no sample of data set 'brown'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TokenLm(5, 4, new LstmCell(3, 2, new Random(0)), new Random(0)));
        assertTrue(e.getMessage().contains("reads 3 inputs but the embedding has width 4"), e.getMessage());
        var lm = new TokenLm(5, 3, new LstmCell(3, 2, new Random(0)), new Random(0));
        e = assertThrows(IllegalArgumentException.class, () -> lm.distribution(lm.zeroState(1), 0));
        assertTrue(e.getMessage().contains("temperature must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lm.sample(new int[0], 3, 1.0, new Random(0)));
        assertTrue(e.getMessage().contains("prime"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lm.nats(new int[]{1}, 2));
        assertTrue(e.getMessage().contains("at least 2 tokens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Names.stream(List.of()));
        assertTrue(e.getMessage().contains("no names"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmTraining.Plan(0, 4, 10, 0.01, 5));
        assertTrue(e.getMessage().contains("seq 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmTraining.Plan(8, 4, 10, 0.01, 0.02, 5));
        assertTrue(e.getMessage().contains("0 < finalLr <= lr") && e.getMessage().contains("finalLr 0.02"),
                e.getMessage());
        Matrix zeros = Matrix.zeros(2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> WordVectors.cosine(zeros, 0, 1));
        assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WordVectors.pca2(zeros, List.of(0)));
        assertTrue(e.getMessage().contains("at least 2 rows"), e.getMessage());
    }
}
