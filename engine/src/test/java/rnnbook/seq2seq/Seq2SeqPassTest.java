package rnnbook.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Embedding;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;
import tech.tablesaw.api.Table;

/**
 * A forward pass is a value: what runs between it and its backward (decoding, other passes) changes nothing; the
 * model is one {@link rnnbook.nn.Composite}, its parameters named by path, listed, saved and loaded as one file.
 */
class Seq2SeqPassTest {
    static final int[][] SOURCES = Seq2SeqGradientTest.SOURCES;
    static final int[][] TARGETS = Seq2SeqGradientTest.TARGETS;

    /** An LSTM model with additive attention: the teacher-forced decoder runs on Recurrent's fast road. */
    static Seq2Seq lstm(long seed) {
        return new Seq2Seq(7, 7, 3, 4, LstmCell::new, Seq2Seq.AttentionKind.ADDITIVE, Seq2SeqGradientTest.TOKENS,
                new Random(seed));
    }

    /** Every parameter's gradient, bit for bit. */
    static void assertSameGradients(Seq2Seq expected, Seq2Seq actual) {
        for (Map.Entry<String, Parameter> e : expected.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().grad().data(), actual.parameter(e.getKey()).grad().data(), 0.0,
                    e.getKey());
        }
    }

    /** Ratio 1: one pass over the target; ratio 0.5: the decoder steps and reads some of its own predictions. */
    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5})
    void decodingBetweenForwardAndBackwardChangesNothing(double teacherForcing) {
        Seq2Seq plain = lstm(11);
        plain.forwardBackward(SOURCES, TARGETS, teacherForcing, new Random(3));

        Seq2Seq busy = lstm(11);
        Seq2Seq.Pass pass = busy.forward(SOURCES, TARGETS, teacherForcing, new Random(3));
        busy.greedy(new int[][] {{4, 5}, {6, 3, 3, 5, 4}}, 6);
        busy.beamSearch(new int[] {5, 6, 4}, 3, 6, 0.5);
        busy.translateWithAttention(new int[] {3}, 4);
        busy.loss(new int[][] {{6}}, new int[][] {{3, 4, 5, 6, 3}});
        Seq2Seq.Pass other = busy.forward(new int[][] {{3, 3}}, new int[][] {{5}}, 0.0, new Random(9));
        busy.backward(pass);
        assertSameGradients(plain, busy);
        assertNotEquals(pass.loss(), other.loss());
    }

    /** Two passes kept at once: each backward adds the gradients of its own pass. */
    @Test
    void twoPassesDifferentiateIndependently() {
        int[][] sources2 = {{6, 5}, {4}};
        int[][] targets2 = {{3}, {5, 5}};
        Seq2Seq separate = lstm(12);
        separate.forwardBackward(SOURCES, TARGETS, 1.0, null);
        separate.forwardBackward(sources2, targets2, 1.0, null);

        Seq2Seq kept = lstm(12);
        Seq2Seq.Pass first = kept.forward(SOURCES, TARGETS, 1.0, null);
        Seq2Seq.Pass second = kept.forward(sources2, targets2, 1.0, null);
        kept.backward(first);
        kept.backward(second);
        for (Map.Entry<String, Parameter> e : separate.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().grad().data(), kept.parameter(e.getKey()).grad().data(), 1e-15,
                    e.getKey());
        }
    }

    /**
     * The whole model with additive attention against central differences (rnnbook.check), on the decoder's
     * stepping road (ratio 0.5: some inputs are its own predictions); {@link Seq2SeqGradientTest} checks ratio 1
     * (the whole-target pass) and 0. The report names every parameter by its path. The vanilla cell of
     * {@link Seq2SeqGradientTest#tiny}: an LSTM's smaller states make the query's gradient (~1e-5) too small to
     * tell from the loss's rounding at this step size.
     */
    @Test
    void wholeModelWithAttentionPassesTheGradientCheck() {
        Seq2Seq model = Seq2SeqGradientTest.tiny(Seq2Seq.AttentionKind.ADDITIVE, 13);
        model.forwardBackward(SOURCES, TARGETS, 0.5, new Random(4));
        GradientCheck.Report report = GradientCheck.check(model.parameters(),
                () -> model.forward(SOURCES, TARGETS, 0.5, new Random(4)).loss(), Seq2SeqGradientTest.EPS);
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        List<String> names = report.entries().stream().map(GradientCheck.Entry::name).toList();
        assertEquals(List.copyOf(model.namedParameters().keySet()), names);
        assertTrue(names.contains("attention.weight_query"), names::toString);
        assertTrue(names.contains("decoder.rnn.weight_hh_l0"), names::toString);
        for (Parameter p : model.parameters()) {
            assertTrue(p.grad().norm() > 0, p.path() + " got no gradient");
        }
    }

    @Test
    void partsAreNamedByPathListedAndSavedAsOneFile(@TempDir Path dir) throws Exception {
        Seq2Seq a = lstm(14);
        assertEquals(List.of("encoder.embedding.weight", "encoder.rnn.weight_ih_l0", "encoder.rnn.weight_hh_l0",
                "encoder.rnn.bias_ih_l0", "encoder.rnn.bias_hh_l0", "decoder.embedding.weight",
                "decoder.rnn.weight_ih_l0", "decoder.rnn.weight_hh_l0", "decoder.rnn.bias_ih_l0",
                "decoder.rnn.bias_hh_l0", "attention.weight_query", "attention.weight_key", "attention.bias",
                "attention.v", "out.weight", "out.bias"), List.copyOf(a.namedParameters().keySet()));
        assertEquals(List.of("encoder", "decoder", "attention", "out"), List.copyOf(a.parts().keySet()));
        Table summary = a.summary();
        assertEquals("decoder.rnn.weight_hh_l0", summary.stringColumn("parameter").get(7));
        assertEquals("(16, 4)", summary.stringColumn("shape").get(7));   // LSTM: 4 gates of hidden 4
        // by hand: embeddings 7x3 twice, LSTM 16x3 + 16x4 + 16 + 16 twice, attention 4x4 + 4x4 + 4 + 4, out 7x8 + 7
        int byHand = 2 * 21 + 2 * (48 + 64 + 32) + (16 + 16 + 8) + (56 + 7);
        assertEquals(byHand, summary.intColumn("count").get(summary.rowCount() - 1));

        Path file = dir.resolve("seq2seq.params");
        a.save(file);
        Seq2Seq b = lstm(15);
        assertNotEquals(a.loss(SOURCES, TARGETS), b.loss(SOURCES, TARGETS));
        b.load(file);
        assertEquals(a.loss(SOURCES, TARGETS), b.loss(SOURCES, TARGETS), 0.0);
        assertEquals(a.greedy(SOURCES, 5), b.greedy(SOURCES, 5));
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("RNN", (CellFactory) RnnCell::new),
                Arguments.of("LSTM", (CellFactory) LstmCell::new),
                Arguments.of("GRU", (CellFactory) GruCell::new));
    }

    /**
     * The decoder's two ways through Recurrent, the whole target at once (fast road) and one step at a time (the
     * cell's own forward), give the same states and the same gradients, bit for bit. Hidden 8 is a multiple of
     * every SIMD register's width in doubles, so both roads compute each exponential the same way (see
     * FastRoadTest).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void wholeTargetPassEqualsStepping(String name, CellFactory cell) {
        int[][] inputs = {{1, 1, 1}, {4, 6, 3}, {5, 0, 6}, {3, 0, 0}};   // time-major (steps, batch)
        Random rng = new Random(16);
        Matrix h0 = Matrix.zeros(3, 8);
        h0.mapInPlace(x -> rng.nextGaussian());
        Matrix c0 = h0.map(Math::sin);
        Matrix[] dOut = new Matrix[inputs.length];
        for (int t = 0; t < dOut.length; t++) {
            dOut[t] = h0.map(x -> rng.nextGaussian());
        }
        Decoder whole = new Decoder(new Embedding(7, 3, new Random(17)), cell.create(3, 8, new Random(18)));
        Decoder stepped = new Decoder(new Embedding(7, 3, new Random(17)), cell.create(3, 8, new Random(18)));
        State start = new State(h0, whole.cell().hasCellState() ? c0 : null);

        Decoder.Pass a = whole.forward(inputs, start);
        Decoder.Stepping s = stepped.stepping(start);
        for (int[] tokens : inputs) {
            s.step(tokens);
        }
        Decoder.Pass b = s.pass();
        for (int t = 0; t < inputs.length; t++) {
            assertArrayEquals(a.outputs()[t].data(), b.outputs()[t].data(), 0.0, "step " + t);
        }
        State dStartA = whole.backward(a, dOut);
        State dStartB = stepped.backward(b, dOut);
        assertArrayEquals(dStartA.h().data(), dStartB.h().data(), 0.0);
        for (Map.Entry<String, Parameter> e : whole.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().grad().data(), stepped.parameter(e.getKey()).grad().data(), 0.0,
                    e.getKey());
        }
    }
}
