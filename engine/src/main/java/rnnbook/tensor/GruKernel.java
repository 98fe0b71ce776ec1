package rnnbook.tensor;

/**
 * The elementwise part of a GRU step in one pass over PyTorch's stacked gate layout (r, z, n), for a time loop
 * that must not allocate or copy. gi = x · W_ihᵀ + b_ih and gh = h_{t-1} · W_hhᵀ + b_hh are the input and
 * recurrent halves, (batch, 3 * hidden), kept apart because the reset gate scales the recurrent half of the
 * candidate. The forward pass adds b_hh to gh itself, row by row on the core that reads the row anyway, rather
 * than in a pass of its own on one core. The formulas are {@code rnnbook.nn.GruCell}'s, which computes the same
 * values gate by gate on whole matrices (a test holds the two to the same bits):
 * <pre>
 *   forward:  r = σ(gi_r + gh_r)   z = σ(gi_z + gh_z)   n = tanh(gi_n + r ⊙ gh_n)   h = n + z ⊙ (h_{t-1} - n)
 *   backward: dn = dh ⊙ (1 - z) ⊙ (1 - n²)   dz = dh ⊙ (h_{t-1} - n) ⊙ z(1 - z)   dr = dn ⊙ gh_n ⊙ r(1 - r)
 *             dgi = [dr, dz, dn]   dgh = [dr, dz, dn ⊙ r]   dh_{t-1} = dh ⊙ z (+ dgh · W_hh, the caller's product)
 * </pre>
 *
 * <p>From batch 16 up, with enough entries, the rows of the batch are shared between both cores
 * ({@code SecondCore.splitRows}): every entry is computed by the same code either way, so the bits do not change.
 */
public final class GruKernel {
    private GruKernel() {
    }

    /**
     * Adds b_hh (1, 3 * hidden) to gh, which arrives as h_{t-1} · W_hhᵀ and leaves as the recurrent half the
     * backward pass reads; overwrites gi (which holds x · W_ihᵀ + b_ih) with the gate values r, z, n; writes h
     * (batch, hidden).
     */
    public static void forward(Matrix gi, Matrix gh, Matrix biasHh, Matrix hPrev, Matrix h) {
        int batch = hPrev.rows();
        int hidden = hPrev.cols();
        gi.requireShape("GruKernel input half", batch, 3 * hidden);
        gh.requireShape("GruKernel recurrent half", batch, 3 * hidden);
        biasHh.requireShape("GruKernel recurrent bias", 1, 3 * hidden);
        SecondCore.splitRows(batch, 3 * hidden, (from, to) -> forward(gi, gh, biasHh, hPrev, h, from, to));
    }

    /** {@link #forward} on rows [from, to) of the batch. */
    private static void forward(Matrix gi, Matrix gh, Matrix biasHh, Matrix hPrev, Matrix h, int from, int to) {
        int hidden = hPrev.cols();
        double[] gates = gi.data();
        double[] rec = gh.data();
        double[] bias = biasHh.data();
        double[] hp = hPrev.data();
        double[] hs = h.data();
        for (int b = from; b < to; b++) {
            int row = b * 3 * hidden;
            for (int j = 0; j < 2 * hidden; j++) {   // r and z: gi + (gh + b_hh)
                rec[row + j] += bias[j];
                gates[row + j] += rec[row + j];
            }
            Pointwise.sigmoid(gates, row, row + 2 * hidden);
            for (int j = 0; j < hidden; j++) {   // n: gi_n + r ⊙ (gh_n + b_hn)
                int q = row + 2 * hidden + j;
                rec[q] += bias[2 * hidden + j];
                gates[q] += gates[row + j] * rec[q];
            }
            Pointwise.tanh(gates, row + 2 * hidden, row + 3 * hidden);
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double z = gates[row + hidden + j];
                double n = gates[row + 2 * hidden + j];
                hs[k] = n + z * (hp[k] - n);
            }
        }
    }

    /** Writes dgi, dgh (batch, 3 * hidden) and the direct part of dL/dh_{t-1}, dh ⊙ z, into dhPrev. */
    public static void backward(Matrix gateValues, Matrix gh, Matrix hPrev, Matrix dh,
                                Matrix dgi, Matrix dgh, Matrix dhPrev) {
        SecondCore.splitRows(hPrev.rows(), 3 * hPrev.cols(),
                (from, to) -> backward(gateValues, gh, hPrev, dh, dgi, dgh, dhPrev, from, to));
    }

    /** {@link #backward} on rows [from, to) of the batch. */
    private static void backward(Matrix gateValues, Matrix gh, Matrix hPrev, Matrix dh, Matrix dgi, Matrix dgh,
                                 Matrix dhPrev, int from, int to) {
        int hidden = hPrev.cols();
        double[] gates = gateValues.data();
        double[] rec = gh.data();
        double[] hp = hPrev.data();
        double[] dhs = dh.data();
        double[] di = dgi.data();
        double[] dr = dgh.data();
        double[] dp = dhPrev.data();
        for (int b = from; b < to; b++) {
            int row = b * 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double r = gates[row + j];
                double z = gates[row + hidden + j];
                double n = gates[row + 2 * hidden + j];
                double dn = dhs[k] * (1 - z) * (1 - n * n);
                double dz = dhs[k] * (hp[k] - n) * (z * (1 - z));
                double dReset = dn * rec[row + 2 * hidden + j] * (r * (1 - r));
                di[row + j] = dReset;
                di[row + hidden + j] = dz;
                di[row + 2 * hidden + j] = dn;
                dr[row + j] = dReset;
                dr[row + hidden + j] = dz;
                dr[row + 2 * hidden + j] = dn * r;
                dp[k] = dhs[k] * z;
            }
        }
    }
}
