package rnnbook.tensor;

/**
 * A right-hand operand B (k, n) prepared once for many products {@code C += A · B}, such as W_hhᵀ, which every time
 * step of a sequence multiplies. The SIMD kernel otherwise copies B into its own layout at every product (for B
 * wider than 256 columns), which for one step's product of a few rows costs as much as the arithmetic. Take a new
 * one when B changes: it is a snapshot.
 */
public final class Packed {
    private final double[] data;
    private final int rows;
    private final int cols;

    private Packed(double[] data, int rows, int cols) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    /** B as it is now, packed for {@link Matrix#addMatmul(Matrix, Packed)}. */
    public static Packed of(Matrix b) {
        return new Packed(Gemm.pack(b.data(), b.rows(), b.cols()), b.rows(), b.cols());
    }

    /**
     * wᵀ as it is now, packed for {@link Matrix#addMatmul(Matrix, Packed)}: for products a · wᵀ, such as
     * h_{t-1} · W_hhᵀ, without first making the transposed copy (which took longer than the packing).
     */
    public static Packed ofTransposed(Matrix w) {
        return new Packed(Gemm.packTransposed(w.data(), w.cols(), w.rows()), w.cols(), w.rows());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    double[] data() {
        return data;
    }

    /** "(rows, cols)", as {@link Matrix#shape()}. */
    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }
}
