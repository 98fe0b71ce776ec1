package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.check.GradientCheck;
import rnnbook.io.Parameters;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;
import rnnbook.train.Trainer;
import rnnbook.train.TrainingDivergedException;
import tech.tablesaw.api.Table;

/** Models made of named parts: paths, summary, one file, and errors that name a parameter by its path. */
class CompositeTest {

    /** A two-level model: an LSTM encoder, and a decoder that is itself made of a GRU and a read-out. */
    static final class Decoder extends Composite {
        final Recurrent rnn;
        final Dense out;

        Decoder(int hidden, Random rng) {
            rnn = register("rnn", new Recurrent(new GruCell(hidden, hidden, rng)));
            out = register("out", new Dense(hidden, 2, rng));
        }
    }

    static final class Model extends Composite {
        final Stacked encoder;
        final Decoder decoder;

        Model(int input, int hidden, Random rng) {
            encoder = register("encoder", Stacked.lstm(input, hidden, 1, 0.0, false, rng));
            decoder = register("decoder", new Decoder(hidden, rng));
        }
    }

    @Test
    void parametersAreNamedByTheirPath() {
        Model m = new Model(3, 4, new Random(1));
        assertEquals(List.of("encoder.weight_ih_l0", "encoder.weight_hh_l0", "encoder.bias_ih_l0",
                "encoder.bias_hh_l0", "decoder.rnn.weight_ih_l0", "decoder.rnn.weight_hh_l0", "decoder.rnn.bias_ih_l0",
                "decoder.rnn.bias_hh_l0", "decoder.out.weight", "decoder.out.bias"),
                List.copyOf(m.namedParameters().keySet()));
        for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
            assertEquals(e.getKey(), e.getValue().path(), "the parameter knows its path");
        }
        assertSame(m.decoder.out.weight(), m.parameter("decoder.out.weight"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.parameter("decoder.weight"));
        assertTrue(e.getMessage().contains("decoder.out.weight"), e.getMessage());   // lists what there is
    }

    @Test
    void badPartNamesAreRefused() {
        class Twice extends Composite {
            Twice(String second) {
                register("head", new Dense(2, 2, new Random(0)));
                register(second, new Dense(2, 2, new Random(0)));
            }
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Twice("head")).getMessage()
                .contains("already has a part named head"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Twice("a.b")).getMessage()
                .contains("no dot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Twice("")).getMessage()
                .contains("non-empty"));
    }

    /** Shapes and counts worked out by hand from PyTorch's layouts: LSTM 4·hidden rows, GRU 3·hidden. */
    @Test
    void summaryListsShapesAndCounts() {
        Model m = new Model(3, 4, new Random(1));
        Table t = m.summary();
        assertEquals(11, t.rowCount());
        assertEquals("encoder.weight_ih_l0", t.stringColumn("parameter").get(0));
        assertEquals("(16, 3)", t.stringColumn("shape").get(0));
        assertEquals(48, t.intColumn("count").get(0));
        assertEquals("(12, 4)", t.stringColumn("shape").get(4));   // decoder.rnn.weight_ih_l0
        assertEquals("total", t.stringColumn("parameter").get(10));
        int byHand = (16 * 3 + 16 * 4 + 16 + 16) + (12 * 4 + 12 * 4 + 12 + 12) + (2 * 4 + 2);
        assertEquals(byHand, t.intColumn("count").get(10));
        assertEquals(byHand, m.parameterCount());
        assertTrue(t.print().contains("decoder.out.bias"), t.print());
    }

    @Test
    void savedAndLoadedAsOneFile(@TempDir Path dir) throws Exception {
        Model a = new Model(3, 4, new Random(1));
        Model b = new Model(3, 4, new Random(2));
        Path file = dir.resolve("model.params");
        a.save(file);
        assertEquals(List.of("model.params"), list(dir), "no temporary file is left behind");
        assertNotEquals(a.decoder.out.weight().value().get(0, 0), b.decoder.out.weight().value().get(0, 0));
        b.load(file);
        for (String path : a.namedParameters().keySet()) {
            assertArrayEquals(a.parameter(path).value().data(), b.parameter(path).value().data(), 0.0, path);
        }
        assertEquals(a.namedParameters().keySet(), Parameters.read(file).keySet(), "the file holds the paths");
    }

    @Test
    void aMismatchNamesThePathAndBothShapes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.params");
        new Model(3, 4, new Random(1)).save(file);
        Model other = new Model(5, 4, new Random(2));
        double before = other.encoder.namedParameters().get("weight_ih_l0").value().get(0, 0);
        Parameters.MismatchException e = assertThrows(Parameters.MismatchException.class, () -> other.load(file));
        assertTrue(e.getMessage().contains("encoder.weight_ih_l0: expected (16, 5), found (16, 3)"), e.getMessage());
        assertEquals(before, other.encoder.namedParameters().get("weight_ih_l0").value().get(0, 0), 0.0,
                "nothing was loaded");
    }

    /** A diverged step names the parameter by its path, also when the Trainer was given only the optimiser. */
    @Test
    void trainingErrorsNameThePath() {
        Model m = new Model(3, 4, new Random(1));
        Trainer trainer = new Trainer(new Sgd(m.parameters(), 0.1)).quiet();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(1, step -> {
            m.decoder.rnn.namedParameters().get("weight_hh_l0").grad().set(1, 2, Double.NaN);
            return 1.0;
        }));
        assertTrue(e.getMessage().contains("decoder.rnn.weight_hh_l0"), e.getMessage());
    }

    /** nn.Sequential: parts named by position, forward in order, backward in reverse (checked numerically). */
    @Test
    void sequentialChainsLayers() {
        Random rng = new Random(4);
        Sequential net = Sequential.of(new Dense(3, 5, rng), new ActivationLayer(Activation.TANH), new Dense(5, 2, rng));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(net.namedParameters().keySet()));
        Matrix x = Init.uniform(4, 3, 1.0, rng);
        Matrix r = Init.uniform(4, 2, 1.0, rng);
        net.zeroGrad();
        net.backward(net.forwardPass(x), r);
        GradientCheck.Report report = GradientCheck.check(net.parameters(), () -> net.forward(x).mul(r).sum());
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        assertEquals("0.weight", report.entries().get(0).name(), "the check names parameters by path");
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
