package rnnbook.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel of {@link Gemm}, written with the JDK's incubating Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector}: {@link Gemm} checks
 * the boot layer first and otherwise keeps its scalar kernel, so nothing here is touched (or linked) without it.
 *
 * <p>The classic register-blocked scheme. For one block of kc rows of B, the rows of A that a thread owns are
 * copied once into panels of {@link #MR} rows ({@link #packRows}: A(i, p) of a panel side by side, so a tile reads
 * A as one sequential run, whatever A's layout); B is used in strips of {@link #NR} columns (two vectors wide),
 * read in place when B is row-major and narrow, otherwise first copied into a small panel (gathering the columns
 * of a transposed B). A strip stays in the L1 cache while every panel of A passes over it; a MR x NR tile of C
 * lives in twelve vector registers for the whole block of k, each step adding {@code A(i, p) · B(p, j..j+NR)} with
 * one fused multiply-add per register: two loads of B and six of A feed twelve FMAs. (Measured on one core, CPU
 * time, AVX-512, kc 128: tiles of 6 x 16 ran at 64 GFLOP/s, 4 x 16 at 57, 4 x 24 at 57, and 8 x 16 at 7, as C2
 * then no longer keeps the vectors in registers; 6 x 16 read from A in place, not packed, ran at 30.)
 *
 * <p>Each element's sum runs over p in increasing order, one fused multiply-add at a time, started from zero
 * for each block of k and then added to C; it does not depend on the tiles, the packing or the split between
 * threads.
 */
final class GemmVector {
    private GemmVector() {
    }

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector register: 8 with AVX-512, 4 with AVX2. */
    private static final int L = SPECIES.length();

    /** Columns of one strip of packed B (and of a tile of C): two vectors. */
    static final int NR = 2 * L;

    /** Rows of a tile of C (and of a panel of packed A). */
    static final int MR = 6;

    /**
     * Fewer rows than this (a batch of one) are read from A in place, one row at a time, not packed: for a product
     * of a few thousand flops the packing and its buffer cost more than they save (a 1 x 32 x 32 product ran at
     * half the speed packed).
     */
    static final int FEW_ROWS = 4;

    /** Per-thread buffers: [0] one packed strip of B, [1] the packed rows of A; grown as needed and reused. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[2][0]);

    /** Whether this machine's vectors hold at least two doubles (otherwise the scalar kernel is better). */
    static boolean worthwhile() {
        return L >= 2;
    }

    /** This thread's buffer {@code which} (0: strip of B, 1: rows of A), at least {@code size} long. */
    static double[] buffer(int which, int size) {
        double[][] held = BUFFERS.get();
        if (held[which].length < size) {
            held[which] = new double[size];
        }
        return held[which];
    }

    /**
     * How many rows of A the next panel takes when {@code remaining} rows are left: MR while that leaves none or at
     * least four, so a batch of 32 runs as tiles of 6, 6, 6, 6, 4, 4 and not 6, 6, 6, 6, 6 and two single rows;
     * a short last panel of h < MR rows runs as one tile of four rows (h >= 4) and single rows.
     */
    static int panelHeight(int remaining) {
        return remaining == 8 ? 4 : Math.min(MR, remaining);
    }

    /**
     * Packs rows [from, to) of A's columns p0 .. p0 + kc - 1, with A(i, p) = {@code a[i * aRow + p * aCol]}, into
     * {@code rows}: panels of h rows each ({@link #panelHeight}) one after another, each column by column: the
     * panel of rows i0 .. i0 + h - 1 starts at (i0 - from)·kc and holds A(i0 + r, p0 + p) at {@code p * h + r}.
     */
    static void packRows(double[] a, int aRow, int aCol, int p0, int kc, int from, int to, double[] rows) {
        int at = 0;
        for (int i0 = from, h; i0 < to; i0 += h) {
            h = panelHeight(to - i0);
            int src = i0 * aRow + p0 * aCol;
            if (aRow == 1) {   // Aᵀ stored: the h entries of a column are adjacent
                for (int p = 0; p < kc; p++, src += aCol) {
                    System.arraycopy(a, src, rows, at, h);
                    at += h;
                }
            } else {
                for (int p = 0; p < kc; p++, src += aCol) {
                    for (int r = 0; r < h; r++) {
                        rows[at++] = a[src + r * aRow];
                    }
                }
            }
        }
    }

    /**
     * Rows [from, to) of C(·, n) += A · B on columns j0 .. j1 - 1 (j0 a multiple of NR unless j0 is the start of a
     * row) and rows p0 .. p0 + kc - 1 of B, for A's rows packed by {@link #packRows} and B(p, j) =
     * {@code b[p * bRow + j * bCol]}. A strip of NR columns of a row-major B is read in place; a transposed B, or
     * the last, narrower strip, is first copied into {@code panel} (at least kc · NR long) so the tile loop always
     * reads NR adjacent columns.
     */
    static void kernel(double[] rows, int aRow, int aCol, double[] b, int bRow, int bCol, int p0, int kc,
                       double[] c, int n, int j0, int j1, int from, int to, double[] panel) {
        double[] tail = (j1 - j0) % NR == 0 ? null : new double[NR];
        for (int col = j0; col < j1; col += NR) {
            int width = Math.min(NR, j1 - col);
            double[] strip = b;
            int start = p0 * bRow + col;
            int stride = bRow;
            // in place only for rows under 2 KB apart: wider rows map a strip's lines onto few cache sets
            if (bCol != 1 || width < NR || bRow >= 256) {
                pack(b, bRow, bCol, p0, kc, col, width, panel);
                strip = panel;
                start = 0;
                stride = NR;
            }
            strip(rows, aRow, aCol, p0, kc, strip, start, stride, c, n, col, width, from, to, tail);
        }
    }

    /**
     * Rows [from, to) of C's columns col .. col + width - 1 from one strip of B (row p at start + p · stride), with
     * A's rows packed by {@link #packRows} (aRow = 0) or, for fewer than {@link #FEW_ROWS} rows, read in place as
     * A(i, p) = {@code rows[i * aRow + p * aCol]}.
     */
    private static void strip(double[] rows, int aRow, int aCol, int p0, int kc, double[] b, int start, int stride,
                              double[] c, int n, int col, int width, int from, int to, double[] tail) {
        if (aRow != 0) {
            rowsInPlace(rows, aRow, aCol, p0, kc, b, start, stride, c, n, col, width, from, to, tail);
            return;
        }
        for (int i = from, h; i < to; i += h) {
            h = panelHeight(to - i);
            int q = (i - from) * kc;
            if (h == MR) {
                sixRows(rows, q, b, start, stride, kc, c, i * n + col, n, width, tail);
                continue;
            }
            int r = 0;
            if (h >= 4) {
                fourRows(rows, q, h, b, start, stride, kc, c, i * n + col, n, width, tail);
                r = 4;
            }
            for (; r < h; r++) {
                oneRow(rows, q + r, h, b, start, stride, kc, c, (i + r) * n + col, width, tail);
            }
        }
    }

    /** {@link #strip} for A read in place: a small method of its own, so it is compiled apart from the big tiles. */
    private static void rowsInPlace(double[] a, int aRow, int aCol, int p0, int kc, double[] b, int start,
                                    int stride, double[] c, int n, int col, int width, int from, int to,
                                    double[] tail) {
        for (int i = from; i < to; i++) {
            oneRow(a, i * aRow + p0 * aCol, aCol, b, start, stride, kc, c, i * n + col, width, tail);
        }
    }

    /**
     * B(k, n), row-major, packed once for many products: strip s (columns s·NR .. s·NR + NR - 1, zero-padded past n)
     * holds its k rows one after another, at {@code packed[s * k * NR + p * NR + j]}. A kernel then reads every
     * strip in place, as a short contiguous run, whatever n is.
     */
    static double[] packAll(double[] b, int k, int n) {
        int strips = (n + NR - 1) / NR;
        double[] packed = new double[strips * k * NR];
        for (int s = 0; s < strips; s++) {
            int width = Math.min(NR, n - s * NR);
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, p * n + s * NR, packed, (s * k + p) * NR, width);
            }
        }
        return packed;
    }

    /** As {@link #kernel}, with B already packed by {@link #packAll} (j0 a multiple of NR). */
    static void kernelPacked(double[] rows, int aRow, int aCol, double[] packed, int k, int p0, int kc,
                             double[] c, int n, int j0, int j1, int from, int to) {
        double[] tail = (j1 - j0) % NR == 0 ? null : new double[NR];
        for (int col = j0; col < j1; col += NR) {
            int width = Math.min(NR, j1 - col);
            int start = ((col / NR) * k + p0) * NR;
            strip(rows, aRow, aCol, p0, kc, packed, start, NR, c, n, col, width, from, to, tail);
        }
    }

    /** panel[p * NR + j] = B(p0 + p, col + j) for p < kc, j < width; zero for width <= j < NR. */
    private static void pack(double[] b, int bRow, int bCol, int p0, int kc, int col, int width, double[] panel) {
        int[] gather = new int[NR];
        for (int j = 0; j < NR; j++) {
            gather[j] = j * bCol;
        }
        for (int p = 0; p < kc; p++) {
            int to = p * NR;
            int from = (p0 + p) * bRow + col * bCol;
            if (bCol == 1) {
                System.arraycopy(b, from, panel, to, width);
            } else if (width == NR) {   // a column of Bᵀ: gather every bCol-th entry
                DoubleVector.fromArray(SPECIES, b, from, gather, 0).intoArray(panel, to);
                DoubleVector.fromArray(SPECIES, b, from, gather, L).intoArray(panel, to + L);
                continue;
            } else {
                for (int j = 0; j < width; j++) {
                    panel[to + j] = b[from + j * bCol];
                }
            }
            for (int j = width; j < NR; j++) {
                panel[to + j] = 0.0;
            }
        }
    }

    /** A 6 x NR tile of C, at c[at], c[at + n], ..., from a full panel of packed A starting at a[r]. */
    private static void sixRows(double[] a, int r, double[] b, int start, int stride,
                                int kc, double[] c, int at, int n, int width, double[] tail) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        int ai = r;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + L);
            bi += stride;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = DoubleVector.broadcast(SPECIES, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = DoubleVector.broadcast(SPECIES, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = DoubleVector.broadcast(SPECIES, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = DoubleVector.broadcast(SPECIES, a[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = DoubleVector.broadcast(SPECIES, a[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            ai += MR;
        }
        addTo(c, at, c00, c01, width, tail);
        addTo(c, at + n, c10, c11, width, tail);
        addTo(c, at + 2 * n, c20, c21, width, tail);
        addTo(c, at + 3 * n, c30, c31, width, tail);
        addTo(c, at + 4 * n, c40, c41, width, tail);
        addTo(c, at + 5 * n, c50, c51, width, tail);
    }

    /** A 4 x NR tile of C from the first four rows of a short panel of h rows of packed A starting at a[r]. */
    private static void fourRows(double[] a, int r, int h, double[] b, int start, int stride,
                                 int kc, double[] c, int at, int n, int width, double[] tail) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        int ai = r;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + L);
            bi += stride;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = DoubleVector.broadcast(SPECIES, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = DoubleVector.broadcast(SPECIES, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = DoubleVector.broadcast(SPECIES, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            ai += h;
        }
        addTo(c, at, c00, c01, width, tail);
        addTo(c, at + n, c10, c11, width, tail);
        addTo(c, at + 2 * n, c20, c21, width, tail);
        addTo(c, at + 3 * n, c30, c31, width, tail);
    }

    /** One row of NR columns of C, at c[at], from A(i, p0 + p) at a[r + p · h] (packed: h is the panel's height). */
    private static void oneRow(double[] a, int r, int h, double[] b, int start, int stride, int kc,
                               double[] c, int at, int width, double[] tail) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + p * h]);
            c0 = DoubleVector.fromArray(SPECIES, b, bi).fma(x, c0);
            c1 = DoubleVector.fromArray(SPECIES, b, bi + L).fma(x, c1);
            bi += stride;
        }
        addTo(c, at, c0, c1, width, tail);
    }

    /** c[at .. at + width) += the first width entries of (v0, v1). */
    private static void addTo(double[] c, int at, DoubleVector v0, DoubleVector v1, int width, double[] tail) {
        if (width == NR) {
            DoubleVector.fromArray(SPECIES, c, at).add(v0).intoArray(c, at);
            DoubleVector.fromArray(SPECIES, c, at + L).add(v1).intoArray(c, at + L);
            return;
        }
        v0.intoArray(tail, 0);
        v1.intoArray(tail, L);
        for (int j = 0; j < width; j++) {
            c[at + j] += tail[j];
        }
    }
}
