package rnnbook.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x on a register of doubles, built only from operations IEEE 754 rounds exactly (add, multiply, fused
 * multiply-add, shifts of bits), so interpreted and compiled code give the same bits and a run repeats itself.
 * The Vector API's own EXP does not: interpreted it is {@link Math#exp} lane by lane, compiled a different routine.
 *
 * <p>The method: x = k·ln 2 + r with k = round(x / ln 2) and |r| <= ln 2 / 2, so e^x = 2^k · e^r; e^r is its
 * Taylor polynomial to r^13 (the next term is below 4e-18, a thirtieth of an ulp of 1), and 2^k is written into the
 * exponent bits, in two factors so that results below 2^-1022 round into the subnormals as they should. Within
 * 2 ulp of {@link Math#exp}; 0 below x = -745.2, +∞ above 709.8, NaN for NaN.
 */
final class VectorExp {
    private VectorExp() {
    }

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 in two parts: the first has trailing zero bits, so k · LN2_HI is exact for |k| < 2^11. */
    private static final double LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LN2_LO = 0x1.ef35793c7673p-45;
    /** Adding and subtracting 1.5·2^52 rounds a double below 2^51 in size to the nearest integer. */
    private static final double ROUND = 0x1.8p52;
    /** 1/n! for n = 0 ... 13. */
    private static final double[] INVERSE_FACTORIALS = inverseFactorials(13);

    private static double[] inverseFactorials(int n) {
        double[] c = new double[n + 1];
        c[0] = 1.0;
        for (int i = 1; i <= n; i++) {
            c[i] = c[i - 1] / i;
        }
        return c;
    }

    static DoubleVector exp(DoubleVector x) {
        // outside [-746, 710] the answer is 0 or +∞ anyway; clamping keeps k within the exponent's range (NaN stays)
        DoubleVector xc = x.max(-746.0).min(710.0);
        DoubleVector k = xc.mul(LOG2_E).add(ROUND).sub(ROUND);
        DoubleVector r = k.fma(xc.broadcast(-LN2_LO), k.fma(xc.broadcast(-LN2_HI), xc));
        DoubleVector p = DoubleVector.broadcast(x.species(), INVERSE_FACTORIALS[13]);
        for (int n = 12; n >= 0; n--) {
            p = p.fma(r, xc.broadcast(INVERSE_FACTORIALS[n]));
        }
        // 2^k = 2^half · 2^(k - half), each factor a normal double
        DoubleVector half = k.mul(0.5).add(ROUND).sub(ROUND);
        return p.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half)));
    }

    /** 2^n for an integer-valued n in [-1022, 1023]: the biased exponent n + 1023 shifted into the exponent bits. */
    private static DoubleVector powerOfTwo(DoubleVector n) {
        // n + 1023 + 1.5·2^52 holds n + 1023 in its low mantissa bits; shifting left by 52 moves them to the exponent
        return n.add(ROUND + 1023).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }
}
