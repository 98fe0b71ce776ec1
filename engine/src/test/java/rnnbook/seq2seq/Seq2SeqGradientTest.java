package rnnbook.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rnnbook.check.GradientCheck;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.RnnCell;
import rnnbook.variants.ClockworkCell;
import rnnbook.variants.CoupledLstmCell;
import rnnbook.variants.PeepholeLstmCell;

/** The whole model against central differences, with ragged (padded) sources and targets. */
class Seq2SeqGradientTest {
    static final Seq2Seq.Tokens TOKENS = new Seq2Seq.Tokens(0, 1, 2);
    static final int[][] SOURCES = {{3, 4, 5, 6}, {5, 3}, {6, 6, 4}};
    static final int[][] TARGETS = {{4, 3}, {6, 5, 4, 3}, {}};
    /**
     * The attention parameters' gradients are small (norm ~1e-3) against a loss of ~2, so the default step's
     * rounding error (~1e-16 * 2 / 1e-6) would dominate; 1e-5 balances rounding against the O(ε²) truncation.
     */
    static final double EPS = 1e-5;

    /**
     * A tiny model. The additive attention's W_q, W_k, b and v are scaled up: the gradients of the query and of b
     * flow only through tanh's curvature (Σ_s de_s = 0 cancels the linear part), so at the default small init they
     * are ~1e-4 and hard to tell from the loss's rounding (~2e-11 at this step); in tanh's curved range, with
     * sharper scores, they are not.
     */
    static Seq2Seq tiny(Seq2Seq.AttentionKind kind, long seed) {
        Seq2Seq model = new Seq2Seq(7, 7, 3, 4, RnnCell::new, kind, TOKENS, new Random(seed));
        if (kind == Seq2Seq.AttentionKind.ADDITIVE) {
            model.namedParameters().get("attention.weight_query").value().scaleInPlace(4);
            model.namedParameters().get("attention.weight_key").value().scaleInPlace(4);
            model.namedParameters().get("attention.bias").value().scaleInPlace(4);
            model.namedParameters().get("attention.v").value().scaleInPlace(4);
        }
        return model;
    }

    @ParameterizedTest
    @EnumSource(Seq2Seq.AttentionKind.class)
    void teacherForcedGradientsMatch(Seq2Seq.AttentionKind kind) {
        Seq2Seq model = tiny(kind, 1);
        model.forwardBackward(SOURCES, TARGETS, 1.0, null);
        GradientCheck.Report report = GradientCheck.check(model.parameters(), () -> model.loss(SOURCES, TARGETS), EPS);
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        // the padding rows of the source embedding table (id 0) never get a gradient
        assertEquals(0.0, model.namedParameters().get("encoder.embedding.weight").grad().rowAt(0).maxAbs(), 0.0);
        assertTrue(model.namedParameters().get("encoder.rnn.weight_hh_l0").grad().norm() > 0);
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("LSTM", (CellFactory) LstmCell::new),
                Arguments.of("GRU", (CellFactory) GruCell::new),
                Arguments.of("peephole", (CellFactory) PeepholeLstmCell::new),
                Arguments.of("coupled", (CellFactory) CoupledLstmCell::new),
                Arguments.of("clockwork", (CellFactory) (in, hidden, rng) -> new ClockworkCell(in, hidden, 2, rng)));
    }

    /** The same model over every other cell, with attention, padding and a check of the padding invariance. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void anyCellWorks(String name, CellFactory cell) {
        Seq2Seq model = new Seq2Seq(7, 7, 3, 4, cell, Seq2Seq.AttentionKind.DOT, TOKENS, new Random(6));
        model.forwardBackward(SOURCES, TARGETS, 1.0, null);
        GradientCheck.Report report = GradientCheck.check(model.parameters(), () -> model.loss(SOURCES, TARGETS),
                EPS);
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        double weighted = 0;
        int tokens = 0;
        for (int b = 0; b < SOURCES.length; b++) {
            int n = TARGETS[b].length + 1;
            weighted += n * model.loss(new int[][] {SOURCES[b]}, new int[][] {TARGETS[b]});
            tokens += n;
        }
        assertEquals(weighted / tokens, model.loss(SOURCES, TARGETS), 1e-12);
    }

    /** Without teacher forcing the inputs are the model's own argmax: piecewise constant, so still checkable. */
    @Test
    void freeRunningGradientsMatch() {
        Seq2Seq model = tiny(Seq2Seq.AttentionKind.ADDITIVE, 2);
        model.forwardBackward(SOURCES, TARGETS, 0.0, new Random(0));
        GradientCheck.Report report = GradientCheck.check(model.parameters(),
                () -> model.forward(SOURCES, TARGETS, 0.0, new Random(0)).loss(), EPS);
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    /**
     * Padding costs nothing: the loss of a padded batch is the token-weighted mean of each pair's loss alone
     * (a pair's token count is its target length + 1 for EOS).
     */
    @ParameterizedTest
    @EnumSource(Seq2Seq.AttentionKind.class)
    void batchLossIsTokenWeightedMeanOfSingleLosses(Seq2Seq.AttentionKind kind) {
        Seq2Seq model = tiny(kind, 3);
        double weighted = 0;
        int tokens = 0;
        for (int b = 0; b < SOURCES.length; b++) {
            int n = TARGETS[b].length + 1;
            weighted += n * model.loss(new int[][] {SOURCES[b]}, new int[][] {TARGETS[b]});
            tokens += n;
        }
        assertEquals(weighted / tokens, model.loss(SOURCES, TARGETS), 1e-12);
    }

    /** With ratio 0 the decoder reads its own guesses, so an untrained model's loss differs from ratio 1. */
    @Test
    void teacherForcingRatioChangesTheInputs() {
        Seq2Seq model = tiny(Seq2Seq.AttentionKind.DOT, 7);
        double forced = model.loss(SOURCES, TARGETS);
        double free = model.forward(SOURCES, TARGETS, 0.0, new Random(1)).loss();
        assertTrue(Math.abs(forced - free) > 1e-6, forced + " vs " + free);
        // with ratio 1 the random source is never consulted: same loss whatever the seed
        assertEquals(forced, model.forward(SOURCES, TARGETS, 1.0, new Random(2)).loss(), 0.0);
    }

    /** A padded row's final encoder state is its state after its own last token; padding outputs are zero. */
    @Test
    void encoderSkipsPadding() {
        Random rng = new Random(8);
        Encoder encoder = new Encoder(new rnnbook.nn.Embedding(7, 3, rng), new LstmCell(3, 4, rng));
        Encoder.Output both = encoder.forward(new int[][] {{3, 4, 5, 6}, {5, 3}}, 0);
        Encoder.Output alone = encoder.forward(new int[][] {{5, 3}}, 0);
        assertEquals(alone.last().h().rowAt(0), both.last().h().rowAt(1));
        assertEquals(alone.last().c().rowAt(0), both.last().c().rowAt(1));
        assertEquals(0.0, both.outputs()[2].rowAt(1).maxAbs(), 0.0);
        assertEquals(0.0, both.outputs()[3].rowAt(1).maxAbs(), 0.0);
        assertTrue(both.outputs()[3].rowAt(0).maxAbs() > 0);
    }

    @Test
    void attentionWeightsIgnoreSourcePadding() {
        Seq2Seq model = tiny(Seq2Seq.AttentionKind.DOT, 4);
        Seq2Seq.Pass pass = model.forward(SOURCES, TARGETS, 1.0, null);
        assertEquals(5, pass.attentionWeights().size());   // longest target 4 + EOS
        for (var w : pass.attentionWeights()) {
            assertEquals(4, w.rows());
            assertEquals(0.0, w.get(2, 1), 0.0);   // source 1 has length 2
            assertEquals(0.0, w.get(3, 2), 0.0);   // source 2 has length 3
            assertEquals(1.0, w.get(0, 1) + w.get(1, 1), 1e-12);
        }
    }

    @Test
    void badInputIsNamed() {
        Seq2Seq model = tiny(Seq2Seq.AttentionKind.NONE, 5);
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class,
                () -> model.forwardBackward(SOURCES, TARGETS, 1.5, new Random(0)));
        assertTrue(ratio.getMessage().contains("[0, 1], got 1.5"), ratio.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> model.loss(SOURCES, new int[][] {{3}}));
        assertTrue(count.getMessage().contains("3 sources but 1 targets"), count.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> model.loss(new int[][] {{3}, {}}, new int[][] {{3}, {4}}));
        assertTrue(empty.getMessage().contains("sequence 1 is empty"), empty.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> model.beamSearch(new int[] {3, 4}, 0, 5, 0));
        assertTrue(width.getMessage().contains("at least 1, got 0"), width.getMessage());
        IllegalArgumentException cells = assertThrows(IllegalArgumentException.class,
                () -> new Seq2Seq(new Encoder(new rnnbook.nn.Embedding(5, 3, new Random(0)),
                        new RnnCell(3, 4, new Random(0))), new Decoder(new rnnbook.nn.Embedding(5, 3, new Random(0)),
                        new RnnCell(3, 6, new Random(0))), null, new rnnbook.nn.Dense(6, 5, new Random(0)), TOKENS));
        assertTrue(cells.getMessage().contains("encoder hidden 4"), cells.getMessage());
        assertTrue(cells.getMessage().contains("decoder hidden 6"), cells.getMessage());
        IllegalArgumentException pad = assertThrows(IllegalArgumentException.class,
                () -> new Seq2Seq(7, 7, 3, 4, RnnCell::new, Seq2Seq.AttentionKind.NONE, new Seq2Seq.Tokens(-1, 1, 2),
                        new Random(0)));
        assertTrue(pad.getMessage().contains("padding token id -1 must be a row of the embedding tables, 0..6"),
                pad.getMessage());
    }
}
