package rnnbook.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.tensor.Matrix;

class ParametersTest {

    @Test
    void roundTripRestoresEveryValueExactly(@TempDir Path dir) throws IOException {
        Recurrent saved = new Recurrent(new RnnCell(3, 4, new Random(1)));
        Recurrent loaded = new Recurrent(new RnnCell(3, 4, new Random(2)));
        assertNotEquals(saved.cell().namedParameters().get("weight_hh").value(),
                loaded.cell().namedParameters().get("weight_hh").value());
        Path file = dir.resolve("rnn.params");
        Parameters.save(file, saved);
        Parameters.load(file, loaded);
        for (String name : saved.namedParameters().keySet()) {
            assertEquals(saved.namedParameters().get(name).value(), loaded.namedParameters().get(name).value(), name);
        }
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"),
                List.copyOf(Parameters.read(file).keySet()));
    }

    /**
     * A file built byte by byte from the documented format, as a Python script would write it from a PyTorch
     * Linear(2, 1): weight (1, 2) = [[0.5, -2]], bias 1-D (1,) = [0.25].
     */
    @Test
    void readsTheDocumentedFormatWithOneDimensionalBiases(@TempDir Path dir) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RNNP".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(2);
        b.putInt(6).put("weight".getBytes(StandardCharsets.UTF_8)).putInt(2).putInt(1).putInt(2);
        b.putDouble(0.5).putDouble(-2.0);
        b.putInt(4).put("bias".getBytes(StandardCharsets.UTF_8)).putInt(1).putInt(1);
        b.putDouble(0.25);
        Path file = dir.resolve("linear.params");
        Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));

        Dense dense = new Dense(2, 1, new Random(0));
        Parameters.load(file, dense);
        assertArrayEquals(new double[]{0.5, -2.0}, dense.weight().value().data());
        assertArrayEquals(new double[]{0.25}, dense.bias().value().data());
        // y = 0.5 · 2 - 2 · 1 + 0.25 = -0.75
        assertEquals(-0.75, dense.forward(Matrix.row(2, 1)).get(0, 0), 1e-15);
    }

    @Test
    void writesLittleEndianAsDocumented(@TempDir Path dir) throws IOException {
        Parameter p = new Parameter("w", Matrix.row(1.5));
        Path file = dir.resolve("one.params");
        Parameters.save(file, Map.of("w", p));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 + 4 + 4 + 4 + 1 + 4 + 8 + 8, b.remaining());
        assertEquals('R', b.get());
        b.position(4);
        assertEquals(1, b.getInt());
        assertEquals(1, b.getInt());
        assertEquals(1, b.getInt());
        assertEquals('w', b.get());
        assertEquals(2, b.getInt());
        assertEquals(1, b.getInt());
        assertEquals(1, b.getInt());
        assertEquals(1.5, b.getDouble());
    }

    @Test
    void shapeMismatchSaysExpectedAndFoundAndChangesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dense.params");
        Parameters.save(file, new Dense(3, 2, new Random(1)));
        Dense other = new Dense(2, 3, new Random(2));
        Matrix before = other.weight().value().copy();
        Parameters.MismatchException e = assertThrows(Parameters.MismatchException.class,
                () -> Parameters.load(file, other));
        assertTrue(e.getMessage().contains("weight: expected (3, 2), found (2, 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("bias: expected (1, 3), found (1, 2)"), e.getMessage());
        assertEquals(before, other.weight().value(), "a failed load leaves the model as it was");
    }

    @Test
    void nameMismatchListsMissingAndUnexpectedNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cell.params");
        RnnCell cell = new RnnCell(2, 2, new Random(1));
        Parameters.save(file, cell);                       // names weight_ih, ...
        Recurrent rnn = new Recurrent(new RnnCell(2, 2, new Random(2)));   // names weight_ih_l0, ...
        Parameters.MismatchException e = assertThrows(Parameters.MismatchException.class,
                () -> Parameters.load(file, rnn));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"), e.missing());
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), e.unexpected());
        assertTrue(e.getMessage().contains("missing from the file: weight_ih_l0"), e.getMessage());
        assertTrue(e.getMessage().contains("in the file but not in the model: weight_ih"), e.getMessage());
    }

    @Test
    void notAParameterFileIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello world");
        IOException e = assertThrows(IOException.class, () -> Parameters.load(file, new Dense(1, 1, new Random(0))));
        assertTrue(e.getMessage().contains("not an rnnbook parameter file"), e.getMessage());

        Path good = dir.resolve("good.params");
        Parameters.save(good, new Dense(4, 4, new Random(0)));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.params");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        e = assertThrows(IOException.class, () -> Parameters.load(cut, new Dense(4, 4, new Random(0))));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    /** The save fails after the header and one tensor are written: the old file must survive, whole. */
    @Test
    void failedSaveLeavesThePreviousFileLoadable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.params");
        Dense original = new Dense(3, 2, new Random(1));
        Parameters.save(file, original);
        byte[] before = Files.readAllBytes(file);

        Dense newer = new Dense(3, 2, new Random(2));
        Map<String, Parameter> failing = failingAfterFirst(newer.namedParameters());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parameters.save(file, failing));
        assertEquals("disk on fire", e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        Dense restored = new Dense(3, 2, new Random(3));
        Parameters.load(file, restored);
        assertEquals(original.weight().value(), restored.weight().value());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    /** A map of two entries whose iteration throws when the second entry is reached. */
    private static Map<String, Parameter> failingAfterFirst(Map<String, Parameter> real) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Parameter>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Parameter>> iterator() {
                        Iterator<Entry<String, Parameter>> it = real.entrySet().iterator();
                        return new Iterator<>() {
                            int served;

                            @Override
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            @Override
                            public Entry<String, Parameter> next() {
                                if (served++ == 1) {
                                    throw new IllegalStateException("disk on fire");
                                }
                                return it.next();
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return real.size();
                    }
                };
            }
        };
    }
}
