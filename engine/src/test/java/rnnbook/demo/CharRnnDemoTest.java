package rnnbook.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.check.GradientCheck;
import rnnbook.data.LanguageModelBatches;
import rnnbook.nn.Init;
import rnnbook.nn.State;
import rnnbook.train.History;
import rnnbook.train.Progress;

class CharRnnDemoTest {

    /** Embedding, RNN, decoder and cross-entropy together, from a non-zero initial state, against differences. */
    @Test
    void wholeModelGradientMatchesNumericalGradient() {
        Random rng = new Random(21);
        CharRnn model = new CharRnn(6, 3, 4, rng);
        int[] ids = {0, 3, 5, 1, 1, 2, 4, 0, 5, 3, 2};
        LanguageModelBatches.Window window = new LanguageModelBatches(ids, 5, 2).window(0);
        State h0 = State.of(Init.uniform(2, 4, 0.5, rng));
        model.lossAndBackward(window, h0);
        GradientCheck.Report report = GradientCheck.check(model.parameters(), () -> model.loss(window, h0));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    /**
     * A tiny run on the shipped text: the first loss is close to ln V (an untrained model guesses nearly
     * uniformly), and 80 steps later the loss is clearly lower.
     */
    @Test
    void trainingReducesTheLossAtTinyScale() {
        CharRnnDemo.Config tiny = new CharRnnDemo.Config(8, 24, 16, 4, 80, 0.01, 5.0, 3);
        CharRnnDemo.Run run = CharRnnDemo.train(tiny, CharRnnDemo.corpus(), Progress.OFF);
        History h = run.history();
        assertEquals(80, h.size());
        double uniform = Math.log(run.vocabulary().size());
        assertEquals(uniform, h.losses()[0], 0.5, "first loss near ln V = " + uniform);
        double first = h.meanLoss(0, 10);
        double last = h.meanLoss(70, 80);
        assertTrue(last < first - 1.0, "loss fell from " + first + " to only " + last);
    }

    @Test
    void samplingRepeatsWithTheSeedAndStaysInTheVocabulary() {
        CharRnn model = new CharRnn(7, 3, 5, new Random(1));
        int[] a = model.sample(new int[]{2, 3}, 30, 0.8, new Random(9));
        int[] b = model.sample(new int[]{2, 3}, 30, 0.8, new Random(9));
        assertArrayEquals(a, b);
        assertEquals(30, a.length);
        for (int id : a) {
            assertTrue(id >= 0 && id < 7);
        }
        assertThrows(IllegalArgumentException.class, () -> model.sample(new int[]{1}, 5, 0.0, new Random(1)));
    }

    @Test
    void mainPrintsMilestonesAndSamplesAndWritesTheChart(@TempDir Path dir) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CharRnnDemo.main(new String[]{"--steps", "4", "--out", dir.toString()});
        } finally {
            System.setOut(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("step     4   loss"), out);
        assertTrue(out.contains("sample (temperature 0.5):\n  나는 한국 "), out);
        byte[] png = Files.readAllBytes(dir.resolve("loss.png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only loss.png, no temporary file");
        }
    }
}
