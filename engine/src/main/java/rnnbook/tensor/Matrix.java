package rnnbook.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense matrix of doubles stored row-major in one array: entry (i, j) lives at {@code data[i * cols + j]}.
 *
 * <p>Everything in the engine is built from this type. A batch of vectors is a matrix of shape (batch, features),
 * one row per example; a sequence is an array {@code Matrix[]} indexed by time, so {@code xs[t]} has shape
 * (batch, features) and the whole input has PyTorch's (seq, batch, features) layout.
 *
 * <p>Methods that return a {@code Matrix} allocate a new one and leave their operands unchanged; methods whose
 * names end in {@code InPlace} (and {@link #addMatmul}) write into {@code this} and return it. Every binary
 * operation checks shapes and names both shapes when they do not fit.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape (" + rows + ", " + cols + ")");
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    "data of length " + data.length + " does not fill shape (" + rows + ", " + cols + ")");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A (rows, cols) matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** A (rows, cols) matrix with every entry equal to {@code value}. */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = zeros(rows, cols);
        Arrays.fill(m.data, value);
        return m;
    }

    /** Wraps {@code data} (not copied) as a (rows, cols) matrix. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        return new Matrix(rows, cols, data);
    }

    /** A matrix with the given rows (copied); every row must have the same length. */
    public static Matrix of(double[]... rowValues) {
        int r = rowValues.length;
        int c = r == 0 ? 0 : rowValues[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has length " + rowValues[i].length
                        + " but row 0 has length " + c);
            }
            System.arraycopy(rowValues[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** A (1, n) row vector. */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** A (n, 1) column vector. */
    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /** The n-by-n identity. */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    /** The live backing array, row-major; writes to it change the matrix. */
    public double[] data() {
        return data;
    }

    /** The shape as PyTorch prints it, e.g. {@code (32, 128)}. */
    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    public double get(int i, int j) {
        checkIndex(i, j);
        return data[i * cols + j];
    }

    public void set(int i, int j, double value) {
        checkIndex(i, j);
        data[i * cols + j] = value;
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("index (" + i + ", " + j + ") outside shape " + shape());
        }
    }

    /** Row {@code i} as a new (1, cols) matrix. */
    public Matrix rowAt(int i) {
        checkIndex(i, 0);
        return new Matrix(1, cols, Arrays.copyOfRange(data, i * cols, (i + 1) * cols));
    }

    /** Row {@code i} copied into a new array. */
    public double[] rowArray(int i) {
        checkIndex(i, 0);
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Copies {@code source} into this matrix; shapes must match. */
    public Matrix copyFrom(Matrix source) {
        requireSameShape("copyFrom", source);
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    public Matrix fillInPlace(double value) {
        Arrays.fill(data, value);
        return this;
    }

    public Matrix zeroInPlace() {
        return fillInPlace(0.0);
    }

    // ---- products -------------------------------------------------------------------------------------------

    /** {@code this · other}: (m, k) times (k, n) gives (m, n). */
    public Matrix matmul(Matrix other) {
        requireInner("matmul", cols, other.rows, other);
        Matrix out = zeros(rows, other.cols);
        Gemm.nn(data, other.data, out.data, rows, cols, other.cols);
        return out;
    }

    /** {@code this · otherᵀ}: (m, k) times (n, k)ᵀ gives (m, n). The form of {@code x · Wᵀ} with PyTorch weights. */
    public Matrix matmulT(Matrix other) {
        requireInner("matmulT", cols, other.cols, other);
        Matrix out = zeros(rows, other.rows);
        Gemm.nt(data, other.data, out.data, rows, cols, other.rows);
        return out;
    }

    /** {@code thisᵀ · other}: (k, m)ᵀ times (k, n) gives (m, n). The form of a weight gradient {@code dYᵀ · X}. */
    public Matrix tmatmul(Matrix other) {
        requireInner("tmatmul", rows, other.rows, other);
        Matrix out = zeros(cols, other.cols);
        Gemm.tn(data, other.data, out.data, rows, cols, other.cols);
        return out;
    }

    /**
     * Accumulates a product into this matrix: {@code this += op(a) · op(b)} where op transposes when asked.
     * The hot path of every layer's forward and backward pass; nothing is allocated.
     */
    public Matrix addMatmul(Matrix a, boolean transposeA, Matrix b, boolean transposeB) {
        int m = transposeA ? a.cols : a.rows;
        int ka = transposeA ? a.rows : a.cols;
        int kb = transposeB ? b.cols : b.rows;
        int n = transposeB ? b.rows : b.cols;
        if (ka != kb) {
            throw new IllegalArgumentException("addMatmul: inner sizes differ: " + a.shape()
                    + (transposeA ? "ᵀ" : "") + " and " + b.shape() + (transposeB ? "ᵀ" : ""));
        }
        if (rows != m || cols != n) {
            throw new IllegalArgumentException("addMatmul: product has shape (" + m + ", " + n
                    + ") but the target has shape " + shape());
        }
        if (transposeA && transposeB) {
            throw new UnsupportedOperationException("addMatmul: aᵀ · bᵀ is not needed by any layer");
        } else if (transposeA) {
            Gemm.tn(a.data, b.data, data, a.rows, m, n);
        } else if (transposeB) {
            Gemm.nt(a.data, b.data, data, m, ka, n);
        } else {
            Gemm.nn(a.data, b.data, data, m, ka, n);
        }
        return this;
    }

    /** {@code this += a · b} for a B packed once for many products ({@link Packed}); nothing is allocated. */
    public Matrix addMatmul(Matrix a, Packed b) {
        if (a.cols != b.rows()) {
            throw new IllegalArgumentException("addMatmul: inner sizes differ: " + a.shape() + " and " + b.shape());
        }
        if (rows != a.rows || cols != b.cols()) {
            throw new IllegalArgumentException("addMatmul: product has shape (" + a.rows + ", " + b.cols()
                    + ") but the target has shape " + shape());
        }
        Gemm.nnPacked(a.data, b.data(), data, a.rows, a.cols, b.cols());
        return this;
    }

    public Matrix transpose() {
        Matrix out = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.data[j * rows + i] = data[i * cols + j];
            }
        }
        return out;
    }

    // ---- elementwise ----------------------------------------------------------------------------------------

    public Matrix add(Matrix other) {
        return copy().addInPlace(other);
    }

    public Matrix addInPlace(Matrix other) {
        requireSameShape("add", other);
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += o[i];
        }
        return this;
    }

    /** {@code this += alpha * other}. */
    public Matrix addScaledInPlace(double alpha, Matrix other) {
        requireSameShape("addScaled", other);
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * o[i];
        }
        return this;
    }

    public Matrix sub(Matrix other) {
        return copy().subInPlace(other);
    }

    public Matrix subInPlace(Matrix other) {
        requireSameShape("sub", other);
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] -= o[i];
        }
        return this;
    }

    /** Elementwise (Hadamard) product. */
    public Matrix mul(Matrix other) {
        return copy().mulInPlace(other);
    }

    public Matrix mulInPlace(Matrix other) {
        requireSameShape("mul", other);
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] *= o[i];
        }
        return this;
    }

    public Matrix scale(double factor) {
        return copy().scaleInPlace(factor);
    }

    public Matrix scaleInPlace(double factor) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return this;
    }

    /** Adds a (1, cols) row vector to every row: the bias broadcast of {@code x · Wᵀ + b}. */
    public Matrix addRowVector(Matrix rowVector) {
        return copy().addRowVectorInPlace(rowVector);
    }

    public Matrix addRowVectorInPlace(Matrix rowVector) {
        if (rowVector.rows != 1 || rowVector.cols != cols) {
            throw new IllegalArgumentException("addRowVector: expected a row vector of shape (1, " + cols
                    + ") for a matrix of shape " + shape() + ", got " + rowVector.shape());
        }
        for (int i = 0; i < rows; i++) {
            Pointwise.addTo(rowVector.data, 0, data, i * cols, cols);
        }
        return this;
    }

    /** The sum over rows, shape (1, cols): the gradient of a broadcast bias. */
    public Matrix sumRows() {
        Matrix out = zeros(1, cols);
        addSumRowsTo(out);
        return out;
    }

    /** {@code target += sumRows(this)} with no allocation. */
    public void addSumRowsTo(Matrix target) {
        if (target.rows != 1 || target.cols != cols) {
            throw new IllegalArgumentException("sumRows: target must have shape (1, " + cols + "), got "
                    + target.shape());
        }
        for (int i = 0; i < rows; i++) {
            Pointwise.addTo(data, i * cols, target.data, 0, cols);
        }
    }

    public Matrix map(DoubleUnaryOperator f) {
        return copy().mapInPlace(f);
    }

    public Matrix mapInPlace(DoubleUnaryOperator f) {
        for (int i = 0; i < data.length; i++) {
            data[i] = f.applyAsDouble(data[i]);
        }
        return this;
    }

    // ---- reductions -----------------------------------------------------------------------------------------

    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** Sum of squares of all entries. */
    public double sumOfSquares() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return s;
    }

    /** The Frobenius (L2) norm. */
    public double norm() {
        return Math.sqrt(sumOfSquares());
    }

    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The column index of the largest entry in each row. */
    public int[] argmaxRows() {
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int j = 1; j < cols; j++) {
                if (data[i * cols + j] > data[i * cols + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** True when every entry is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ---- shape checks ---------------------------------------------------------------------------------------

    /** Throws with both shapes named when {@code other} does not have this matrix's shape. */
    public void requireSameShape(String op, Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException(op + ": shapes differ: " + shape() + " and " + other.shape());
        }
    }

    /** Throws unless this matrix has shape (rows, cols); {@code what} names the value in the message. */
    public Matrix requireShape(String what, int expectedRows, int expectedCols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new IllegalArgumentException(what + ": expected shape (" + expectedRows + ", " + expectedCols
                    + "), got " + shape());
        }
        return this;
    }

    private void requireInner(String op, int left, int right, Matrix other) {
        if (left != right) {
            throw new IllegalArgumentException(op + ": inner sizes differ: " + shape() + " and " + other.shape());
        }
    }

    // ---- object ---------------------------------------------------------------------------------------------

    /** Exact equality of shape and every entry. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix").append(shape()).append(" [");
        int shownRows = Math.min(rows, 6);
        for (int i = 0; i < shownRows; i++) {
            sb.append(i == 0 ? "[" : ",\n  [");
            int shownCols = Math.min(cols, 8);
            for (int j = 0; j < shownCols; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(String.format("%.4f", data[i * cols + j]));
            }
            if (cols > shownCols) {
                sb.append(", ...");
            }
            sb.append(']');
        }
        if (rows > shownRows) {
            sb.append(",\n  ...");
        }
        return sb.append(']').toString();
    }
}
