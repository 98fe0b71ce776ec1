package rnnbook.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel of {@link Gemm}, written with the JDK's incubating Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Only loaded when the JVM was started with {@code --add-modules jdk.incubator.vector}: {@link Gemm} checks
 * the boot layer first and otherwise keeps its scalar kernel, so nothing here is touched (or linked) without it.
 *
 * <p>The classic register-blocked scheme. B is used in strips of {@link #NR} columns (three vectors wide), read in
 * place when B is row-major and narrow, otherwise first copied into a small panel (gathering the columns of a
 * transposed B). A is copied a block at a time into tiles of {@link #MR} rows ({@link #packRows}), each tile's
 * entries of one column side by side, so a tile reads A as one short contiguous run whether A is stored as it is or
 * transposed. An MR x NR tile of C (eight rows by 24 columns with AVX-512: 24 vector registers) lives in registers
 * for the whole block of k, each step adding {@code A(i, p) · B(p, j..j+NR)}: three loads of B and eight broadcasts
 * of A feed 24 fused multiply-adds, enough independent sums to keep both FMA units busy through their latency.
 * Rows left over after the whole tiles (fewer than MR) are done four or one at a time, reading A in place.
 * (Measured on one core at the LSTM-256 step's 64 x 256 x 1024 and on 64 x 128 x 256: 71 and 84 GFLOP/s with
 * these tiles against 59 and 67 with the four-row, 16-column tiles of A read in place that came before.)
 *
 * <p>Each element's sum runs over p in increasing order, one fused multiply-add at a time, started from zero
 * for each block of k and then added to C; it does not depend on the tiles, the copies or the split between
 * threads ({@code GemmKernelsTest} holds the kernel to that, bit for bit).
 */
final class GemmVector {
    private GemmVector() {
    }

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector register: 8 with AVX-512, 4 with AVX2. */
    private static final int L = SPECIES.length();

    /** Columns of one strip of packed B (and of a tile of C): three vectors. */
    static final int NR = 3 * L;

    /**
     * Rows of a tile of C read from a copy of A: eight with AVX-512's 32 vector registers (24 of them hold the
     * tile), four with AVX2's 16.
     */
    static final int MR = L >= 8 ? 8 : 4;

    /** Per-thread panel for one packed strip of B, reused so a product allocates only small index buffers. */
    private static final ThreadLocal<double[][]> PANEL = ThreadLocal.withInitial(() -> new double[1][0]);

    /**
     * Per-thread tile of C on its way from the registers to C ({@link #addTile}), not allocated on every call: at
     * batch 1 a whole product takes a few hundred nanoseconds.
     */
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[MR * NR]);

    /** Per-thread copy of a block of rows of A ({@link #packRows}). */
    private static final ThreadLocal<double[][]> ROWS = ThreadLocal.withInitial(() -> new double[1][0]);

    /** Whether this machine's vectors hold at least two doubles (otherwise the scalar kernel is better). */
    static boolean worthwhile() {
        return L >= 2;
    }

    /** This thread's panel, at least {@code size} long. */
    static double[] panel(int size) {
        return grown(PANEL, size);
    }

    /** This thread's buffer for {@link #packRows}, at least {@code size} long. */
    static double[] rowPanel(int size) {
        return grown(ROWS, size);
    }

    private static double[] grown(ThreadLocal<double[][]> local, int size) {
        double[][] holder = local.get();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        return holder[0];
    }

    /**
     * The whole tiles of MR rows of A among rows [from, to), on its columns p0 .. p0 + kc - 1, copied so that a tile
     * reads one short contiguous run: {@code rows[(i - from) * kc + p * MR + r] = A(i + r, p0 + p)} for each tile
     * starting at row i, with A(i, p) = {@code a[i * aRow + p * aCol]}. {@code rows} must be at least
     * (to - from) · kc long.
     */
    static void packRows(double[] a, int aRow, int aCol, int p0, int kc, int from, int to, double[] rows) {
        int tiles = (to - from) / MR;
        if (aRow == 1) {   // A stored transposed: column p of A is a contiguous run of the stored row p
            for (int p = 0; p < kc; p++) {
                int src = from + (p0 + p) * aCol;
                for (int t = 0; t < tiles; t++) {
                    if (MR == L) {   // the MR entries fill one register: a move, not a call of arraycopy
                        DoubleVector.fromArray(SPECIES, a, src + t * MR).intoArray(rows, t * MR * kc + p * MR);
                    } else {
                        System.arraycopy(a, src + t * MR, rows, t * MR * kc + p * MR, MR);
                    }
                }
            }
            return;
        }
        for (int t = 0; t < tiles; t++) {   // entry by entry in the order they are written: 20% faster than row by row
            int tile = t * MR * kc;
            int src = (from + t * MR) * aRow + p0 * aCol;
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < MR; r++) {
                    rows[tile + p * MR + r] = a[src + p * aCol + r * aRow];
                }
            }
        }
    }

    /**
     * Rows [from, to) of C(·, n) += A · B on columns j0 .. j0 + nc - 1 and rows p0 .. p0 + kc - 1 of B, with
     * A(i, p) = {@code a[i * aRow + p * aCol]} and B(p, j) = {@code b[p * bRow + j * bCol]}; the whole tiles of
     * rows read from {@code rows}, their block of A as {@link #packRows} copied it (null: A in place). A strip of NR
     * columns of a row-major B is read in place; a transposed B, or the last, narrower strip, is first copied
     * into {@code panel} (at least kc · NR long) so the tile loop always reads NR adjacent columns.
     */
    static void kernel(double[] a, int aRow, int aCol, double[] rows, double[] b, int bRow, int bCol, int p0,
                       int kc, double[] c, int n, int j0, int nc, int from, int to, double[] panel) {
        double[] tile = TILE.get();   // a tile of C on its way out of the registers
        int w = stripWidth(n);
        for (int s = 0; s * w < nc; s++) {
            int width = Math.min(w, nc - s * w);
            int col = j0 + s * w;
            double[] strip = b;
            int start = p0 * bRow + col;
            int stride = bRow;
            // in place only for rows under 2 KB apart: wider rows map a strip's lines onto few cache sets
            if (bCol != 1 || width < w || bRow >= 256) {
                pack(b, bRow, bCol, p0, kc, col, width, panel);
                strip = panel;
                start = 0;
                stride = NR;
            }
            strip(a, aRow, aCol, rows, p0, kc, strip, start, stride, c, n, col, width, from, to, tile);
        }
    }

    /**
     * B(k, n), row-major, packed once for many products: strip s (columns s·w .. s·w + w - 1, zero-padded past
     * n, w = {@link #stripWidth}) holds its k rows one after another, at {@code packed[s * k * w + p * w + j]}. A
     * kernel then reads every strip in place, as a short contiguous run, whatever n is.
     */
    static double[] packAll(double[] b, int k, int n) {
        int w = stripWidth(n);
        int strips = (n + w - 1) / w;
        double[] packed = new double[strips * k * w];
        for (int s = 0; s < strips; s++) {
            int width = Math.min(w, n - s * w);
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, p * n + s * w, packed, (s * k + p) * w, width);
            }
        }
        return packed;
    }

    /**
     * The width of the strips of B for a C of n columns: NR, or two vectors for a narrow n that NR does not divide
     * (n = 32 as 16 + 16 rather than 24 + 8, whose last strip would cost a pass of its own for eight columns).
     */
    static int stripWidth(int n) {
        return n % NR == 0 || n > 4 * L ? NR : 2 * L;
    }

    /** {@link #packAll} of B(k, n), read from its transpose Bᵀ(n, k), row-major: each row of Bᵀ fills one column. */
    static double[] packAllTransposed(double[] bT, int k, int n) {
        int w = stripWidth(n);
        int strips = (n + w - 1) / w;
        double[] packed = new double[strips * k * w];
        for (int j = 0; j < n; j++) {
            int at = (j / w) * k * w + j % w;
            for (int p = 0; p < k; p++) {
                packed[at + p * w] = bT[j * k + p];
            }
        }
        return packed;
    }

    /**
     * Rows [from, to) of C(·, n) += A · B for k = 1: C(i, j) += A(i, 0) · B(0, j), with A(i, 0) = a[i * aRow] and
     * B(0, j) = b[j * bCol]. The same bits as the tiles: there each entry's sum is one fused multiply-add from
     * zero, which is the rounded product, then added to C; here the product is rounded, then added.
     */
    static void rankOne(double[] a, int aRow, double[] b, int bCol, double[] c, int n, int from, int to) {
        if (bCol != 1) {   // B(0, ·) spread out: gather it once
            double[] row = new double[n];
            for (int j = 0; j < n; j++) {
                row[j] = b[j * bCol];
            }
            rankOne(a, aRow, row, 1, c, n, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            double x = a[i * aRow];
            DoubleVector xv = DoubleVector.broadcast(SPECIES, x);
            int at = i * n;
            int j = 0;
            for (; j + L <= n; j += L) {
                DoubleVector.fromArray(SPECIES, c, at + j).add(DoubleVector.fromArray(SPECIES, b, j).mul(xv))
                        .intoArray(c, at + j);
            }
            for (; j < n; j++) {
                c[at + j] += b[j] * x;
            }
        }
    }

    /** As {@link #kernel}, with B already packed by {@link #packAll} (j0 a multiple of its strip width). */
    static void kernelPacked(double[] a, int aRow, int aCol, double[] rows, double[] packed, int k, int p0, int kc,
                             double[] c, int n, int j0, int nc, int from, int to) {
        double[] tile = TILE.get();   // a tile of C on its way out of the registers
        int w = stripWidth(n);
        for (int s = 0; s * w < nc; s++) {
            int width = Math.min(w, nc - s * w);
            int col = j0 + s * w;
            int start = ((col / w) * k + p0) * w;
            strip(a, aRow, aCol, rows, p0, kc, packed, start, w, c, n, col, width, from, to, tile);
        }
    }

    /**
     * Rows [from, to) of C's columns col .. col + width - 1 from one strip of B (row p at start + p · stride): the
     * whole tiles of MR rows from {@code rows} when it is not null, the rows left over from A itself.
     */
    private static void strip(double[] a, int aRow, int aCol, double[] rows, int p0, int kc, double[] b, int start,
                              int stride, double[] c, int n, int col, int width, int from, int to, double[] tile) {
        int i = from;
        if (width <= L) {   // a last strip of at most one vector (n = 128: 5 x 24 + 8): one vector is enough
            for (; i + 4 <= to; i += 4) {
                fourRowsOneVector(a, i * aRow + p0 * aCol, aRow, aCol, b, start, stride, kc, c, i * n + col, n,
                        width, tile, 4);
            }
            for (; i < to; i++) {   // one row as a tile of four rows, each the same row, written once
                fourRowsOneVector(a, i * aRow + p0 * aCol, 0, aCol, b, start, stride, kc, c, i * n + col, 0, width,
                        tile, 1);
            }
            return;
        }
        if (width <= 2 * L) {   // two vectors of the last strip are enough (n = 40: 24 + 16)
            for (; i + 4 <= to; i += 4) {
                fourRowsNarrow(a, i * aRow + p0 * aCol, aRow, aCol, b, start, stride, kc, c, i * n + col, n, width,
                        tile);
            }
            for (; i < to; i++) {
                oneRowNarrow(a, i * aRow + p0 * aCol, aCol, b, start, stride, kc, c, i * n + col, width, tile);
            }
            return;
        }
        if (rows != null) {
            for (; i + MR <= to; i += MR) {   // tile (i - from) / MR starts at (i - from) · kc
                if (MR == 8) {
                    eightRows(rows, (i - from) * kc, b, start, stride, kc, c, i * n + col, n, width, tile);
                } else {
                    fourRows(rows, (i - from) * kc, 1, MR, b, start, stride, kc, c, i * n + col, n, width, tile);
                }
            }
        }
        for (; i + 4 <= to; i += 4) {
            fourRows(a, i * aRow + p0 * aCol, aRow, aCol, b, start, stride, kc, c, i * n + col, n, width, tile);
        }
        for (; i < to; i++) {
            oneRow(a, i * aRow + p0 * aCol, aCol, b, start, stride, kc, c, i * n + col, width, tile);
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
                for (int v = 0; v < NR; v += L) {
                    DoubleVector.fromArray(SPECIES, b, from, gather, v).intoArray(panel, to + v);
                }
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

    /** An 8 x NR tile of C, at c[at], c[at + n], ..., from a tile of copied rows starting at rows[r]. */
    private static void eightRows(double[] rows, int r, double[] b, int start, int stride, int kc, double[] c,
                                  int at, int n, int width, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c42 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c52 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c62 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        DoubleVector c72 = c00;
        int bi = start;
        int ai = r;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bi + 2 * L);
            bi += stride;
            DoubleVector x = DoubleVector.broadcast(SPECIES, rows[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            c62 = b2.fma(x, c62);
            x = DoubleVector.broadcast(SPECIES, rows[ai + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
            c72 = b2.fma(x, c72);
            ai += 8;
        }
        if (width == NR) {   // straight into C: no call that would receive the vectors as objects
            DoubleVector.fromArray(SPECIES, c, at).add(c00).intoArray(c, at);
            DoubleVector.fromArray(SPECIES, c, at + L).add(c01).intoArray(c, at + L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * L).add(c02).intoArray(c, at + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + n).add(c10).intoArray(c, at + n);
            DoubleVector.fromArray(SPECIES, c, at + n + L).add(c11).intoArray(c, at + n + L);
            DoubleVector.fromArray(SPECIES, c, at + n + 2 * L).add(c12).intoArray(c, at + n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n).add(c20).intoArray(c, at + 2 * n);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n + L).add(c21).intoArray(c, at + 2 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n + 2 * L).add(c22).intoArray(c, at + 2 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n).add(c30).intoArray(c, at + 3 * n);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n + L).add(c31).intoArray(c, at + 3 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n + 2 * L).add(c32).intoArray(c, at + 3 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 4 * n).add(c40).intoArray(c, at + 4 * n);
            DoubleVector.fromArray(SPECIES, c, at + 4 * n + L).add(c41).intoArray(c, at + 4 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 4 * n + 2 * L).add(c42).intoArray(c, at + 4 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 5 * n).add(c50).intoArray(c, at + 5 * n);
            DoubleVector.fromArray(SPECIES, c, at + 5 * n + L).add(c51).intoArray(c, at + 5 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 5 * n + 2 * L).add(c52).intoArray(c, at + 5 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 6 * n).add(c60).intoArray(c, at + 6 * n);
            DoubleVector.fromArray(SPECIES, c, at + 6 * n + L).add(c61).intoArray(c, at + 6 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 6 * n + 2 * L).add(c62).intoArray(c, at + 6 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 7 * n).add(c70).intoArray(c, at + 7 * n);
            DoubleVector.fromArray(SPECIES, c, at + 7 * n + L).add(c71).intoArray(c, at + 7 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 7 * n + 2 * L).add(c72).intoArray(c, at + 7 * n + 2 * L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c32.intoArray(tile, 3 * NR + 2 * L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c42.intoArray(tile, 4 * NR + 2 * L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c52.intoArray(tile, 5 * NR + 2 * L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c62.intoArray(tile, 6 * NR + 2 * L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        c72.intoArray(tile, 7 * NR + 2 * L);
        addTile(tile, 8, c, at, n, width);
    }

    /** A 4 x NR tile of C, at c[at], c[at + n], ..., from rows of A starting at a[r], a[r + aRow], .... */
    private static void fourRows(double[] a, int r, int aRow, int aCol, double[] b, int start, int stride,
                                 int kc, double[] c, int at, int n, int width, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        int r1 = r + aRow;
        int r2 = r1 + aRow;
        int r3 = r2 + aRow;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bi + 2 * L);
            bi += stride;
            int q = p * aCol;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + q]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = DoubleVector.broadcast(SPECIES, a[r1 + q]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = DoubleVector.broadcast(SPECIES, a[r2 + q]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = DoubleVector.broadcast(SPECIES, a[r3 + q]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
        }
        if (width == NR) {   // straight into C: no call that would receive the vectors as objects
            DoubleVector.fromArray(SPECIES, c, at).add(c00).intoArray(c, at);
            DoubleVector.fromArray(SPECIES, c, at + L).add(c01).intoArray(c, at + L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * L).add(c02).intoArray(c, at + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + n).add(c10).intoArray(c, at + n);
            DoubleVector.fromArray(SPECIES, c, at + n + L).add(c11).intoArray(c, at + n + L);
            DoubleVector.fromArray(SPECIES, c, at + n + 2 * L).add(c12).intoArray(c, at + n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n).add(c20).intoArray(c, at + 2 * n);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n + L).add(c21).intoArray(c, at + 2 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * n + 2 * L).add(c22).intoArray(c, at + 2 * n + 2 * L);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n).add(c30).intoArray(c, at + 3 * n);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n + L).add(c31).intoArray(c, at + 3 * n + L);
            DoubleVector.fromArray(SPECIES, c, at + 3 * n + 2 * L).add(c32).intoArray(c, at + 3 * n + 2 * L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c32.intoArray(tile, 3 * NR + 2 * L);
        addTile(tile, 4, c, at, n, width);
    }

    /** As {@link #fourRows} for a strip at most two vectors wide: the third vector's sums would all be dropped. */
    private static void fourRowsNarrow(double[] a, int r, int aRow, int aCol, double[] b, int start, int stride,
                                       int kc, double[] c, int at, int n, int width, double[] tile) {
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
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        addTile(tile, 4, c, at, n, width);
    }

    /**
     * {@code count} (1 or 4) rows of a strip at most one vector wide: rows of A at a[r], a[r + aRow], ... (with
     * aRow = 0 and count 1, one row computed four times and written once).
     */
    private static void fourRowsOneVector(double[] a, int r, int aRow, int aCol, double[] b, int start, int stride,
                                          int kc, double[] c, int at, int n, int width, double[] tile, int count) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        int r1 = r + aRow;
        int r2 = r1 + aRow;
        int r3 = r2 + aRow;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
            bi += stride;
            int q = p * aCol;
            c0 = b0.fma(DoubleVector.broadcast(SPECIES, a[r + q]), c0);
            c1 = b0.fma(DoubleVector.broadcast(SPECIES, a[r1 + q]), c1);
            c2 = b0.fma(DoubleVector.broadcast(SPECIES, a[r2 + q]), c2);
            c3 = b0.fma(DoubleVector.broadcast(SPECIES, a[r3 + q]), c3);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        addTile(tile, count, c, at, n, width);
    }

    /**
     * As {@link #oneRow} for a strip at most two vectors wide. (Folded into {@link #fourRowsNarrow} as one row
     * computed four times, the way {@link #fourRowsOneVector} takes a single row, the batch-1 steps measured slower:
     * fastest vanilla RNN step at 1x100x32x32 0.221-0.224 ms against 0.195-0.197, LSTM 0.524-0.547 against
     * 0.498-0.514, four alternating JVMs each.)
     */
    private static void oneRowNarrow(double[] a, int r, int aCol, double[] b, int start, int stride, int kc,
                                     double[] c, int at, int width, double[] tile) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + p * aCol]);
            c0 = DoubleVector.fromArray(SPECIES, b, bi).fma(x, c0);
            c1 = DoubleVector.fromArray(SPECIES, b, bi + L).fma(x, c1);
            bi += stride;
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        addTile(tile, 1, c, at, 0, width);
    }

    /** One row of NR columns of C, at c[at], from the row of A starting at a[r]. */
    private static void oneRow(double[] a, int r, int aCol, double[] b, int start, int stride, int kc,
                               double[] c, int at, int width, double[] tile) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        int bi = start;
        for (int p = 0; p < kc; p++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r + p * aCol]);
            c0 = DoubleVector.fromArray(SPECIES, b, bi).fma(x, c0);
            c1 = DoubleVector.fromArray(SPECIES, b, bi + L).fma(x, c1);
            c2 = DoubleVector.fromArray(SPECIES, b, bi + 2 * L).fma(x, c2);
            bi += stride;
        }
        if (width == NR) {   // straight into C: no call that would receive the vectors as objects
            DoubleVector.fromArray(SPECIES, c, at).add(c0).intoArray(c, at);
            DoubleVector.fromArray(SPECIES, c, at + L).add(c1).intoArray(c, at + L);
            DoubleVector.fromArray(SPECIES, c, at + 2 * L).add(c2).intoArray(c, at + 2 * L);
            return;
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        addTile(tile, 1, c, at, 0, width);
    }

    /**
     * C's rows at c[at], c[at + n], ... ({@code count} of them) += the tile's rows, their first width entries (row r
     * at tile[r · NR]). The tiles hand their registers over through this small array because a method that takes
     * vectors as arguments and is not inlined (the tile loops are too large for the compiler to inline more into
     * them) gets them as objects, allocated on every call: that measured fifteen times slower.
     */
    private static void addTile(double[] tile, int count, double[] c, int at, int n, int width) {
        for (int r = 0; r < count; r++) {
            int row = at + r * n;
            int j = 0;
            for (; j + L <= width; j += L) {
                DoubleVector.fromArray(SPECIES, c, row + j).add(DoubleVector.fromArray(SPECIES, tile, r * NR + j))
                        .intoArray(c, row + j);
            }
            for (; j < width; j++) {
                c[row + j] += tile[r * NR + j];
            }
        }
    }
}
