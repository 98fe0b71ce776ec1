package rnnbook.chapters.ch08;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;

class Chapter08Test {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theTagsFollowTheRulesWorkedByHand() {
        // noun, ambiguous, ambiguous, verb: the ambiguous words come before a verb, so by the right-hand rule both
        // are nouns; by the both-sides rule a noun on the left and a verb on the right disagree: verbs
        int[] words = {0, 8, 11, 4};
        assertArrayEquals(new int[] {0, 0, 0, 1}, Tagging.tags(words, false));
        assertArrayEquals(new int[] {0, 1, 1, 1}, Tagging.tags(words, true));
        // verb, ambiguous, verb: before a verb it is a noun; verb and verb agree, so a noun by both sides too
        assertArrayEquals(new int[] {1, 0, 1}, Tagging.tags(new int[] {5, 9, 6}, false));
        assertArrayEquals(new int[] {1, 0, 1}, Tagging.tags(new int[] {5, 9, 6}, true));
        // verb, ambiguous, noun: before a noun it is a verb; verb and noun disagree: a verb
        assertArrayEquals(new int[] {1, 1, 0}, Tagging.tags(new int[] {7, 10, 3}, false));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aBatchPadsWithIgnoredTagsAndSentencesEndInPlainWords() {
        Tagging.Batch b = Tagging.batch(List.of(new int[] {0, 8, 4}, new int[] {5, 1}), false);
        assertEquals(3, b.steps());
        assertEquals(2, b.size());
        assertEquals(Tagging.PAD, b.words()[2][1]);
        assertEquals(Tagging.IGNORE, b.tags()[2][1]);
        assertArrayEquals(new int[] {3, 2}, b.lengths(), "each sentence's own length");
        assertEquals(0, b.tags()[1][0]);   // ambiguous word before a verb
        for (int[] s : Tagging.corpus(200, 2, 9, new Random(1))) {
            assertTrue(s.length >= 2 && s.length <= 9, "length " + s.length);
            assertTrue(!Tagging.ambiguous(s[0]) && !Tagging.ambiguous(s[s.length - 1]), "plain words at both ends");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tagging.sentence(1, new Random(0)));
        assertTrue(e.getMessage().contains("length 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tagging.corpus(0, 4, 12, new Random(0)));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tagging.corpus(5, 9, 4, new Random(0)));
        assertTrue(e.getMessage().contains("9..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tagging.batch(List.of(), true));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Depth.meanAccuracy(2, 0.0, 10, 5, 0));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        var model = Tagging.gruTagger(4, 1, 0.0, true, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> Tagging.train(model, Tagging.corpus(3, 4, 5, new Random(0)), false, 0, 1));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tagging.gruTagger(4, 2, 1.0, true, 1));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parameterCountsFollowTheHandFormula() {
        // embedding 13 x 8; a GRU direction: 3H x in + 3H x H + two biases of 3H; head 2 x (2H) + 2
        int h = 16;
        long embed = 13 * 8;
        long layer0 = 2L * (3 * h * 8 + 3 * h * h + 6 * h);
        long upper = 2L * (3 * h * 2 * h + 3 * h * h + 6 * h);   // reads both directions: input 2H
        long head = 2 * 2 * h + 2;
        assertEquals(embed + layer0 + head, Tagging.gruTagger(h, 1, 0.0, true, 0).parameterCount());
        assertEquals(embed + layer0 + 2 * upper + head, Tagging.gruTagger(h, 3, 0.0, true, 0).parameterCount());
        long forwardOnly = embed + (3 * h * 8 + 3 * h * h + 6 * h) + 2 * h + 2;
        assertEquals(forwardOnly, Tagging.gruTagger(h, 1, 0.0, false, 0).parameterCount());
    }

    @Test
    void bidirectionalBeatsTheBestAnyLeftToRightReaderCanDo(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(FutureContext.class, dir);
        run.assertFigure("bidirectional-loss");
        Matcher m = Pattern.compile("reading left to right.*: ([\\d.]+)").matcher(run.stdout());
        assertTrue(m.find(), run.stdout());
        double ceiling = Double.parseDouble(m.group(1));
        assertTrue(ceiling > 0.7 && ceiling < 0.85, "about 40% of the words are ambiguous: " + ceiling);
        List<List<String>> rows = run.table("bidirectional-table");
        double bi = Double.parseDouble(rows.get(3).get(2));
        for (int r = 1; r <= 2; r++) {
            double uni = Double.parseDouble(rows.get(r).get(2));
            assertTrue(uni <= ceiling + 0.02, "one direction cannot beat the ceiling: " + rows.get(r));
            assertTrue(uni >= ceiling - 0.05, "but it learns the plain words: " + rows.get(r));
            assertTrue(Math.abs(Double.parseDouble(rows.get(r).get(3)) - 0.5) < 0.05,
                    "on ambiguous words it guesses: " + rows.get(r));
            assertTrue(Double.parseDouble(rows.get(r).get(4)) > uni + 0.03, "counting padding inflates: " + rows.get(r));
            assertTrue(bi > uni + 0.15, "two directions win by a clear margin: " + rows);
        }
        assertTrue(bi > 0.97, "the bidirectional tagger solves the task: " + rows.get(3));
        assertTrue(Integer.parseInt(rows.get(2).get(1)) > Integer.parseInt(rows.get(3).get(1)),
                "the wider forward model has more parameters than the bidirectional one and still loses");
    }

    @Test
    void theBackwardDirectionsLastStateSitsAtTimeZero(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(TwoDirections.class, dir);
        String shapes = run.output(TwoDirections.class, "shapes");
        assertTrue(shapes.contains("output: 4 steps, each 1 x 4"), shapes);
        assertTrue(shapes.contains("h_n:    4 states, each 1 x 2"), shapes);
        assertTrue(shapes.contains("weight_ih_l0_reverse  8 x 3"), shapes);
        assertTrue(shapes.contains("weight_ih_l1  8 x 4"), "layer 1 reads both directions: " + shapes);
        String layout = run.output(TwoDirections.class, "layout");
        assertTrue(layout.contains("forward half of output[3] is h_n[2]: true"), layout);
        assertTrue(layout.contains("backward half of output[0] is h_n[3]: true"), layout);
    }

    @Test
    void depthPaysWithDataAndDropoutRuns(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Depth.class, dir);
        run.assertFigure("depth-accuracy");
        List<List<String>> rows = run.table("depth-table");
        double[] few = new double[4];
        double[] many = new double[4];
        for (int layers = 1; layers <= 3; layers++) {
            few[layers] = Double.parseDouble(rows.get(layers).get(2));
            many[layers] = Double.parseDouble(rows.get(layers).get(3));
        }
        assertTrue(many[1] < 0.6, "one bidirectional layer cannot combine left and right: " + rows);
        assertTrue(many[2] > 0.95 && many[3] > 0.95, "two layers can, given data: " + rows);
        assertTrue(many[2] - many[1] > few[2] - few[1] + 0.2, "depth pays more with more data: " + rows);
        List<List<String>> drop = run.table("dropout-table");
        assertEquals(3, drop.size(), drop.toString());
        assertEquals(few[3], Double.parseDouble(drop.get(1).get(1)), 1e-9, "the no-dropout row is the depth run");
    }
}
