package rnnbook.tensor;

/**
 * The matrix-multiply kernels behind {@link Matrix}: {@code C += op(A) · op(B)} on row-major arrays.
 *
 * <p>Kept apart from {@code Matrix} so that the layers read like the math while the speed lives in one place.
 * Four things make it fast on the JVM, each measured with {@code ./book bench Gemm}:
 * <ol>
 *   <li><b>Rows of B are packed into their own arrays</b> (transposed on the way for {@code A · Bᵀ}), and each
 *       output row is accumulated in a freshly allocated row. With every inner loop running over whole arrays
 *       from index 0, HotSpot's C2 compiler turns it into SIMD code; over rows addressed at variable offsets
 *       inside one big array (the obvious loop) it stays scalar, at a third of the speed.</li>
 *   <li><b>Register blocking</b>: two rows of C are updated from four rows of B per pass ({@code c += a·b} for
 *       eight scalars of A), so each loaded element of B serves two rows and each row of C is loaded and
 *       stored a quarter as often as with one row of B at a time. (Three or four rows per pass, or
 *       {@code Math.fma}, measured slower: the compiler then stops vectorising.)</li>
 *   <li><b>Cache blocking</b>: B is packed and used in blocks of {@link #KC} x {@link #NC}, small enough to stay in
 *       the core's cache while every row of C passes over them.</li>
 *   <li><b>Two cores</b>: products of at least {@link #PARALLEL_FLOPS} floating-point operations are split by
 *       rows of C (or, for {@link #eachNN}, by steps) between the calling thread and {@link SecondCore}'s helper
 *       ({@code -Drnnbook.gemm.threads=1} turns this off).</li>
 * </ol>
 * (Skipping the packing for products of one row, a batch of one, measured no faster.) Each element's sum is formed in the same order as the plain triple loop with k unrolled by four, so
 * results do not depend on the blocking or on the split between threads.
 *
 * <p>When the JVM has the incubating Vector API ({@code --add-modules jdk.incubator.vector}: the engine's tests,
 * the benchmarks, {@code ./book demo}), the SIMD kernel {@link GemmVector} replaces the scalar loops above: tiles of
 * 8 x 24 entries of C held in vector registers, read from copies of A and B laid out tile by tile, fused
 * multiply-adds. Its sums round differently (one FMA per term), by a few units in the last place. Without the
 * module (the notebook kernel, the grader, user programs) everything runs the scalar kernel, as before.
 */
final class Gemm {
    private Gemm() {
    }

    /**
     * Products with at least this many flops (2·m·k·n) are split over the two cores ({@link SecondCore}). Each
     * step's h · W_hhᵀ of the batch-32 RNN (2^20 flops at hidden 128, 2^18 at hidden 64) is split: with a helper
     * thread that is already awake, handing it half a product costs about a microsecond. Measured on the batch-32
     * step: 2^18 gave 8.6 ms, 2^21 (only the large products split) 9.6 ms, 2^17 8.8 ms.
     * {@code -Drnnbook.gemm.parallelLog2=n} sets 2^n.
     */
    static final long PARALLEL_FLOPS = 1L << Integer.getInteger("rnnbook.gemm.parallelLog2", 18);

    /**
     * {@code -Drnnbook.gemm.threads=1} keeps every product on the calling thread (to measure one core); so does a
     * JVM that sees a single processor.
     */
    static final boolean PARALLEL = Integer.getInteger("rnnbook.gemm.threads", 2) > 1
            && Runtime.getRuntime().availableProcessors() > 1;   // on one core the helper could only get in the way

    /** Blocks of B of KC rows by NC columns (256 KB) are packed and used in turn, so a block stays in cache. */
    static final int KC = 128;
    private static final int NC = 256;

    /** Whether the SIMD kernel {@link GemmVector} is used (see {@link Simd}; {@code -Drnnbook.simd=false} turns
     * it off). */
    static final boolean VECTOR = Simd.AVAILABLE;

    /** Per-thread buffer of packed rows of B, grown as needed and reused so each product allocates little. */
    private static final ThreadLocal<double[][]> PACKED = ThreadLocal.withInitial(() -> new double[0][0]);

    /** C(m, n) += A(m, k) · B(k, n). */
    static void nn(double[] a, double[] b, double[] c, int m, int k, int n) {
        run(VECTOR, a, k, 1, b, n, 1, c, m, k, n);
    }

    /** C(m, n) += A(k, m)ᵀ · B(k, n). */
    static void tn(double[] a, double[] b, double[] c, int k, int m, int n) {
        run(VECTOR, a, 1, m, b, n, 1, c, m, k, n);
    }

    /** C(m, n) += A(m, k) · B(n, k)ᵀ: the (p, j) element of Bᵀ is b[j * k + p]. */
    static void nt(double[] a, double[] b, double[] c, int m, int k, int n) {
        run(VECTOR, a, k, 1, b, 1, k, c, m, k, n);
    }

    /**
     * For every step t: C_t(m, n) += A_t(m, k) · B(k, n), one B shared by all steps (a sequence's input or
     * output products), prepared once for all of them ({@link #pack}). The steps are shared out between the two
     * cores; a null C_t is made as a zero matrix (see {@link #eachNNPacked(double[][], double[], double[][], int,
     * int, int, StepRows)}).
     */
    static void eachNN(double[][] as, double[] b, double[][] cs, int m, int k, int n) {
        eachNNPacked(as, VECTOR ? GemmVector.packAll(b, k, n) : b, cs, m, k, n);   // read only: no copy needed
    }

    /** As {@link #eachNN}, for a B already prepared by {@link #pack} or {@link #packTransposed}. */
    static void eachNNPacked(double[][] as, double[] packed, double[][] cs, int m, int k, int n) {
        eachNNPacked(as, packed, cs, m, k, n, (t, from, to) -> { });
    }

    /** Work on rows [from, to) of step t's C once they are computed. */
    @FunctionalInterface
    interface StepRows {
        void accept(int t, int from, int to);
    }

    /**
     * As {@link #eachNNPacked(double[][], double[], double[][], int, int, int)}, then {@code then} on each run of
     * rows right after their product, on the core that made them, while they are still in that core's cache (a
     * bias added to them, say). The cores get the same number of rows: with an odd number of steps, the middle
     * step's rows are split between them at a whole tile.
     *
     * <p>A null C_t is made here, a new zero (m, n) array: by the core that computes step t, just before its
     * product. A new array is memory no cache holds, which the JVM fills with zeros; made there, that pass runs on
     * both cores instead of one, and leaves C_t in the cache of the core that then writes it.
     */
    static void eachNNPacked(double[][] as, double[] packed, double[][] cs, int m, int k, int n, StepRows then) {
        int steps = as.length;
        long total = (long) steps * m;
        if (m == 0) {   // a batch of no rows: only the empty outputs to make (the row walk below divides by m)
            for (int t = 0; t < steps; t++) {
                if (cs[t] == null) {
                    cs[t] = new double[0];
                }
            }
            return;
        }
        if (!PARALLEL || steps < 2 || 2L * m * k * n * steps < PARALLEL_FLOPS) {
            eachNN(as, packed, cs, m, k, n, 0, total, then);
            return;
        }
        long half = total / 2;
        int tile = VECTOR ? GemmVector.MR : 4;
        long split = half / m * m + (half % m) / tile * tile;   // at a whole tile of the middle step's rows
        int middle = (int) (split / m);
        if (split % m != 0 && cs[middle] == null) {   // both cores write into it: made before either starts
            cs[middle] = new double[m * n];
        }
        SecondCore.run(() -> eachNN(as, packed, cs, m, k, n, 0, split, then),
                () -> eachNN(as, packed, cs, m, k, n, split, total, then));
    }

    /** Rows [lo, hi) of the steps' rows counted one step after another (row i of step t is t · m + i). */
    private static void eachNN(double[][] as, double[] packed, double[][] cs, int m, int k, int n, long lo, long hi,
                               StepRows then) {
        for (int t = (int) (lo / m); (long) t * m < hi; t++) {
            int from = (int) Math.max(lo - (long) t * m, 0);
            int to = (int) Math.min(hi - (long) t * m, m);
            if (cs[t] == null) {
                cs[t] = new double[m * n];
            }
            blockedPacked(as[t], packed, cs[t], k, n, from, to);
            then.accept(t, from, to);
        }
    }

    /** C(m, n) += A(m, k) · B for a B prepared by {@link #pack}; rows of C split over both cores. */
    static void nnPacked(double[] a, double[] packed, double[] c, int m, int k, int n) {
        long flops = 2L * m * k * n;
        if (!PARALLEL || flops < PARALLEL_FLOPS || m < 8) {
            blockedPacked(a, packed, c, k, n, 0, m);
            return;
        }
        int half = split(m);
        SecondCore.run(() -> blockedPacked(a, packed, c, k, n, 0, half),
                () -> blockedPacked(a, packed, c, k, n, half, m));
    }

    /**
     * B(k, n), row-major, prepared for many products {@link #nnPacked}, as a copy (later changes to B do not
     * reach it): with the SIMD kernel, packed into strips once ({@link GemmVector#packAll}) instead of once per
     * product; otherwise B as it is, since the scalar kernel packs per product anyway.
     */
    static double[] pack(double[] b, int k, int n) {
        return VECTOR ? GemmVector.packAll(b, k, n) : b.clone();
    }

    /**
     * B(k, n) prepared as {@link #pack} prepares it, from its transpose Bᵀ(n, k) stored row-major (a weight W for
     * the products x_t · Wᵀ), without forming B first.
     */
    static double[] packTransposed(double[] bT, int k, int n) {
        return VECTOR ? GemmVector.packAllTransposed(bT, k, n) : transposed(bT, k, n);
    }

    /** B(k, n) as a new row-major array, from its transpose Bᵀ(n, k) stored row-major: what the scalar kernel reads. */
    static double[] transposed(double[] bT, int k, int n) {
        double[] b = new double[k * n];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) {
                b[p * n + j] = bT[j * k + p];
            }
        }
        return b;
    }

    /** Rows [from, to) of C += A · B, for B as {@link #pack} prepared it. */
    private static void blockedPacked(double[] a, double[] packed, double[] c, int k, int n, int from, int to) {
        if (!VECTOR) {
            blocked(false, a, k, 1, packed, n, 1, c, k, n, from, to);
            return;
        }
        int kc0 = Math.min(k, KC);
        double[] rows = copiesRows(k, n, false, from, to) ? GemmVector.rowPanel((to - from) * kc0) : null;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            if (rows != null) {
                GemmVector.packRows(a, k, 1, p0, kc, from, to, rows);
            }
            for (int j0 = 0; j0 < n; j0 += vectorNC()) {
                GemmVector.kernelPacked(a, k, 1, rows, packed, k, p0, kc, c, n, j0, Math.min(vectorNC(), n - j0),
                        from, to);
            }
        }
    }

    /**
     * Whether the SIMD kernel reads rows [from, to) of A from a copy ({@link GemmVector#packRows}): only for a whole
     * tile of rows, sums of at least 16 terms (a batch-1 weight gradient has one), and an A that is either stored
     * transposed (a weight gradient's dG_tᵀ, whose entries of one tile lie a stored row apart) or read by at least
     * 256 columns of B (each copied entry then serves more than ten strips); otherwise the copy costs more than it
     * saves.
     */
    private static boolean copiesRows(int k, int n, boolean transposedA, int from, int to) {
        return to - from >= GemmVector.MR && k >= 16 && (transposedA || n >= 256);
    }

    /** The SIMD kernel's block width: as near {@link #NC} as whole strips of {@link GemmVector#NR} allow. */
    private static int vectorNC() {
        return Math.max(1, NC / GemmVector.NR) * GemmVector.NR;
    }

    /**
     * C(m, n) += Σ_t A_t(k, m)ᵀ · B_t(k, n): a weight gradient summed over the steps of a sequence. The rows of C
     * are shared out between the two cores; each sums the steps in order, so the result does not depend on the
     * split.
     */
    static void sumTN(double[][] as, double[][] bs, double[] c, int k, int m, int n) {
        long flops = 2L * m * k * n * as.length;
        if (!PARALLEL || flops < PARALLEL_FLOPS || m < 8) {
            sumTN(as, bs, c, k, m, n, 0, m);
            return;
        }
        int half = split(m);
        SecondCore.run(() -> sumTN(as, bs, c, k, m, n, 0, half), () -> sumTN(as, bs, c, k, m, n, half, m));
    }

    private static void sumTN(double[][] as, double[][] bs, double[] c, int k, int m, int n, int from, int to) {
        for (int t = 0; t < as.length; t++) {
            blocked(VECTOR, as[t], 1, m, bs[t], n, 1, c, k, n, from, to);
        }
    }

    /** The scalar kernel, whatever {@link #VECTOR} says: C(m, n) += op(A) · op(B) as {@link #nn}, {@link #tn},
     * {@link #nt} (so the tests can check both kernels in one JVM). */
    static void scalar(boolean transposeA, boolean transposeB, double[] a, double[] b, double[] c,
                       int m, int k, int n) {
        run(false, a, transposeA ? 1 : k, transposeA ? m : 1, b, transposeB ? 1 : n, transposeB ? k : 1,
                c, m, k, n);
    }

    /**
     * C(m, n) += A · B with A(i, p) = {@code a[i * aRow + p * aCol]} and B(p, j) = {@code b[p * bRow + j * bCol]};
     * rows of C are split over two threads when the product is large enough to pay for it.
     */
    private static void run(boolean vector, double[] a, int aRow, int aCol, double[] b, int bRow, int bCol,
                            double[] c, int m, int k, int n) {
        long flops = 2L * m * k * n;
        if (!PARALLEL || flops < PARALLEL_FLOPS || m < 8) {
            blocked(vector, a, aRow, aCol, b, bRow, bCol, c, k, n, 0, m);
            return;
        }
        int half = split(m);
        SecondCore.run(() -> blocked(vector, a, aRow, aCol, b, bRow, bCol, c, k, n, 0, half),
                () -> blocked(vector, a, aRow, aCol, b, bRow, bCol, c, k, n, half, m));
    }

    /** Where m rows are split between the cores: near the middle, at a whole number of the kernel's tiles of rows. */
    private static int split(int m) {
        int tile = VECTOR ? GemmVector.MR : 4;
        return Math.max(tile, (m / 2) / tile * tile);
    }

    /** Rows [from, to) of C, one cache block of B at a time; each thread packs into its own buffer. */
    private static void blocked(boolean vector, double[] a, int aRow, int aCol, double[] b, int bRow, int bCol,
                                double[] c, int k, int n, int from, int to) {
        if (vector && k == 1) {   // a batch-1 weight gradient: C += a bᵀ, one product per entry
            GemmVector.rankOne(a, aRow, b, bCol, c, n, from, to);
            return;
        }
        if (vector) {
            double[] panel = GemmVector.panel(Math.min(k, KC) * GemmVector.NR);
            // A is copied a block of k at a time into tiles of rows; p0 outside j0, so that each block is copied
            // once (every entry still adds its blocks of k in increasing order)
            double[] rows = copiesRows(k, n, aRow == 1 && aCol > 1, from, to)
                    ? GemmVector.rowPanel((to - from) * Math.min(k, KC)) : null;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (rows != null) {
                    GemmVector.packRows(a, aRow, aCol, p0, kc, from, to, rows);
                }
                for (int j0 = 0; j0 < n; j0 += vectorNC()) {
                    GemmVector.kernel(a, aRow, aCol, rows, b, bRow, bCol, p0, kc, c, n, j0,
                            Math.min(vectorNC(), n - j0), from, to, panel);
                }
            }
            return;
        }
        double[][] rows = buffer(Math.min(k, KC), Math.min(n, NC));
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {   // KC is a multiple of 4: the sums keep the unblocked order
                int kc = Math.min(KC, k - p0);
                pack(b, bRow, bCol, p0, kc, j0, nc, rows);
                kernel(a, aRow, aCol, p0, rows, kc, c, n, j0, nc, from, to);
            }
        }
    }

    /** rows[p][j] = B(p0 + p, j0 + j) for p < kc, j < nc. */
    private static void pack(double[] b, int bRow, int bCol, int p0, int kc, int j0, int nc, double[][] rows) {
        if (bCol == 1) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (p0 + p) * bRow + j0, rows[p], 0, nc);
            }
            return;
        }
        // B is stored transposed (bRow == 1): copy in strips of eight columns, eight sequential reads feeding
        // eight adjacent writes
        int j = 0;
        for (; j + 7 < nc; j += 8) {
            int col = p0 + (j0 + j) * bCol;
            for (int p = 0; p < kc; p++) {
                double[] row = rows[p];
                int at = col + p;
                row[j] = b[at];
                row[j + 1] = b[at + bCol];
                row[j + 2] = b[at + 2 * bCol];
                row[j + 3] = b[at + 3 * bCol];
                row[j + 4] = b[at + 4 * bCol];
                row[j + 5] = b[at + 5 * bCol];
                row[j + 6] = b[at + 6 * bCol];
                row[j + 7] = b[at + 7 * bCol];
            }
        }
        for (; j < nc; j++) {
            for (int p = 0; p < kc; p++) {
                rows[p][j] = b[(p0 + p) * bRow + (j0 + j) * bCol];
            }
        }
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

    /**
     * Rows [from, to) of C(·, n) += A · B on the columns j0 .. j0 + nc - 1, for the block of B whose row p is
     * {@code b[p]} (entries 0..nc-1) and holds B(p0 + p, j0 + ·); A(i, p0 + p) is read from {@code a}.
     */
    private static void kernel(double[] a, int rowStride, int colStride, int p0, double[][] b, int kc, double[] c,
                               int n, int j0, int nc, int from, int to) {
        // fresh rows: the compiler then knows they overlap nothing else, which lets it vectorise the loops below
        double[] c0 = new double[nc];
        double[] c1 = new double[nc];
        int i = from;
        for (; i + 1 < to; i += 2) {
            int a0 = i * rowStride + p0 * colStride;
            int a1 = a0 + rowStride;
            System.arraycopy(c, i * n + j0, c0, 0, nc);
            System.arraycopy(c, (i + 1) * n + j0, c1, 0, nc);
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                twoRowsFourTerms(c0, a[a0 + p * colStride], a[a0 + (p + 1) * colStride],
                        a[a0 + (p + 2) * colStride], a[a0 + (p + 3) * colStride],
                        c1, a[a1 + p * colStride], a[a1 + (p + 1) * colStride],
                        a[a1 + (p + 2) * colStride], a[a1 + (p + 3) * colStride],
                        b[p], b[p + 1], b[p + 2], b[p + 3], nc);
            }
            for (; p < kc; p++) {
                twoRowsOneTerm(c0, a[a0 + p * colStride], c1, a[a1 + p * colStride], b[p], nc);
            }
            System.arraycopy(c0, 0, c, i * n + j0, nc);
            System.arraycopy(c1, 0, c, (i + 1) * n + j0, nc);
        }
        if (i < to) {   // an odd last row
            int a0 = i * rowStride + p0 * colStride;
            System.arraycopy(c, i * n + j0, c0, 0, nc);
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                oneRowFourTerms(c0, a[a0 + p * colStride], a[a0 + (p + 1) * colStride],
                        a[a0 + (p + 2) * colStride], a[a0 + (p + 3) * colStride],
                        b[p], b[p + 1], b[p + 2], b[p + 3], nc);
            }
            for (; p < kc; p++) {
                oneRowOneTerm(c0, a[a0 + p * colStride], b[p], nc);
            }
            System.arraycopy(c0, 0, c, i * n + j0, nc);
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
