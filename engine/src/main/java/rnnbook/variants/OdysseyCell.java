package rnnbook.variants;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.FourWeightCell;
import rnnbook.nn.Init;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;
import rnnbook.variants.OdysseyLstm.Variant;

/**
 * One step of the LSTM of Greff et al.'s "LSTM: A Search Space Odyssey" (2017), in its vanilla form or one of its
 * eight one-change variants ({@link Variant}); {@link rnnbook.nn.Recurrent} unrolls it like any cell. The vanilla
 * form has peepholes (w_ci, w_cf, w_co, one per unit):
 * <pre>
 *   [a_i, a_f, a_g, a_o] = x_t W_ihᵀ + b_ih + b_hh + h_{t-1} W_hhᵀ (+ [i,f,o]_{t-1} W_ggᵀ for FGR)   gates i, f, g, o
 *   i = σ(a_i + w_ci ⊙ c_{t-1})    f = σ(a_f + w_cf ⊙ c_{t-1})    g = tanh(a_g)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   o = σ(a_o + w_co ⊙ c_t)        h_t = o ⊙ tanh(c_t)
 * </pre>
 * NIG i = 1, NFG f = 1, NOG o = 1, NIAF g = a_g, NOAF h = o ⊙ c, NP no peepholes, CIFG f = 1 - i, FGR the gates
 * also read all three gates of the previous step through {@code weight_gg} (3 hidden, 3 hidden); the FGR cell
 * hands those on in the state's {@code gates} part, [i, f, o] (batch, 3 hidden), zero at the start. Shapes:
 * {@code weight_ih} (4 hidden, input), {@code weight_hh} (4 hidden, hidden), biases (1, 4 hidden), peepholes
 * (1, hidden); uniform(±1/√hidden). A removed gate keeps its rows of the weights, but they never act and their
 * gradient stays zero.
 */
public final class OdysseyCell extends FourWeightCell {
    private final Variant variant;
    private final Parameter weightCi;
    private final Parameter weightCf;
    private final Parameter weightCo;
    private final Parameter weightGg;   // FGR only

    /** One step's values, kept for backward (and for looking at the gates). */
    public record OdysseyStep(Matrix x, State prev, Matrix i, Matrix f, Matrix g, Matrix o, Matrix squashedC,
                              State state) implements Step {
    }

    public OdysseyCell(Variant variant, int inputSize, int hiddenSize, Random rng) {
        super("OdysseyCell", 4, inputSize, hiddenSize, requireVariant(variant, rng));
        this.variant = variant;
        double bound = 1.0 / Math.sqrt(hiddenSize);
        weightCi = new Parameter("weight_ci", Init.uniform(1, hiddenSize, bound, rng));
        weightCf = new Parameter("weight_cf", Init.uniform(1, hiddenSize, bound, rng));
        weightCo = new Parameter("weight_co", Init.uniform(1, hiddenSize, bound, rng));
        weightGg = variant == Variant.FGR
                ? new Parameter("weight_gg", Init.uniform(3 * hiddenSize, 3 * hiddenSize, bound, rng)) : null;
    }

    private static Random requireVariant(Variant variant, Random rng) {
        if (variant == null) {
            throw new IllegalArgumentException("OdysseyLstm needs a variant, got null");
        }
        return rng;
    }

    public Variant variant() {
        return variant;
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    /** Zero h and c, and for FGR zero gates [i, f, o] (batch, 3 hidden). */
    @Override
    public State zeroState(int batch) {
        int n = hiddenSize();
        return new State(Matrix.zeros(batch, n), Matrix.zeros(batch, n),
                weightGg == null ? null : Matrix.zeros(batch, 3 * n));
    }

    private boolean peepholes() {
        return variant != Variant.NP;
    }

    /**
     * The scalars training can change: per gate block (input + hidden + 2 biases) · hidden for each gate that acts,
     * a peephole row per gate that acts and has one (not with NP), and 9 hidden² for FGR.
     */
    public long activeParameterCount() {
        int hidden = hiddenSize();
        int gates = switch (variant) {
            case NIG, NFG, NOG, CIFG -> 3;
            default -> 4;
        };
        long perBlock = (long) hidden * (inputSize() + hidden + 2);
        int peepholeRows = !peepholes() ? 0 : gates - 1;   // g has none; i, f, o each have one unless removed
        return gates * perBlock + (long) peepholeRows * hidden + (weightGg == null ? 0 : 9L * hidden * hidden);
    }

    @Override
    public OdysseyStep forward(Matrix x, State prev) {
        int n = hiddenSize();
        Matrix cPrev = prev.c();
        Matrix a = gatePreActivations(x, prev);   // every gate's pre-activation, side by side
        if (weightGg != null && prev.gates() != null) {   // FGR: i, f and o also read last step's i, f and o
            prev.gates().requireShape("OdysseyCell previous gates", x.rows(), 3 * n);
            Matrix fromGates = prev.gates().matmulT(weightGg.value());
            Blocks.addColumns(a, 0, Blocks.columns(fromGates, 0, 2 * n));
            Blocks.addColumns(a, 3 * n, Blocks.columns(fromGates, 2 * n, 3 * n));
        }
        // tag::gates[]
        Matrix i = variant == Variant.NIG ? ones(x.rows())
                : sigmoid(Blocks.columns(a, 0, n).addInPlace(peep(cPrev, weightCi)));
        Matrix f = switch (variant) {
            case NFG -> ones(x.rows());
            case CIFG -> i.map(v -> 1 - v);
            default -> sigmoid(Blocks.columns(a, n, 2 * n).addInPlace(peep(cPrev, weightCf)));
        };
        Matrix g = variant == Variant.NIAF ? Blocks.columns(a, 2 * n, 3 * n) : tanh(Blocks.columns(a, 2 * n, 3 * n));
        Matrix c = f.mul(cPrev).addInPlace(i.mul(g));
        Matrix o = variant == Variant.NOG ? ones(x.rows())
                : sigmoid(Blocks.columns(a, 3 * n, 4 * n).addInPlace(peep(c, weightCo)));
        Matrix squashedC = variant == Variant.NOAF ? c : tanh(c);
        Matrix h = o.mul(squashedC);
        // end::gates[]
        State next = new State(h, c, weightGg == null ? null : Blocks.join(i, f, o));
        return new OdysseyStep(x, prev, i, f, g, o, squashedC, next);
    }

    private Matrix ones(int batch) {
        return Matrix.filled(batch, hiddenSize(), 1.0);
    }

    /** w ⊙ c broadcast over the rows, or zero without peepholes. */
    private Matrix peep(Matrix c, Parameter w) {
        return peepholes() ? Gates.timesRow(c, w.value()) : Matrix.zeros(c.rows(), c.cols());
    }

    /**
     * From dL/d(h_t, c_t, gates_t) (a missing c or gates part counts as zero) back to dL/dx_t and
     * dL/d(h_{t-1}, c_{t-1}, gates_{t-1}), adding every parameter's share.
     */
    @Override
    public StepGrad backward(Step step, State dState) {
        OdysseyStep s = (OdysseyStep) step;
        int n = hiddenSize();
        int batch = s.x().rows();
        Matrix cPrev = s.prev().c();
        Matrix dh = dState.h();
        dh.requireShape("OdysseyCell backward dh", batch, n);
        Matrix dGatesNext = dState.gates();   // dL/d[i, f, o]_t through step t + 1 (FGR)
        // h = o ⊙ φ(c)
        Matrix dO = plusColumns(dh.mul(s.squashedC()), dGatesNext, 2 * n);
        Matrix dc = dh.mul(s.o());
        if (variant != Variant.NOAF) {
            dc = tanhBackward(dc, s.squashedC());
        }
        if (dState.c() != null) {
            dc.addInPlace(dState.c());
        }
        Matrix daO = variant == Variant.NOG ? Matrix.zeros(batch, n) : sigmoidBackward(dO, s.o());
        if (peepholes()) {
            dc.addInPlace(Gates.timesRow(daO, weightCo.value()));
            daO.mul(s.state().c()).addSumRowsTo(weightCo.grad());
        }
        // c = f ⊙ c_{t-1} + i ⊙ g
        Matrix dI = plusColumns(dc.mul(s.g()), dGatesNext, 0);
        Matrix dF = plusColumns(dc.mul(cPrev), dGatesNext, n);
        Matrix dG = dc.mul(s.i());
        Matrix dcPrev = dc.mul(s.f());
        if (variant == Variant.CIFG) {
            dI.subInPlace(dF);   // f = 1 - i
        }
        Matrix daI = variant == Variant.NIG ? Matrix.zeros(batch, n) : sigmoidBackward(dI, s.i());
        Matrix daF = variant == Variant.NFG || variant == Variant.CIFG ? Matrix.zeros(batch, n)
                : sigmoidBackward(dF, s.f());
        Matrix daG = variant == Variant.NIAF ? dG : tanhBackward(dG, s.g());
        if (peepholes()) {
            dcPrev.addInPlace(Gates.timesRow(daI, weightCi.value())).addInPlace(Gates.timesRow(daF, weightCf.value()));
            daI.mul(cPrev).addSumRowsTo(weightCi.grad());
            daF.mul(cPrev).addSumRowsTo(weightCf.grad());
        }
        Matrix da = Blocks.join(daI, daF, daG, daO);
        Matrix dx = backwardWeights(da, s.x(), s.prev().h());   // dW_ih, dW_hh, db_ih, db_hh, and da · W_ih
        Matrix dhPrev = da.matmul(weightHh.value());
        Matrix dGatesPrev = null;
        if (weightGg != null) {
            Matrix daGates = Blocks.join(daI, daF, daO);
            if (s.prev().gates() != null) {
                weightGg.grad().addMatmul(daGates, true, s.prev().gates(), false);
            }
            dGatesPrev = daGates.matmul(weightGg.value());
        }
        return new StepGrad(dx, new State(dhPrev, dcPrev, dGatesPrev));
    }

    /** {@code m} plus columns [from, from + m.cols) of {@code gates}, when there are gates; m itself otherwise. */
    private static Matrix plusColumns(Matrix m, Matrix gates, int from) {
        return gates == null ? m : m.addInPlace(Blocks.columns(gates, from, from + m.cols()));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = super.namedParameters();
        if (peepholes()) {
            m.putAll(Module.named(weightCi, weightCf, weightCo));
        }
        if (weightGg != null) {
            m.put(weightGg.name(), weightGg);
        }
        return m;
    }
}
