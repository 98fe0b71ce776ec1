package rnnbook.runner.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds what the running hidden test recorded ({@link rnnbook.runner.Record}). Values are copied into plain
 * {@code double[]} at once, so nothing the submission keeps a reference to can change them later; only exact JDK
 * types and the engine's final {@code Matrix} are read, so no submitted code runs here.
 */
public final class Recorder {
    static final int MAX_NAMES = 64;
    static final int MAX_VALUES = 4096;

    /** A recorded value: (rows, cols, row-major data); {@code problem} is non-null when it is unusable. */
    record Value(int rows, int cols, double[] data, double tolerance, String problem) {
    }

    private static final Map<String, Value> VALUES = new LinkedHashMap<>();
    private static String problem;
    private static boolean open;
    /** The loader of this exercise's copy of the engine: only its Matrix is read. */
    private static ClassLoader engine;

    private Recorder() {
    }

    static synchronized void useEngine(ClassLoader loader) {
        engine = loader;
    }

    static synchronized void begin() {
        VALUES.clear();
        problem = null;
        open = true;
    }

    /** What the test recorded; a problem (a name recorded twice, too many names) is reported as {@code "!"}. */
    static synchronized Map<String, Value> end() {
        open = false;
        Map<String, Value> out = new LinkedHashMap<>(VALUES);
        if (problem != null) {
            out.put("!", new Value(0, 0, new double[0], 0, problem));
        }
        VALUES.clear();
        return out;
    }

    public static synchronized void record(String name, Object value, double tolerance) {
        if (!open) {
            return;
        }
        if (name == null || name.isEmpty() || name.length() > 80 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                || name.equals("!")) {
            problem = "a value was recorded under an invalid name";
        } else if (VALUES.containsKey(name)) {
            problem = "the value " + name + " was recorded twice";
        } else if (VALUES.size() >= MAX_NAMES) {
            problem = "too many values were recorded";
        } else {
            VALUES.put(name, convert(value, tolerance));
        }
    }

    public static synchronized void recordShape(String name, Object matrix) {
        if (matrix == null) {
            record(name, null, 0);
            return;
        }
        Value v = convert(matrix, 0);
        record(name, v.problem() != null ? matrix : new int[] {v.rows(), v.cols()}, 0);
    }

    private static Value convert(Object v, double tol) {
        if (v == null) {
            return new Value(-1, -1, new double[0], tol, "missing");
        }
        Class<?> c = v.getClass();
        if (c == Double.class) {
            return one((Double) v, tol);
        }
        if (c == Integer.class) {
            return one((Integer) v, tol);
        }
        if (c == Long.class) {
            return one((Long) v, tol);
        }
        if (c == Boolean.class) {
            return one((Boolean) v ? 1 : 0, tol);
        }
        if (c == double[].class) {
            return row(((double[]) v).clone(), tol);
        }
        if (c == int[].class) {
            return row(java.util.Arrays.stream((int[]) v).asDoubleStream().toArray(), tol);
        }
        if (c == long[].class) {
            return row(java.util.Arrays.stream((long[]) v).asDoubleStream().toArray(), tol);
        }
        if (c == int[][].class) {
            int[][] m = (int[][]) v;
            double[][] d = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                d[i] = m[i] == null ? null : java.util.Arrays.stream(m[i]).asDoubleStream().toArray();
            }
            v = d;
            c = double[][].class;
        }
        if (c == double[][].class) {
            double[][] m = (double[][]) v;
            if (m.length > MAX_VALUES) {
                return new Value(-1, -1, new double[0], tol, "large");
            }
            int cols = m.length == 0 ? 0 : m[0] == null ? -1 : m[0].length;
            if ((long) m.length * Math.max(cols, 0) > MAX_VALUES) {
                return new Value(-1, -1, new double[0], tol, "large");
            }
            double[] data = new double[Math.max(0, m.length * Math.max(cols, 0))];
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null || m[i].length != cols) {
                    return new Value(-1, -1, new double[0], tol, "ragged");
                }
                System.arraycopy(m[i], 0, data, i * cols, cols);
            }
            return sized(m.length, cols, data, tol);
        }
        if (c.getName().equals("rnnbook.tensor.Matrix") && engine != null && c.getClassLoader() == engine) {
            try {
                int rows = (int) c.getMethod("rows").invoke(v);
                int cols = (int) c.getMethod("cols").invoke(v);
                double[] data = ((double[]) c.getMethod("data").invoke(v)).clone();
                return sized(rows, cols, data, tol);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Value(-1, -1, new double[0], tol, "unreadable");
            }
        }
        return new Value(-1, -1, new double[0], tol, "type");
    }

    private static Value one(double v, double tol) {
        return new Value(1, 1, new double[] {v}, tol, null);
    }

    private static Value row(double[] d, double tol) {
        return sized(1, d.length, d, tol);
    }

    private static Value sized(int rows, int cols, double[] data, double tol) {
        if (data.length > MAX_VALUES || data.length != (long) rows * cols) {
            return new Value(-1, -1, new double[0], tol, "large");
        }
        return new Value(rows, cols, data, tol, null);
    }
}
