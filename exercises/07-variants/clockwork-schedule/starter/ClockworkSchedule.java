package rnnbook.exercises;

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
        // TODO
        return null;
    }

    /** h_t from h_{t-1} and the pre-activation a, both (batch, hidden); hidden divides by periods.length. */
    public static Matrix update(Matrix hPrev, Matrix a, int t, int[] periods) {
        // TODO
        return null;
    }
}
