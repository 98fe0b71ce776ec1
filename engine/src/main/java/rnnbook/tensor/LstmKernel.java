package rnnbook.tensor;

/**
 * The elementwise part of an LSTM step in one pass over PyTorch's stacked gate layout, for a time loop that must
 * not allocate or copy: the gate pre-activations z (batch, 4 * hidden), in the order i, f, g, o, are turned into
 * the gate values where they lie. The formulas are {@code rnnbook.nn.LstmCell}'s, which computes the same values
 * gate by gate on whole matrices (a test holds the two to the same bits); the products are left to the caller.
 * <pre>
 *   forward:  i, f, o = σ(z_i, z_f, z_o)   g = tanh(z_g)   c = f ⊙ c_{t-1} + i ⊙ g   h = o ⊙ tanh(c)
 *   backward: dc = dc_t + dh ⊙ o ⊙ (1 - tanh²(c))
 *             dz = [dc ⊙ g ⊙ i(1 - i), dc ⊙ c_{t-1} ⊙ f(1 - f), dc ⊙ i ⊙ (1 - g²), dh ⊙ tanh(c) ⊙ o(1 - o)]
 *             dc_{t-1} = dc ⊙ f
 * </pre>
 *
 * <p>From batch 16 up, with enough entries, the rows of the batch are shared between both cores
 * ({@code SecondCore.splitRows}): every entry is computed by the same code either way, so the bits do not change.
 */
public final class LstmKernel {
    private LstmKernel() {
    }

    /**
     * Overwrites z (batch, 4 * hidden) with the gate values and writes c, tanh(c) and h (batch, hidden).
     */
    public static void forward(Matrix z, Matrix cPrev, Matrix c, Matrix tanhC, Matrix h) {
        int batch = cPrev.rows();
        int hidden = cPrev.cols();
        z.requireShape("LstmKernel gate pre-activations", batch, 4 * hidden);
        SecondCore.splitRows(batch, 4 * hidden, (from, to) -> forward(z, cPrev, c, tanhC, h, from, to));
    }

    /** {@link #forward} on rows [from, to) of the batch. */
    private static void forward(Matrix z, Matrix cPrev, Matrix c, Matrix tanhC, Matrix h, int from, int to) {
        int hidden = cPrev.cols();
        double[] gates = z.data();
        for (int b = from; b < to; b++) {
            int row = b * 4 * hidden;   // example b's gates i, f, g, o start at row, row + H, row + 2H, row + 3H
            Pointwise.sigmoid(gates, row, row + 2 * hidden);
            Pointwise.tanh(gates, row + 2 * hidden, row + 3 * hidden);
            Pointwise.sigmoid(gates, row + 3 * hidden, row + 4 * hidden);
        }
        double[] cp = cPrev.data();
        double[] cs = c.data();
        for (int b = from; b < to; b++) {
            int row = b * 4 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                cs[k] = gates[row + hidden + j] * cp[k] + gates[row + j] * gates[row + 2 * hidden + j];
            }
        }
        double[] tc = tanhC.data();
        System.arraycopy(cs, from * hidden, tc, from * hidden, (to - from) * hidden);
        Pointwise.tanh(tc, from * hidden, to * hidden);
        double[] hs = h.data();
        for (int b = from; b < to; b++) {
            int row = b * 4 * hidden + 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                hs[b * hidden + j] = gates[row + j] * tc[b * hidden + j];
            }
        }
    }

    /**
     * Writes the pre-activation gradients dz (batch, 4 * hidden) and turns dc (dL/dc_t from the next step,
     * (batch, hidden)) into dL/dc_{t-1} where it lies.
     */
    public static void backward(Matrix gateValues, Matrix tanhC, Matrix cPrev, Matrix dh, Matrix dc, Matrix dz) {
        SecondCore.splitRows(cPrev.rows(), 4 * cPrev.cols(),
                (from, to) -> backward(gateValues, tanhC, cPrev, dh, dc, dz, from, to));
    }

    /** {@link #backward} on rows [from, to) of the batch. */
    private static void backward(Matrix gateValues, Matrix tanhC, Matrix cPrev, Matrix dh, Matrix dc, Matrix dz,
                                 int from, int to) {
        int hidden = cPrev.cols();
        double[] gates = gateValues.data();
        double[] tc = tanhC.data();
        double[] cp = cPrev.data();
        double[] dhs = dh.data();
        double[] dcs = dc.data();
        double[] dzs = dz.data();
        for (int b = from; b < to; b++) {
            int row = b * 4 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double i = gates[row + j];
                double f = gates[row + hidden + j];
                double g = gates[row + 2 * hidden + j];
                double o = gates[row + 3 * hidden + j];
                double t = tc[k];
                double total = dhs[k] * o * (1 - t * t) + dcs[k];   // all that reaches c_t
                dzs[row + j] = total * g * (i * (1 - i));
                dzs[row + hidden + j] = total * cp[k] * (f * (1 - f));
                dzs[row + 2 * hidden + j] = total * i * (1 - g * g);
                dzs[row + 3 * hidden + j] = dhs[k] * t * (o * (1 - o));
                dcs[k] = total * f;
            }
        }
    }
}
