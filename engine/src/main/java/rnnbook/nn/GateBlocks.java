package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * Column blocks of a gate matrix. Gated cells compute every gate's pre-activation with one matrix product
 * against PyTorch's stacked weights (LSTM: (batch, 4 * hidden) in the order i, f, g, o; GRU: (batch, 3 * hidden)
 * in the order r, z, n); these helpers cut that product into one (batch, hidden) matrix per gate and glue the
 * gates' gradients back together for the backward product.
 */
final class GateBlocks {
    private GateBlocks() {
    }

    /** Block {@code k} of width {@code hidden}: columns [k * hidden, (k + 1) * hidden) of z, copied. */
    static Matrix block(Matrix z, int k, int hidden) {
        int batch = z.rows();
        int width = z.cols();
        Matrix out = Matrix.zeros(batch, hidden);
        double[] src = z.data();
        double[] dst = out.data();
        for (int b = 0; b < batch; b++) {
            System.arraycopy(src, b * width + k * hidden, dst, b * hidden, hidden);
        }
        return out;
    }

    /** The blocks side by side: k matrices (batch, hidden) to one (batch, k * hidden). */
    static Matrix join(Matrix... blocks) {
        int batch = blocks[0].rows();
        int hidden = blocks[0].cols();
        int width = hidden * blocks.length;
        Matrix out = Matrix.zeros(batch, width);
        double[] dst = out.data();
        for (int k = 0; k < blocks.length; k++) {
            blocks[k].requireShape("gate block " + k, batch, hidden);
            double[] src = blocks[k].data();
            for (int b = 0; b < batch; b++) {
                System.arraycopy(src, b * hidden, dst, b * width + k * hidden, hidden);
            }
        }
        return out;
    }
}
