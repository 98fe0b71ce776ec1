package rnnbook.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel of {@link Gemm}, written with the JDK's incubating Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector}: {@link Gemm} checks
 * the boot layer first and otherwise keeps its scalar kernel, so nothing here is touched (or linked) without it.
 *
 * <p>The classic register-blocked scheme: B is used in strips of {@link #NR} columns (two vectors wide), read in
 * place when B is row-major and narrow, otherwise first copied into a small panel (gathering the columns of a
 * transposed B); a {@link #MR} x NR tile of C lives in eight vector registers for the whole block of k, each step
 * adding {@code A(i, p) · B(p, j..j+NR)} with one fused multiply-add per register. So per step of p, two loads of
 * B feed eight FMAs, and C is read and written once per block instead of once per term. (A tile of eight rows,
 * sixteen registers, measured four times slower: C2 then no longer keeps the vectors in registers.)
 *
 * <p>Each element's sum runs over p in increasing order, one fused multiply-add at a time, started from zero
 * for each block of k and then added to C; it does not depend on the split between threads.
 */
final class GemmVector {
    private GemmVector() {
    }

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector register: 8 with AVX-512, 4 with AVX2. */
    private static final int L = SPECIES.length();

    /** Columns of one strip of packed B (and of a tile of C): two vectors. */
    static final int NR = 2 * L;

    /** Rows of a tile of C. */
    private static final int MR = 4;

    /** Per-thread panel for one packed strip of B, reused so a product allocates only small index buffers. */
    private static final ThreadLocal<double[][]> PANEL = ThreadLocal.withInitial(() -> new double[1][0]);

    /** Whether this machine's vectors hold at least two doubles (otherwise the scalar kernel is better). */
    static boolean worthwhile() {
        return L >= 2;
    }

    /** This thread's panel, at least {@code size} long. */
    static double[] panel(int size) {
        double[][] holder = PANEL.get();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        return holder[0];
    }

    /**
     * Rows [from, to) of C(·, n) += A · B on columns j0 .. j0 + nc - 1 and rows p0 .. p0 + kc - 1 of B, with
     * A(i, p) = {@code a[i * aRow + p * aCol]} and B(p, j) = {@code b[p * bRow + j * bCol]}. A strip of NR
     * columns of a row-major B is read in place; a transposed B, or the last, narrower strip, is first copied
     * into {@code panel} (at least kc · NR long) so the tile loop always reads NR adjacent columns.
     */
    static void kernel(double[] a, int aRow, int aCol, double[] b, int bRow, int bCol, int p0, int kc,
                       double[] c, int n, int j0, int nc, int from, int to, double[] panel) {
        double[] tail = nc % NR == 0 ? null : new double[NR];
        for (int s = 0; s * NR < nc; s++) {
            int width = Math.min(NR, nc - s * NR);
            int col = j0 + s * NR;
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
            strip(a, aRow, aCol, p0, kc, strip, start, stride, c, n, col, width, from, to, tail);
        }
    }

    /** Rows [from, to) of C's columns col .. col + width - 1 from one strip of B (row p at start + p · stride). */
    private static void strip(double[] a, int aRow, int aCol, int p0, int kc, double[] b, int start, int stride,
                              double[] c, int n, int col, int width, int from, int to, double[] tail) {
        int i = from;
        for (; i + MR <= to; i += MR) {
            fourRows(a, i * aRow + p0 * aCol, aRow, aCol, b, start, stride, kc, c, i * n + col, n, width, tail);
        }
        for (; i < to; i++) {
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
    static void kernelPacked(double[] a, int aRow, int aCol, double[] packed, int k, int p0, int kc,
                             double[] c, int n, int j0, int nc, int from, int to) {
        double[] tail = nc % NR == 0 ? null : new double[NR];
        for (int s = 0; s * NR < nc; s++) {
            int width = Math.min(NR, nc - s * NR);
            int col = j0 + s * NR;
            int start = ((col / NR) * k + p0) * NR;
            strip(a, aRow, aCol, p0, kc, packed, start, NR, c, n, col, width, from, to, tail);
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

    /** A 4 x NR tile of C, at c[at], c[at + n], ..., from rows of A starting at a[r], a[r + aRow], .... */
    private static void fourRows(double[] a, int r, int aRow, int aCol, double[] b, int start, int stride,
                                 int kc, double[] c, int at, int n, int width, double[] tail) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        int r1 = r + aRow;
        int r2 = r1 + aRow;
        int r3 = r2 + aRow;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + L);
            bi += stride;
            int q = p * aCol;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + q]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = DoubleVector.broadcast(SPECIES, a[r1 + q]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = DoubleVector.broadcast(SPECIES, a[r2 + q]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = DoubleVector.broadcast(SPECIES, a[r3 + q]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
        }
        addTo(c, at, c00, c01, width, tail);
        addTo(c, at + n, c10, c11, width, tail);
        addTo(c, at + 2 * n, c20, c21, width, tail);
        addTo(c, at + 3 * n, c30, c31, width, tail);
    }

    /** One row of NR columns of C, at c[at], from the row of A starting at a[r]. */
    private static void oneRow(double[] a, int r, int aCol, double[] b, int start, int stride, int kc,
                               double[] c, int at, int width, double[] tail) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + p * aCol]);
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
