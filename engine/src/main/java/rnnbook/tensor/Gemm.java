package rnnbook.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The matrix-multiply kernels behind {@link Matrix}: {@code C += op(A) · op(B)} on row-major arrays.
 *
 * <p>Kept apart from {@code Matrix} so that the layers read like the math while the speed lives in one place.
 * Three things make it fast on the JVM, each measured with {@code ./book bench Gemm}:
 * <ol>
 *   <li><b>Rows of B are packed into their own arrays</b> (transposed on the way for {@code A · Bᵀ}), and each
 *       output row is accumulated in a freshly allocated row. With every inner loop running over whole arrays
 *       from index 0, HotSpot's C2 compiler turns it into SIMD code; over rows addressed at variable offsets
 *       inside one big array (the obvious loop) it stays scalar, at a third of the speed.</li>
 *   <li><b>Register blocking</b>: two rows of C are updated from four rows of B per pass ({@code c += a·b} for
 *       eight scalars of A), so each loaded element of B serves two rows and each row of C is loaded and
 *       stored a quarter as often as with one row of B at a time.</li>
 *   <li><b>Two cores</b>: products of at least {@link #PARALLEL_FLOPS} floating-point operations are split by
 *       rows of C between the calling thread and the common fork-join pool
 *       ({@code -Drnnbook.gemm.threads=1} turns this off).</li>
 * </ol>
 * The sum for each element is formed in the same order as the plain triple loop with k unrolled by four, so
 * results do not depend on the blocking or on the split between threads.
 */
final class Gemm {
    private Gemm() {
    }

    /** Products with at least this many flops (2·m·k·n) are split over two threads; below, forking costs more. */
    static final long PARALLEL_FLOPS = 1L << 19;

    /** {@code -Drnnbook.gemm.threads=1} keeps every product on the calling thread (to measure one core). */
    private static final boolean PARALLEL = Integer.getInteger("rnnbook.gemm.threads", 2) > 1;

    /** The most bytes of packed B rows one pass of the kernel streams (half of this machine's 2 MB L2). */
    static final long PANEL_BYTES = 1L << 20;

    /** Per-thread buffer of packed rows of B, grown as needed and reused so each product allocates little. */
    private static final ThreadLocal<double[][]> PACKED = ThreadLocal.withInitial(() -> new double[0][0]);

    /** C(m, n) += A(m, k) · B(k, n). */
    static void nn(double[] a, double[] b, double[] c, int m, int k, int n) {
        double[][] rows = buffer(k, n);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, rows[p], 0, n);
        }
        run(a, k, 1, rows, c, m, k, n);
    }

    /** C(m, n) += A(k, m)ᵀ · B(k, n). */
    static void tn(double[] a, double[] b, double[] c, int k, int m, int n) {
        double[][] rows = buffer(k, n);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, rows[p], 0, n);
        }
        run(a, 1, m, rows, c, m, k, n);
    }

    /** C(m, n) += A(m, k) · B(n, k)ᵀ. Row p of the packed Bᵀ is column p of B. */
    static void nt(double[] a, double[] b, double[] c, int m, int k, int n) {
        double[][] rows = buffer(k, n);
        // transposed in strips of eight rows of B: eight sequential reads feed eight adjacent writes
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int b0 = j * k;
            for (int p = 0; p < k; p++) {
                double[] row = rows[p];
                row[j] = b[b0 + p];
                row[j + 1] = b[b0 + k + p];
                row[j + 2] = b[b0 + 2 * k + p];
                row[j + 3] = b[b0 + 3 * k + p];
                row[j + 4] = b[b0 + 4 * k + p];
                row[j + 5] = b[b0 + 5 * k + p];
                row[j + 6] = b[b0 + 6 * k + p];
                row[j + 7] = b[b0 + 7 * k + p];
            }
        }
        for (; j < n; j++) {
            for (int p = 0; p < k; p++) {
                rows[p][j] = b[j * k + p];
            }
        }
        run(a, k, 1, rows, c, m, k, n);
    }

    /** At least k rows of at least n entries each, for this thread. */
    private static double[][] buffer(int k, int n) {
        double[][] rows = PACKED.get();
        int width = rows.length == 0 ? 0 : rows[0].length;
        if (rows.length < k || width < n) {
            rows = new double[Math.max(k, rows.length)][Math.max(n, width)];
            PACKED.set(rows);
        }
        return rows;
    }

    /** Runs the kernel over all rows of C, on two threads when the product is large enough to pay for it. */
    private static void run(double[] a, int rowStride, int colStride, double[][] b, double[] c, int m, int k, int n) {
        long flops = 2L * m * k * n;
        if (!PARALLEL || flops < PARALLEL_FLOPS || m < 4 || ForkJoinPool.getCommonPoolParallelism() < 1) {
            kernel(a, rowStride, colStride, b, c, k, n, 0, m);
            return;
        }
        int half = (m / 2) & ~1;   // an even split keeps both halves in row pairs
        // the packed rows are only read from here on; fork() publishes them to the worker
        ForkJoinTask<?> lower = ForkJoinTask.adapt(() -> kernel(a, rowStride, colStride, b, c, k, n, half, m)).fork();
        kernel(a, rowStride, colStride, b, c, k, n, 0, half);
        lower.join();
    }

    /**
     * Rows [from, to) of C(m, n) += A · B, where A's element (i, p) is {@code a[i * rowStride + p * colStride]}
     * and row p of B is {@code b[p]} (entries 0..n-1).
     */
    private static void kernel(double[] a, int rowStride, int colStride, double[][] b, double[] c,
                               int k, int n, int from, int to) {
        // Every pair of rows of C streams all of B's packed rows; when they exceed a core's L2 cache they come
        // from L3 each time (an LSTM with hidden 256 has a 2 MB W_hh: its step ran 2.2x slower than with panels).
        // So B is taken in panels of rows of at most PANEL_BYTES; panels start at multiples of four, which keeps
        // each element's sum in the same order as without them.
        int panel = (int) Math.max(4, Math.min(k, PANEL_BYTES / (8L * n)) & ~3);
        for (int p0 = 0; p0 < k; p0 += panel) {
            panelKernel(a, rowStride, colStride, b, c, p0, Math.min(k, p0 + panel), n, from, to);
        }
    }

    /** Rows [from, to) of C += A[:, pStart..pEnd) · B[pStart..pEnd, :]. */
    private static void panelKernel(double[] a, int rowStride, int colStride, double[][] b, double[] c,
                                    int pStart, int pEnd, int n, int from, int to) {
        int k = pEnd;
        // fresh rows: the compiler then knows they overlap nothing else, which lets it vectorise the loops below
        double[] c0 = new double[n];
        double[] c1 = new double[n];
        int i = from;
        for (; i + 1 < to; i += 2) {
            int a0 = i * rowStride;
            int a1 = a0 + rowStride;
            System.arraycopy(c, i * n, c0, 0, n);
            System.arraycopy(c, (i + 1) * n, c1, 0, n);
            int p = pStart;
            for (; p + 3 < k; p += 4) {
                twoRowsFourTerms(c0, a[a0 + p * colStride], a[a0 + (p + 1) * colStride],
                        a[a0 + (p + 2) * colStride], a[a0 + (p + 3) * colStride],
                        c1, a[a1 + p * colStride], a[a1 + (p + 1) * colStride],
                        a[a1 + (p + 2) * colStride], a[a1 + (p + 3) * colStride],
                        b[p], b[p + 1], b[p + 2], b[p + 3], n);
            }
            for (; p < k; p++) {
                twoRowsOneTerm(c0, a[a0 + p * colStride], c1, a[a1 + p * colStride], b[p], n);
            }
            System.arraycopy(c0, 0, c, i * n, n);
            System.arraycopy(c1, 0, c, (i + 1) * n, n);
        }
        if (i < to) {   // an odd last row
            int a0 = i * rowStride;
            System.arraycopy(c, i * n, c0, 0, n);
            int p = pStart;
            for (; p + 3 < k; p += 4) {
                oneRowFourTerms(c0, a[a0 + p * colStride], a[a0 + (p + 1) * colStride],
                        a[a0 + (p + 2) * colStride], a[a0 + (p + 3) * colStride],
                        b[p], b[p + 1], b[p + 2], b[p + 3], n);
            }
            for (; p < k; p++) {
                oneRowOneTerm(c0, a[a0 + p * colStride], b[p], n);
            }
            System.arraycopy(c0, 0, c, i * n, n);
        }
    }

    /** x += x0 b0 + x1 b1 + x2 b2 + x3 b3 and y += y0 b0 + ... + y3 b3, over entries 0..n-1. */
    private static void twoRowsFourTerms(double[] x, double x0, double x1, double x2, double x3,
                                         double[] y, double y0, double y1, double y2, double y3,
                                         double[] b0, double[] b1, double[] b2, double[] b3, int n) {
        for (int j = 0; j < n; j++) {
            double v0 = b0[j];
            double v1 = b1[j];
            double v2 = b2[j];
            double v3 = b3[j];
            x[j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
            y[j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
        }
    }

    private static void twoRowsOneTerm(double[] x, double x0, double[] y, double y0, double[] b0, int n) {
        for (int j = 0; j < n; j++) {
            x[j] += x0 * b0[j];
            y[j] += y0 * b0[j];
        }
    }

    private static void oneRowFourTerms(double[] x, double x0, double x1, double x2, double x3,
                                        double[] b0, double[] b1, double[] b2, double[] b3, int n) {
        for (int j = 0; j < n; j++) {
            x[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
        }
    }

    private static void oneRowOneTerm(double[] x, double x0, double[] b0, int n) {
        for (int j = 0; j < n; j++) {
            x[j] += x0 * b0[j];
        }
    }
}
