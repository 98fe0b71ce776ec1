package rnnbook.tensor;

/**
 * The matrix-multiply kernels behind {@link Matrix}: {@code C += op(A) · op(B)} on row-major arrays.
 *
 * <p>Kept apart from {@code Matrix} so that the layers read like the math while the speed lives in one place.
 * The inner loop is always an "axpy" over a contiguous row of C and rows of B, which the JIT compiles to SIMD;
 * four rows of B are combined per pass so each row of C is loaded and stored a quarter as often.
 */
final class Gemm {
    private Gemm() {
    }

    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    /** C(m, n) += A(m, k) · B(k, n). */
    static void nn(double[] a, double[] b, double[] c, int m, int k, int n) {
        kernel(a, k, 1, b, c, m, k, n);
    }

    /** C(m, n) += A(k, m)ᵀ · B(k, n). */
    static void tn(double[] a, double[] b, double[] c, int k, int m, int n) {
        kernel(a, 1, m, b, c, m, k, n);
    }

    /** C(m, n) += A(m, k) · B(n, k)ᵀ. B is transposed once into scratch so the inner loop stays contiguous. */
    static void nt(double[] a, double[] b, double[] c, int m, int k, int n) {
        double[] bt = scratch(k * n);
        for (int j = 0; j < n; j++) {
            int row = j * k;
            for (int p = 0; p < k; p++) {
                bt[p * n + j] = b[row + p];
            }
        }
        kernel(a, k, 1, bt, c, m, k, n);
    }

    private static double[] scratch(int size) {
        double[] s = SCRATCH.get();
        if (s.length < size) {
            s = new double[size];
            SCRATCH.set(s);
        }
        return s;
    }

    /**
     * C(m, n) += A · B(k, n), where A's element (i, p) is {@code a[i * rowStride + p * colStride]}.
     */
    private static void kernel(double[] a, int rowStride, int colStride, double[] b, double[] c,
                               int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            int ai = i * rowStride;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                double a0 = a[ai + p * colStride];
                double a1 = a[ai + (p + 1) * colStride];
                double a2 = a[ai + (p + 2) * colStride];
                double a3 = a[ai + (p + 3) * colStride];
                int b0 = p * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                double ap = a[ai + p * colStride];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ap * b[bp + j];
                }
            }
        }
    }
}
