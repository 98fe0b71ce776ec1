package rnnbook.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Saves and loads parameters by their PyTorch names ({@link Module#namedParameters()}), so a file can be written
 * from a PyTorch {@code state_dict} and loaded here, and the other way round.
 *
 * <h2>Format, version 1</h2>
 * Every number is <b>little-endian</b> (Python's {@code struct} format {@code '<'}):
 * <pre>
 *   magic     4 bytes   ASCII "RNNP"
 *   version   int32     1
 *   count     int32     number of tensors
 *   then, per tensor:
 *     nameLen int32     length of the name in bytes
 *     name    nameLen bytes of UTF-8, e.g. "rnn.weight_ih_l0"
 *     rank    int32     1 or 2
 *     dims    rank × int32
 *     data    (product of dims) × float64, row-major (C order)
 * </pre>
 * The engine writes every tensor with rank 2, as its matrices are. On load, a rank-1 tensor of length n fills a
 * (1, n) parameter: PyTorch's biases are 1-D. See {@code engine/FORMAT.md} for a Python writer.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Saving is atomic: the bytes go to a temporary file in the target's folder, which is then moved over the
 *       target with {@code ATOMIC_MOVE}. A save that fails half-way leaves the previous file as it was.</li>
 *   <li>Loading checks the whole file against the module before changing anything: names missing from the file,
 *       names the module does not have, and shapes that differ are all reported in one
 *       {@link MismatchException}, and the module keeps its values.</li>
 * </ul>
 */
public final class Parameters {
    static final byte[] MAGIC = {'R', 'N', 'N', 'P'};
    public static final int VERSION = 1;

    private Parameters() {
    }

    /** The names, shapes or both of a file do not fit the module it is loaded into. */
    public static final class MismatchException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> missing;
        private final List<String> unexpected;
        private final List<String> shapeMismatches;

        MismatchException(Path file, List<String> missing, List<String> unexpected, List<String> shapes) {
            super(message(file, missing, unexpected, shapes));
            this.missing = List.copyOf(missing);
            this.unexpected = List.copyOf(unexpected);
            this.shapeMismatches = List.copyOf(shapes);
        }

        private static String message(Path file, List<String> missing, List<String> unexpected,
                                      List<String> shapes) {
            StringBuilder sb = new StringBuilder("parameters in " + file + " do not match the model:");
            if (!missing.isEmpty()) {
                sb.append("\n  missing from the file: ").append(String.join(", ", missing));
            }
            if (!unexpected.isEmpty()) {
                sb.append("\n  in the file but not in the model: ").append(String.join(", ", unexpected));
            }
            for (String s : shapes) {
                sb.append("\n  ").append(s);
            }
            return sb.toString();
        }

        /** Names the model has and the file lacks. */
        public List<String> missing() {
            return missing;
        }

        /** Names the file has and the model lacks. */
        public List<String> unexpected() {
            return unexpected;
        }

        /** One line per tensor whose shape differs, e.g. "weight: expected (4, 3), found (3, 4)". */
        public List<String> shapeMismatches() {
            return shapeMismatches;
        }
    }

    /** A tensor as read from a file: its dims as stored and its values. */
    public record Tensor(int[] dims, double[] data) {
        String shape() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < dims.length; i++) {
                sb.append(i > 0 ? ", " : "").append(dims[i]);
            }
            return sb.append(dims.length == 1 ? ",)" : ")").toString();
        }

        /** True when this tensor can fill a parameter of shape (rows, cols): equal, or 1-D n for (1, n). */
        boolean fits(Matrix m) {
            if (dims.length == 2) {
                return dims[0] == m.rows() && dims[1] == m.cols();
            }
            return dims.length == 1 && m.rows() == 1 && dims[0] == m.cols();
        }
    }

    /** Saves every parameter of {@code module} under its name. */
    public static void save(Path file, Module module) throws IOException {
        save(file, module.namedParameters());
    }

    /** Saves the given parameters under the given names, atomically. */
    public static void save(Path file, Map<String, Parameter> named) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(new BufferedOutputStream(out), named);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void write(OutputStream raw, Map<String, Parameter> named) throws IOException {
        DataOutputStream out = new DataOutputStream(raw);
        out.write(MAGIC);
        writeInt(out, VERSION);
        writeInt(out, named.size());
        ByteBuffer buffer = ByteBuffer.allocate(8 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            Matrix value = e.getValue().value();
            writeInt(out, name.length);
            out.write(name);
            writeInt(out, 2);
            writeInt(out, value.rows());
            writeInt(out, value.cols());
            for (double v : value.data()) {
                if (buffer.remaining() < 8) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putDouble(v);
            }
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        out.flush();
    }

    private static void writeInt(DataOutputStream out, int v) throws IOException {
        out.writeInt(Integer.reverseBytes(v));   // DataOutputStream is big-endian; the format is little-endian
    }

    /** Reads every tensor of a file, in file order, without a module to check against. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[4];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not an rnnbook parameter file: it starts with bytes "
                        + java.util.Arrays.toString(magic) + ", expected \"RNNP\"");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IOException(file + " has format version " + version + "; this engine reads version "
                        + VERSION);
            }
            int count = in.getInt();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                byte[] name = new byte[checkedLength(in.getInt(), in.remaining(), file, "name of tensor " + k)];
                in.get(name);
                String key = new String(name, StandardCharsets.UTF_8);
                int rank = in.getInt();
                if (rank < 1 || rank > 2) {
                    throw new IOException(file + ": tensor " + key + " has rank " + rank
                            + "; only rank 1 and 2 are supported");
                }
                int[] dims = new int[rank];
                long n = 1;
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.getInt();
                    if (dims[d] < 0) {
                        throw new IOException(file + ": tensor " + key + " has a negative size " + dims[d]);
                    }
                    n *= dims[d];
                }
                if (n * 8 > in.remaining()) {
                    throw new IOException(file + " is truncated: tensor " + key + " needs " + n * 8
                            + " bytes of data, " + in.remaining() + " remain");
                }
                double[] data = new double[(int) n];
                in.asDoubleBuffer().get(data);
                in.position(in.position() + data.length * 8);
                if (out.put(key, new Tensor(dims, data)) != null) {
                    throw new IOException(file + " holds tensor " + key + " twice");
                }
            }
            if (in.hasRemaining()) {
                throw new IOException(file + " has " + in.remaining() + " bytes after its last tensor");
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(file + " is truncated (it ends in the middle of a tensor header)", e);
        }
    }

    private static int checkedLength(int length, int remaining, Path file, String what) throws IOException {
        if (length < 0 || length > remaining) {
            throw new IOException(file + " is damaged: the " + what + " claims " + length + " bytes, "
                    + remaining + " remain");
        }
        return length;
    }

    /** Loads a file into {@code module}'s parameters by name; nothing changes unless every name and shape fits. */
    public static void load(Path file, Module module) throws IOException {
        load(file, module.namedParameters());
    }

    public static void load(Path file, Map<String, Parameter> named) throws IOException {
        Map<String, Tensor> tensors = read(file);
        List<String> missing = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            Matrix value = e.getValue().value();
            if (t == null) {
                missing.add(e.getKey());
            } else if (!t.fits(value)) {
                shapes.add(e.getKey() + ": expected " + value.shape() + ", found " + t.shape());
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (!named.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !shapes.isEmpty()) {
            throw new MismatchException(file, missing, unexpected, shapes);
        }
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            double[] source = tensors.get(e.getKey()).data();
            System.arraycopy(source, 0, e.getValue().value().data(), 0, source.length);
        }
    }
}
