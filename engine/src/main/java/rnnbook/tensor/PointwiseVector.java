package rnnbook.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD forms of {@link Pointwise}, with the Vector API: the same formulas, a register of doubles at a time,
 * on {@link VectorExp}'s exponential (within 2 ulp, and the same bits interpreted or compiled). Loaded only when
 * {@link Simd#AVAILABLE}. Each loop's tail (fewer entries than a register holds) runs the scalar form.
 */
final class PointwiseVector {
    private PointwiseVector() {
    }

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /**
     * Straight-line code, no branch and no masked operation. The earlier form (the series only when a lane needed
     * it, the sign put back by a masked negation) ran, inside the LSTM step, through the Vector API's slow Java
     * fallbacks ({@code blendTemplate}, {@code stOp}): 63 profiler samples in tanh against 26 for this form. The
     * series is computed for every lane and kept where |x| is small; the sign of x is put back as a bit, which is
     * negation for x < 0 and keeps the sign of ±0 (tanh(|x|) is never negative; NaN stays NaN). Same bits as before.
     */
    static void tanh(double[] d, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, d, i);
            DoubleVector ax = x.abs();
            DoubleVector e = VectorExp.exp(ax.mul(-2.0));
            DoubleVector t = DoubleVector.broadcast(SPECIES, 1.0).sub(e).div(e.add(1.0));   // tanh(|x|)
            DoubleVector x2 = x.mul(x);
            DoubleVector series = x2.mul(-17.0 / 315).add(2.0 / 15).mul(x2).add(-1.0 / 3)
                    .mul(x2).mul(ax).add(ax);   // |x| - |x|³/3 + 2|x|⁵/15 - 17|x|⁷/315, near zero
            t.blend(series, ax.lt(Pointwise.TANH_SERIES_BELOW)).reinterpretAsLongs()
                    .or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles().intoArray(d, i);
        }
        for (; i < to; i++) {
            d[i] = Pointwise.tanh(d[i]);
        }
    }

    static void sigmoid(double[] d, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, d, i);
            // 1 / (1 + e^(-x)): for very negative x, e^(-x) = ∞ and the quotient is the correct 0
            DoubleVector e = VectorExp.exp(x.neg());
            DoubleVector.broadcast(SPECIES, 1.0).div(e.add(1.0)).intoArray(d, i);
        }
        for (; i < to; i++) {
            d[i] = Pointwise.sigmoid(d[i]);
        }
    }

    static double expShifted(double[] d, int from, int to, double shift) {
        int i = from;
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (; i + L <= to; i += L) {
            DoubleVector e = VectorExp.exp(DoubleVector.fromArray(SPECIES, d, i).sub(shift));
            e.intoArray(d, i);
            sum = sum.add(e);
        }
        double total = 0;
        for (int lane = 0; lane < L; lane++) {   // in lane order: reduceLanes may add in another order once compiled
            total += sum.lane(lane);
        }
        for (; i < to; i++) {
            d[i] = Math.exp(d[i] - shift);
            total += d[i];
        }
        return total;
    }

    static void addTo(double[] src, int srcFrom, double[] dst, int dstFrom, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector.fromArray(SPECIES, dst, dstFrom + i).add(DoubleVector.fromArray(SPECIES, src, srcFrom + i))
                    .intoArray(dst, dstFrom + i);
        }
        for (; i < n; i++) {
            dst[dstFrom + i] += src[srcFrom + i];
        }
    }

    static boolean allFinite(double[] d) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i + L <= d.length; i += L) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, d, i);
            acc = acc.add(x.sub(x));   // 0 for finite entries, NaN for NaN or ±∞
        }
        double total = acc.reduceLanes(VectorOperators.ADD);
        for (; i < d.length; i++) {
            total += d[i] - d[i];
        }
        return total == 0;
    }
}
