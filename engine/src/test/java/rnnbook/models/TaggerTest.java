package rnnbook.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.check.GradientCheck;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Parameter;
import rnnbook.nn.Stacked;
import rnnbook.tensor.Matrix;

/**
 * The shared tagger: a padded batch with per-row lengths scores and differentiates every sentence's real words as
 * the sentence alone would (the reference is the same model run on each sentence by itself, where there is no
 * padding to get wrong), interleaved passes do not disturb each other, and the gradients pass a numerical check.
 */
@Timeout(60)
class TaggerTest {
    private static final int IGNORE = SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX;
    private static final int PAD = 0;   // an ordinary word id: only the lengths say it is padding

    private static Tagger tagger(long seed) {
        Random rng = new Random(seed);
        Embedding embed = new Embedding(7, 3, rng);
        Stacked rnn = Stacked.gru(3, 4, 2, 0.0, true, rng);
        return new Tagger(embed, rnn, new Dense(rnn.outputSize(), 3, rng));
    }

    /** One sentence as a (seq, 1) batch. */
    private static int[][] column(int[] sentence) {
        int[][] out = new int[sentence.length][1];
        for (int t = 0; t < sentence.length; t++) {
            out[t][0] = sentence[t];
        }
        return out;
    }

    private static final int[][] SENTENCES = {{1, 4, 2, 6, 3}, {5, 2, 6}, {3, 3}};
    private static final int[][] TAGS = {{0, 2, 1, 1, 0}, {2, 0, 1}, {1, 2}};
    private static final int[] LENGTHS = {5, 3, 2};

    /** Pads the sentences to 5 steps, time-major: padding gets word PAD and tag IGNORE. */
    private static int[][][] padded() {
        int[][] words = new int[5][3];
        int[][] tags = new int[5][3];
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                words[t][b] = t < LENGTHS[b] ? SENTENCES[b][t] : PAD;
                tags[t][b] = t < LENGTHS[b] ? TAGS[b][t] : IGNORE;
            }
        }
        return new int[][][] {words, tags};
    }

    private static List<double[]> grads(Tagger m) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            out.add(p.grad().data().clone());
        }
        return out;
    }

    /** Sum-reduced cross-entropy over the real words, forward and backward; returns the loss. */
    private static double sumLoss(Tagger m, int[][] words, int[][] tags, int[] lengths) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Reduction.SUM);
        Tagger.Pass pass = m.forward(words, lengths);
        SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(pass.logits(), Tagger.flat(tags));
        m.backward(pass, ce.backward(lossPass));
        return lossPass.loss();
    }

    @Test
    void paddedRowsMatchEachSentenceAlone() {
        int[][][] batch = padded();
        Tagger batched = tagger(3);
        Matrix logits = batched.logits(batch[0], LENGTHS);
        double loss = sumLoss(batched, batch[0], batch[1], LENGTHS);

        Tagger alone = tagger(3);
        double lossAlone = 0;
        for (int b = 0; b < 3; b++) {
            Matrix own = alone.logits(column(SENTENCES[b]), null);
            for (int t = 0; t < LENGTHS[b]; t++) {
                assertArrayEquals(own.rowAt(t).data(), logits.rowAt(t * 3 + b).data(), 1e-12,
                        "logits of sentence " + b + ", word " + t);
            }
            lossAlone += sumLoss(alone, column(SENTENCES[b]), column(TAGS[b]), null);
        }
        assertEquals(lossAlone, loss, 1e-12);
        List<double[]> expected = grads(alone);   // the three sentences' gradients, summed
        List<double[]> actual = grads(batched);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 1e-12, batched.parameters().get(i).path());
        }

        // without the lengths the reverse direction reads the padding first: the check above would see it
        Tagger unmasked = tagger(3);
        Matrix read = unmasked.logits(batch[0], null);
        assertTrue(read.rowAt(1).sub(logits.rowAt(1)).maxAbs() > 1e-6,
                "sentence 1's first word must depend on whether the padding after it is read");
    }

    @Test
    void gradientsPassTheNumericalCheck() {
        int[][][] batch = padded();
        Tagger m = tagger(5);
        m.zeroGrad();
        m.lossAndGradients(batch[0], batch[1], LENGTHS);
        GradientCheck.Report report = GradientCheck.check(m.parameters(), () -> {
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            return ce.forward(m.logits(batch[0], LENGTHS), Tagger.flat(batch[1]));
        });
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        // the padding word is read by no real step, so its embedding row gets no gradient
        Matrix dEmbed = m.embed().weight().grad();
        boolean padReadForReal = false;
        for (int[] s : SENTENCES) {
            for (int w : s) {
                padReadForReal |= w == PAD;
            }
        }
        assertTrue(!padReadForReal && dEmbed.rowAt(PAD).maxAbs() == 0, "row " + PAD + " of the embedding");
    }

    @Test
    void aSecondForwardDoesNotChangeTheFirstBackward() {
        int[][][] batch = padded();
        Matrix dLogits = Matrix.zeros(15, 3).mapInPlace(v -> 0.25);
        dLogits.set(4, 1, -1.0);
        Tagger direct = tagger(8);
        direct.backward(direct.forward(batch[0], LENGTHS), dLogits);

        Tagger kept = tagger(8);
        Tagger.Pass pass = kept.forward(batch[0], LENGTHS);
        kept.forward(column(new int[] {6, 5, 4, 3, 2}), null);   // another batch in between
        kept.logits(batch[0], null);
        kept.backward(pass, dLogits);
        List<double[]> expected = grads(direct);
        List<double[]> actual = grads(kept);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0.0, kept.parameters().get(i).path());
        }
    }

    @Test
    void badShapesAreNamed() {
        Random rng = new Random(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Tagger(new Embedding(5, 3, rng), Stacked.lstm(4, 2, 1, 0.0, false, rng), new Dense(2, 2, rng)));
        assertTrue(e.getMessage().contains("width 3") && e.getMessage().contains("reads 4"), e.getMessage());
        Tagger m = tagger(1);
        e = assertThrows(IllegalArgumentException.class,
                () -> m.lossAndGradients(new int[][] {{1, 2}}, new int[][] {{1}}, null));
        assertTrue(e.getMessage().contains("tags of shape (1, 1) for words of shape (1, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.logits(new int[][] {{1, 2}, {3}}, null));
        assertTrue(e.getMessage().contains("step 1 has 1 entries"), e.getMessage());
    }
}
