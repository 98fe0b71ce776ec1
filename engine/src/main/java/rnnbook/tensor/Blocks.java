package rnnbook.tensor;

/**
 * Cutting matrices into blocks of columns or picking rows: what gated cells (one matmul for all gates, then one
 * block of columns per gate), concatenations [h; context] and beam search (keeping the rows of surviving
 * hypotheses) need. Every method allocates its result and leaves its operands unchanged, except
 * {@link #addColumns}, which writes into its target.
 */
public final class Blocks {
    private Blocks() {
    }

    /** Columns [from, to) of m as a new (rows, to - from) matrix. */
    public static Matrix columns(Matrix m, int from, int to) {
        if (from < 0 || to > m.cols() || from > to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") outside a matrix of shape "
                    + m.shape());
        }
        int w = to - from;
        Matrix out = Matrix.zeros(m.rows(), w);
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.data(), i * m.cols() + from, out.data(), i * w, w);
        }
        return out;
    }

    /**
     * Gate block {@code k} of width {@code width}: columns [k * width, (k + 1) * width) of m, copied. A gated cell
     * computes all its gates' pre-activations in one product against PyTorch's stacked weights (LSTM: (batch,
     * 4 * hidden) in the order i, f, g, o; GRU: (batch, 3 * hidden), r, z, n) and cuts it into one block per gate.
     */
    public static Matrix block(Matrix m, int k, int width) {
        return columns(m, k * width, (k + 1) * width);
    }

    /** The blocks side by side, k matrices (rows, width) to one (rows, k * width): the gates' gradients glued back. */
    public static Matrix join(Matrix... blocks) {
        int rows = blocks[0].rows();
        int width = blocks[0].cols();
        Matrix out = Matrix.zeros(rows, width * blocks.length);
        for (int k = 0; k < blocks.length; k++) {
            blocks[k].requireShape("join: block " + k, rows, width);
            copyColumns(out, k * width, blocks[k]);
        }
        return out;
    }

    /** target[:, from : from + block.cols] = block. */
    private static void copyColumns(Matrix target, int from, Matrix block) {
        int w = block.cols();
        for (int i = 0; i < block.rows(); i++) {
            System.arraycopy(block.data(), i * w, target.data(), i * target.cols() + from, w);
        }
    }

    /** target[:, from : from + block.cols] += block. */
    public static void addColumns(Matrix target, int from, Matrix block) {
        if (block.rows() != target.rows() || from < 0 || from + block.cols() > target.cols()) {
            throw new IllegalArgumentException("addColumns: a block of shape " + block.shape() + " at column "
                    + from + " does not fit a target of shape " + target.shape());
        }
        int w = block.cols();
        double[] t = target.data();
        double[] b = block.data();
        for (int i = 0; i < block.rows(); i++) {
            int o = i * target.cols() + from;
            for (int j = 0; j < w; j++) {
                t[o + j] += b[i * w + j];
            }
        }
    }

    /** [a | b]: (n, p) and (n, q) side by side give (n, p + q). */
    public static Matrix concatColumns(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("concatColumns: row counts differ: " + a.shape() + " and "
                    + b.shape());
        }
        Matrix out = Matrix.zeros(a.rows(), a.cols() + b.cols());
        addColumns(out, 0, a);
        addColumns(out, a.cols(), b);
        return out;
    }

    /** Rows {@code rows[0], rows[1], ...} of m, in that order (repeats allowed), as a new matrix. */
    public static Matrix gatherRows(Matrix m, int[] rows) {
        Matrix out = Matrix.zeros(rows.length, m.cols());
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= m.rows()) {
                throw new IllegalArgumentException("gatherRows: row " + rows[i] + " outside a matrix of shape "
                        + m.shape());
            }
            System.arraycopy(m.data(), rows[i] * m.cols(), out.data(), i * m.cols(), m.cols());
        }
        return out;
    }
}
