package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Reads the PyTorch reference vectors in {@code src/test/resources/reference/} (written by the scripts in
 * {@code src/test/python/}) and compares engine results with them.
 *
 * <p>Tensors in the files keep PyTorch's shapes: a 1-D tensor (a bias) becomes a (1, n) matrix, a 2-D tensor a
 * matrix, a 3-D tensor (seq, batch, features) or (layers, batch, hidden) an array of matrices.
 *
 * <p>Tolerance: {@link #TOLERANCE} = 1e-10, absolute for entries whose reference magnitude is at most 1 and
 * relative above that, i.e. |actual - expected| ≤ 1e-10 · max(1, |expected|).
 */
final class Reference {
    static final double TOLERANCE = 1e-10;

    private Reference() {
    }

    /** The JSON document {@code reference/NAME} from the test classpath. */
    static JsonObject load(String name) {
        String resource = "/reference/" + name;
        try (InputStream in = Reference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource
                        + " (write it with /usr/bin/python3 engine/src/test/python/make_reference.py)");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(r).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The objects of the array {@code key} of a document. */
    static List<JsonObject> cases(JsonObject document, String key) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : document.getAsJsonArray(key)) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /** A 1-D tensor as (1, n), or a 2-D tensor as (rows, cols). */
    static Matrix matrix(JsonElement tensor) {
        JsonArray a = tensor.getAsJsonArray();
        if (a.size() == 0 || !a.get(0).isJsonArray()) {
            return Matrix.row(vector(a));
        }
        double[][] rows = new double[a.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(a.get(i).getAsJsonArray());
        }
        return Matrix.of(rows);
    }

    /** A 3-D tensor (seq, batch, features) as {@code Matrix[]} indexed by its first dimension. */
    static Matrix[] sequence(JsonElement tensor) {
        JsonArray a = tensor.getAsJsonArray();
        Matrix[] out = new Matrix[a.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = matrix(a.get(t));
        }
        return out;
    }

    static double[] vector(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    static int[] ints(JsonElement tensor) {
        JsonArray a = tensor.getAsJsonArray();
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    /**
     * Copies the tensors of {@code values} (PyTorch state_dict names) into the module's parameters of the same
     * names; the two name sets must be equal, so a missing or misnamed parameter fails the test.
     */
    static void loadParameters(Module module, JsonObject values) {
        Map<String, Parameter> params = module.namedParameters();
        if (!params.keySet().equals(values.keySet())) {
            fail("parameter names differ: engine " + new TreeSet<>(params.keySet()) + ", PyTorch "
                    + new TreeSet<>(values.keySet()));
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            e.getValue().value().copyFrom(matrix(values.get(e.getKey())));
        }
    }

    /** Asserts shape and every entry within the tolerance; the message names the tensor and the entry. */
    static void assertClose(String what, Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.data();
        double[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double allowed = TOLERANCE * Math.max(1.0, Math.abs(e[i]));
            if (!(Math.abs(a[i] - e[i]) <= allowed)) {
                fail(what + ": entry (" + i / expected.cols() + ", " + i % expected.cols() + ") is " + a[i]
                        + ", PyTorch has " + e[i] + " (difference " + Math.abs(a[i] - e[i]) + ")");
            }
        }
    }

    static void assertClose(String what, Matrix[] expected, Matrix[] actual) {
        assertEquals(expected.length, actual.length, what + ": number of steps");
        for (int t = 0; t < expected.length; t++) {
            assertClose(what + " [" + t + "]", expected[t], actual[t]);
        }
    }

    static void assertClose(String what, double expected, double actual) {
        double allowed = TOLERANCE * Math.max(1.0, Math.abs(expected));
        if (!(Math.abs(actual - expected) <= allowed)) {
            fail(what + " is " + actual + ", PyTorch has " + expected);
        }
    }
}
