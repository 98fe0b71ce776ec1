package rnnbook.variants;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import rnnbook.nn.Activation;
import rnnbook.nn.FourWeightCell;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Matrix;

/**
 * The Clockwork RNN (Koutník et al. 2014): the hidden units are split into modules, each with its own period
 * T_k (1, 2, 4, ... by default); at step t module k updates only when t mod T_k = 0 and otherwise keeps its value.
 * Slow modules hold information over long spans; a module reads the recurrent state only of modules at least
 * as slow as itself (W_hh is block-triangular).
 * <pre>
 *   a_t     = x_t W_ihᵀ + b_ih + h_{t-1} (W_hh ⊙ M)ᵀ + b_hh          M[u][v] = 1 iff T(module of v) ≥ T(module of u)
 *   h_t[u]  = tanh(a_t[u])   if t mod T(module of u) = 0,   else h_{t-1}[u]
 * </pre>
 * Shapes: {@code weight_ih} (hidden, input), {@code weight_hh} (hidden, hidden; entries outside M are zero and
 * stay zero: they neither act nor receive gradient), biases (1, hidden).
 *
 * <p><b>Where t lives.</b> The update depends on the step index, and a {@link Cell} sees only (x_t, state_{t-1}).
 * So the clock travels in the state: this cell's {@code c} is not an LSTM memory but the step count, every entry
 * of row b equal to t_b (the zero state starts every clock at 0; each step adds 1). Carrying t in the state keeps
 * it right wherever states go: {@link rnnbook.nn.Recurrent}, truncated BPTT (the next window continues the
 * count), padded batches (a padded row's clock stops with its state), a decoder started from an encoder's final
 * state, and beam search (rows are gathered with their clocks). The clock has no gradient: dc is ignored and
 * dc_{t-1} is zero.
 */
public final class ClockworkCell extends FourWeightCell {
    private final int[] periods;
    private final int moduleSize;
    private final Matrix connections;   // M: 1 where a connection exists

    /** One step: input, previous state, which units updated (1) or held (0), and the new state. */
    public record ClockworkStep(Matrix x, State prev, Matrix active, State state) implements Step {
    }

    /** {@code modules} modules with periods 1, 2, 4, ..., 2^(modules - 1); hidden must divide evenly. */
    public ClockworkCell(int inputSize, int hiddenSize, int modules, Random rng) {
        this(inputSize, hiddenSize, powersOfTwo(modules), rng);
    }

    public ClockworkCell(int inputSize, int hiddenSize, int[] periods, Random rng) {
        super("ClockworkCell", 1, inputSize, checked(inputSize, hiddenSize, periods), rng);
        this.periods = periods.clone();
        this.moduleSize = hiddenSize / periods.length;
        this.connections = Matrix.zeros(hiddenSize, hiddenSize);
        for (int u = 0; u < hiddenSize; u++) {
            for (int v = 0; v < hiddenSize; v++) {
                connections.set(u, v, periodOf(v) >= periodOf(u) ? 1.0 : 0.0);
            }
        }
        weightHh.value().mulInPlace(connections);   // slow modules never read fast ones
    }

    /** hiddenSize, after checking the sizes and periods (before any weight is drawn). */
    private static int checked(int inputSize, int hiddenSize, int[] periods) {
        if (inputSize <= 0 || hiddenSize <= 0 || periods.length == 0) {
            throw new IllegalArgumentException("ClockworkCell needs positive sizes and at least one module, got input "
                    + inputSize + ", hidden " + hiddenSize + ", " + periods.length + " modules");
        }
        if (hiddenSize % periods.length != 0) {
            throw new IllegalArgumentException("ClockworkCell: hidden size " + hiddenSize + " does not split into "
                    + periods.length + " equal modules");
        }
        for (int p : periods) {
            if (p < 1) {
                throw new IllegalArgumentException("ClockworkCell: periods must be >= 1, got "
                        + Arrays.toString(periods));
            }
        }
        return hiddenSize;
    }

    private static int[] powersOfTwo(int modules) {
        if (modules < 1 || modules > 30) {
            throw new IllegalArgumentException("ClockworkCell: modules must be 1..30, got " + modules);
        }
        int[] p = new int[modules];
        for (int k = 0; k < modules; k++) {
            p[k] = 1 << k;
        }
        return p;
    }

    /** The period of the module that hidden unit u belongs to. */
    public int periodOf(int unit) {
        return periods[unit / moduleSize];
    }

    public int[] periods() {
        return periods.clone();
    }

    /**
     * The scalars training can change: W_ih, the entries of W_hh inside the mask M (the others are zero for good)
     * and both biases, hidden · input + |M| + 2 · hidden.
     */
    public long activeParameterCount() {
        return (long) hiddenSize() * inputSize() + (long) connections.sum() + 2L * hiddenSize();
    }

    /** True: the state's c slot carries the clock (see the class comment), not a memory cell. */
    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public ClockworkStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int n = hiddenSize();
        x.requireShape("ClockworkCell input x", batch, inputSize());
        prev.require("ClockworkCell previous state (c is the clock)", batch, n, true);
        Matrix a = x.matmulT(weightIh.value())
                .addMatmul(prev.h(), false, weightHh.value().mul(connections), true)
                .addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        Matrix active = Matrix.zeros(batch, n);
        Matrix h = prev.h().copy();
        Matrix clock = prev.c().copy();
        for (int b = 0; b < batch; b++) {
            long t = clockOf(prev.c(), b);
            for (int u = 0; u < n; u++) {
                // tag::tick[]
                if (t % periodOf(u) == 0) {   // this module's turn: update; otherwise hold h_{t-1}
                    h.set(b, u, Activation.TANH.apply(a.get(b, u)));
                    active.set(b, u, 1.0);
                }
                // end::tick[]
                clock.set(b, u, t + 1);
            }
        }
        return new ClockworkStep(x, prev, active, new State(h, clock));
    }

    private static long clockOf(Matrix c, int row) {
        double t = c.get(row, 0);
        for (int u = 0; u < c.cols(); u++) {
            if (c.get(row, u) != t || t < 0 || t != Math.rint(t)) {
                throw new IllegalArgumentException("ClockworkCell: row " + row + " of the state's c must hold the step"
                        + " count (one non-negative whole number repeated), got " + c.get(row, u) + " at column " + u
                        + " and " + t + " at column 0; start from zeroState");
            }
        }
        return (long) t;
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        ClockworkStep s = (ClockworkStep) step;
        Matrix h = s.state().h();
        Matrix dh = dState.h();
        dh.requireShape("ClockworkCell backward dh", h.rows(), h.cols());
        Matrix da = Matrix.zeros(h.rows(), h.cols());
        Matrix dhHeld = Matrix.zeros(h.rows(), h.cols());   // held units pass their gradient straight back
        for (int i = 0; i < da.size(); i++) {
            double on = s.active().data()[i];
            double y = h.data()[i];
            da.data()[i] = on * dh.data()[i] * (1 - y * y);
            dhHeld.data()[i] = (1 - on) * dh.data()[i];
        }
        weightIh.grad().addMatmul(da, true, s.x(), false);
        weightHh.grad().addInPlace(da.tmatmul(s.prev().h()).mulInPlace(connections));
        da.addSumRowsTo(biasIh.grad());
        da.addSumRowsTo(biasHh.grad());
        Matrix dx = da.matmul(weightIh.value());
        Matrix dhPrev = da.matmul(weightHh.value().mul(connections)).addInPlace(dhHeld);
        return new StepGrad(dx, new State(dhPrev, Matrix.zeros(h.rows(), h.cols())));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
