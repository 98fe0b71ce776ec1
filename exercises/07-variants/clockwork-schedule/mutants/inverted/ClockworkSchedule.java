package rnnbook.exercises;

// MUTANT: a module updates when t mod T is NOT 0

import rnnbook.tensor.Matrix;

/**
 * Exercise clockwork-schedule: which modules of a Clockwork RNN update at step t, and the update itself.
 *
 * <pre>
 *   module k (period T_k) updates at step t  iff  t mod T_k = 0          (steps count from t = 0)
 *   hidden unit u belongs to module u / m, where m = hidden / K units per module (K = number of modules)
 *   h_t[b][u] = tanh(a[b][u])  if the module of u updates at step t,  else  h_{t-1}[b][u]
 * </pre>
 * {@code a} is the pre-activation (batch, hidden) the cell has already computed; {@code hPrev} is (batch, hidden).
 * The inputs are not changed; {@code update} returns a new matrix.
 */
public final class ClockworkSchedule {
    private ClockworkSchedule() {
    }

    /** The indices k of the modules that update at step t, in increasing order (an empty array if none). */
    public static int[] updating(int t, int[] periods) {
        int count = 0;
        for (int p : periods) {
            count += t % p != 0 ? 1 : 0;
        }
        int[] out = new int[count];
        int next = 0;
        for (int k = 0; k < periods.length; k++) {
            if (t % periods[k] != 0) {
                out[next++] = k;
            }
        }
        return out;
    }

    /** h_t from h_{t-1} and the pre-activation a, both (batch, hidden); hidden divides by periods.length. */
    public static Matrix update(Matrix hPrev, Matrix a, int t, int[] periods) {
        int hidden = hPrev.cols();
        int moduleSize = hidden / periods.length;
        Matrix h = hPrev.copy();
        for (int b = 0; b < h.rows(); b++) {
            for (int u = 0; u < hidden; u++) {
                if (t % periods[u / moduleSize] != 0) {   // this unit's module ticks now
                    h.set(b, u, Math.tanh(a.get(b, u)));
                }
            }
        }
        return h;
    }
}
