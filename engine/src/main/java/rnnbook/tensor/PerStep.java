package rnnbook.tensor;

/**
 * The same product for every step of a sequence held step by step ({@code Matrix[]}, entry t of shape
 * (batch, ·)): what a recurrent layer does outside its time loop, for the input x_t · W_ihᵀ of all steps before
 * it and the gradients Σ_t dG_tᵀ · x_t and dG_t · W_ih after it.
 *
 * <p>Done as one call rather than one {@link Matrix} product per step so that the kernel sees the whole job: the
 * shared operand is prepared once, and the steps (or the rows of a gradient) are shared out between both cores.
 * Nothing is stacked into a (seq * batch, ·) matrix and split again, which at these sizes costs as much as the
 * arithmetic.
 */
public final class PerStep {
    private PerStep() {
    }

    /**
     * a_t · wᵀ + b_1 + b_2 + ... for every t: (batch, k) times (n, k)ᵀ gives (batch, n), e.g. x_t · W_ihᵀ + b_ih,
     * each bias a (1, n) row added to every row, in the order given. The biases are added right after each step's
     * product, on the core that made it, while it is still in that core's cache: the same sums, in the same order,
     * as adding them afterwards ({@link Matrix#addRowVectorInPlace}), without a second pass over every step.
     */
    public static Matrix[] matmulT(Matrix[] as, Matrix w, Matrix... biases) {
        int k = w.cols();
        int n = w.rows();
        for (Matrix b : biases) {
            b.requireShape("PerStep.matmulT bias", 1, n);
        }
        if (as.length == 1) {   // one step (a decoder's): no packed copy of wᵀ, the same sums
            Matrix out = as[0].matmulT(w);
            for (Matrix b : biases) {
                out.addRowVectorInPlace(b);
            }
            return new Matrix[] {out};
        }
        check(as, k, "matmulT", w);
        double[][] out = new double[as.length][];   // made by the core that computes each step
        Gemm.eachNNPacked(data(as), Gemm.packTransposed(w.data(), k, n), out, as[0].rows(), k, n,
                (t, from, to) -> {
                    for (Matrix b : biases) {
                        for (int i = from; i < to; i++) {   // what addRowVectorInPlace does, on these rows
                            Pointwise.addTo(b.data(), 0, out[t], i * n, n);
                        }
                    }
                });
        return wrap(out, as[0].rows(), n);
    }

    /** a_t · b for every t: (batch, k) times (k, n) gives (batch, n), e.g. dG_t · W_ih. */
    public static Matrix[] matmul(Matrix[] as, Matrix b) {
        int k = b.rows();
        int n = b.cols();
        check(as, k, "matmul", b);
        double[][] out = new double[as.length][];   // made by the core that computes each step
        Gemm.eachNN(data(as), b.data(), out, as[0].rows(), k, n);
        return wrap(out, as[0].rows(), n);
    }

    /** Checks that every a_t is (batch, k), batch being a_0's. */
    private static void check(Matrix[] as, int k, String what, Matrix shown) {
        int m = as[0].rows();
        for (int t = 0; t < as.length; t++) {
            if (as[t].rows() != m || as[t].cols() != k) {
                throw new IllegalArgumentException("PerStep." + what + ": step " + t + " has shape "
                        + as[t].shape() + ", expected (" + m + ", " + k + ") to multiply " + shown.shape()
                        + (what.equals("matmulT") ? "ᵀ" : ""));
            }
        }
    }

    private static Matrix[] wrap(double[][] data, int rows, int cols) {
        Matrix[] out = new Matrix[data.length];
        for (int t = 0; t < data.length; t++) {
            out[t] = Matrix.wrap(rows, cols, data[t]);
        }
        return out;
    }

    private static double[][] data(Matrix[] ms) {
        double[][] d = new double[ms.length][];
        for (int t = 0; t < ms.length; t++) {
            d[t] = ms[t].data();
        }
        return d;
    }

    /** c += Σ_t a_tᵀ · b_t: (k, m)ᵀ times (k, n) summed over t gives (m, n), e.g. dW_hh += Σ_t dG_tᵀ · h_{t-1}. */
    public static void addTMatmul(Matrix c, Matrix[] as, Matrix[] bs) {
        if (as.length != bs.length) {
            throw new IllegalArgumentException("PerStep.addTMatmul: " + as.length + " left steps but " + bs.length
                    + " right steps");
        }
        int k = as[0].rows();
        int m = as[0].cols();
        int n = bs[0].cols();
        double[][] a = new double[as.length][];
        double[][] b = new double[bs.length][];
        for (int t = 0; t < as.length; t++) {
            if (as[t].rows() != k || as[t].cols() != m || bs[t].rows() != k || bs[t].cols() != n) {
                throw new IllegalArgumentException("PerStep.addTMatmul: step " + t + " has shapes " + as[t].shape()
                        + "ᵀ and " + bs[t].shape() + ", expected (" + k + ", " + m + ")ᵀ and (" + k + ", " + n + ")");
            }
            a[t] = as[t].data();
            b[t] = bs[t].data();
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("PerStep.addTMatmul: the sum has shape (" + m + ", " + n
                    + ") but the target has shape " + c.shape());
        }
        Gemm.sumTN(a, b, c.data(), k, m, n);
    }

    /**
     * target += Σ_t (sum over the rows of a_t), for each target: a bias gradient over every step (an LSTM's b_ih and
     * b_hh get the same sum). One pass over the steps, each row added to every target in turn, so each target sums
     * its rows in the same order as {@link Matrix#addSumRowsTo} step after step; the columns are shared out between
     * both cores.
     */
    public static void addSumRows(Matrix[] as, Matrix... targets) {
        addSumRows(as, 0, as[0].cols(), targets);
    }

    /**
     * As {@link #addSumRows(Matrix[], Matrix...)} for columns [fromCol, toCol) only: the other entries of the
     * targets are left as they are.
     */
    public static void addSumRows(Matrix[] as, int fromCol, int toCol, Matrix... targets) {
        int cols = as[0].cols();
        if (fromCol < 0 || fromCol > toCol || toCol > cols) {
            throw new IllegalArgumentException("PerStep.addSumRows: columns [" + fromCol + ", " + toCol
                    + ") are not within the " + cols + " columns of the steps");
        }
        for (Matrix target : targets) {
            if (target.rows() != 1 || target.cols() != cols) {
                throw new IllegalArgumentException("PerStep.addSumRows: target must have shape (1, " + cols
                        + "), got " + target.shape());
            }
        }
        for (int t = 0; t < as.length; t++) {
            if (as[t].cols() != cols) {
                throw new IllegalArgumentException("PerStep.addSumRows: step " + t + " has shape " + as[t].shape()
                        + ", expected " + cols + " columns");
            }
        }
        int rows = 0;
        for (Matrix a : as) {
            rows += a.rows();
        }
        // columns [from, to) of every target: additions of separate entries, so any split gives the same bits
        SecondCore.splitRows(toCol - fromCol, rows, (first, last) -> {
            int from = fromCol + first;
            int to = fromCol + last;
            for (Matrix a : as) {
                double[] d = a.data();
                for (int i = 0; i < a.rows(); i++) {
                    for (Matrix target : targets) {
                        Pointwise.addTo(d, i * cols + from, target.data(), from, to - from);
                    }
                }
            }
        });
    }
}
