package rnnbook.variants;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.CellWeights;
import rnnbook.nn.Init;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/**
 * The LSTM of Greff et al.'s "LSTM: A Search Space Odyssey" (2017) and its eight one-change variants, as one layer
 * that unrolls itself over a sequence. The vanilla form has peepholes (w_ci, w_cf, w_co, one per unit):
 * <pre>
 *   [a_i, a_f, a_g, a_o] = x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh (+ [i,f,o]_{t-1} W_ggᵀ for FGR)   gate order i, f, g, o
 *   i = σ(a_i + w_ci ⊙ c_{t-1})    f = σ(a_f + w_cf ⊙ c_{t-1})    g = tanh(a_g)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   o = σ(a_o + w_co ⊙ c_t)        h_t = o ⊙ tanh(c_t)
 * </pre>
 * Each {@link Variant} changes one thing: NIG i = 1, NFG f = 1, NOG o = 1, NIAF g = a_g, NOAF h = o ⊙ c,
 * NP no peepholes, CIFG f = 1 - i, FGR every gate also reads all three gates of the previous step through
 * {@code weight_gg} (3 hidden, 3 hidden). Shapes: {@code weight_ih} (4 hidden, input), {@code weight_hh}
 * (4 hidden, hidden), biases (1, 4 hidden), peepholes (1, hidden); uniform(±1/√hidden).
 *
 * <p>Why a layer and not a {@link rnnbook.nn.Cell}: with FGR a step needs the previous step's gates, which a
 * {@link rnnbook.nn.State} (h, c) cannot carry. A removed gate keeps its rows of the weights, but they never act
 * and their gradient stays zero, so they stay as drawn; {@link #activeParameterCount()} counts what is trained.
 */
public final class OdysseyLstm implements Module {

    /** Greff et al.'s names: the vanilla LSTM and its eight variants, each one change away from it. */
    public enum Variant {
        V("vanilla"), NIG("no input gate"), NFG("no forget gate"), NOG("no output gate"),
        NIAF("no input activation"), NOAF("no output activation"), NP("no peepholes"),
        CIFG("coupled input-forget gate"), FGR("full gate recurrence");

        private final String description;

        Variant(String description) {
            this.description = description;
        }

        /** "NFG (no forget gate)". */
        public String label() {
            return name() + " (" + description + ")";
        }
    }

    private final Variant variant;
    private final int hidden;
    private final CellWeights weights;
    private final Parameter weightCi;
    private final Parameter weightCf;
    private final Parameter weightCo;
    private final Parameter weightGg;
    private StepValues[] steps = new StepValues[0];

    /** What one step keeps for backward. */
    private record StepValues(Matrix x, Matrix hPrev, Matrix cPrev, Matrix gatesPrev, Matrix i, Matrix f,
                              Matrix g, Matrix o, Matrix c, Matrix squashedC, Matrix h) {
    }

    public OdysseyLstm(Variant variant, int inputSize, int hiddenSize, Random rng) {
        if (variant == null) {
            throw new IllegalArgumentException("OdysseyLstm needs a variant, got null");
        }
        this.variant = variant;
        this.hidden = hiddenSize;
        this.weights = CellWeights.uniform("OdysseyLstm", 4, inputSize, hiddenSize, true, rng);
        double bound = 1.0 / Math.sqrt(hiddenSize);
        weightCi = new Parameter("weight_ci", Init.uniform(1, hiddenSize, bound, rng));
        weightCf = new Parameter("weight_cf", Init.uniform(1, hiddenSize, bound, rng));
        weightCo = new Parameter("weight_co", Init.uniform(1, hiddenSize, bound, rng));
        weightGg = variant == Variant.FGR
                ? new Parameter("weight_gg", Init.uniform(3 * hiddenSize, 3 * hiddenSize, bound, rng)) : null;
    }

    public Variant variant() {
        return variant;
    }

    public int inputSize() {
        return weights.weightIh().value().cols();
    }

    public int hiddenSize() {
        return hidden;
    }

    private boolean peepholes() {
        return variant != Variant.NP;
    }

    /**
     * The scalars training can change: per gate block (input + hidden + 2 biases) · hidden for each gate that acts,
     * a peephole row per gate that acts and has one (not with NP), and 9 hidden² for FGR.
     */
    public long activeParameterCount() {
        int in = inputSize();
        int gates = switch (variant) {
            case NIG, NFG, NOG, CIFG -> 3;
            default -> 4;
        };
        long perBlock = (long) hidden * (in + hidden + 2);
        int peepholeRows = !peepholes() ? 0 : gates - 1;   // g has none; i, f, o each have one unless removed
        return gates * perBlock + (long) peepholeRows * hidden + (weightGg == null ? 0 : 9L * hidden * hidden);
    }

    /** xs (seq, batch, input) from a zero state to h_1 .. h_T, each (batch, hidden). */
    public Matrix[] forward(Matrix[] xs) {
        Sequences.require("OdysseyLstm input", xs, inputSize());
        int batch = xs[0].rows();
        steps = new StepValues[xs.length];
        Matrix h = Matrix.zeros(batch, hidden);
        Matrix c = Matrix.zeros(batch, hidden);
        Matrix gates = Matrix.zeros(batch, 3 * hidden);
        Matrix[] out = new Matrix[xs.length];
        for (int t = 0; t < xs.length; t++) {
            steps[t] = step(xs[t], h, c, gates);
            h = steps[t].h();
            c = steps[t].c();
            gates = Blocks.join(steps[t].i(), steps[t].f(), steps[t].o());
            out[t] = h;
        }
        return out;
    }

    private StepValues step(Matrix x, Matrix hPrev, Matrix cPrev, Matrix gatesPrev) {
        int n = hidden;
        Matrix a = x.matmulT(weights.weightIh().value()).addRowVectorInPlace(weights.biasIh().value())
                .addRowVectorInPlace(weights.biasHh().value()).addMatmul(hPrev, false, weights.weightHh().value(), true);
        if (weightGg != null) {   // FGR: i, f and o also read last step's i, f and o
            Matrix fromGates = gatesPrev.matmulT(weightGg.value());
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
        return new StepValues(x, hPrev, cPrev, gatesPrev, i, f, g, o, c, squashedC, h);
    }

    private Matrix ones(int batch) {
        return Matrix.filled(batch, hidden, 1.0);
    }

    /** w ⊙ c broadcast over the rows, or zero without peepholes. */
    private Matrix peep(Matrix c, Parameter w) {
        return peepholes() ? Gates.timesRow(c, w.value()) : Matrix.zeros(c.rows(), c.cols());
    }

    /**
     * BPTT over the last forward pass: dHs[t] = dL/dh_t from outside (null entries count as zero); accumulates
     * every parameter's gradient and returns dL/dx_t.
     */
    public Matrix[] backward(Matrix[] dHs) {
        if (steps.length == 0) {
            throw new IllegalStateException("OdysseyLstm backward called before forward");
        }
        if (dHs.length != steps.length) {
            throw new IllegalArgumentException("OdysseyLstm backward: " + dHs.length + " gradients for "
                    + steps.length + " steps");
        }
        int n = hidden;
        int batch = steps[0].x().rows();
        Matrix dhNext = Matrix.zeros(batch, n);        // dL/dh_t through step t + 1
        Matrix dcNext = Matrix.zeros(batch, n);        // dL/dc_t through step t + 1
        Matrix dGatesNext = Matrix.zeros(batch, 3 * n); // dL/d[i, f, o]_t through step t + 1 (FGR)
        Matrix[] dxs = new Matrix[steps.length];
        for (int t = steps.length - 1; t >= 0; t--) {
            StepValues s = steps[t];
            Matrix dh = dHs[t] == null ? dhNext : dHs[t].add(dhNext);
            dh.requireShape("OdysseyLstm backward dh at step " + t, batch, n);
            // h = o ⊙ φ(c)
            Matrix dO = dh.mul(s.squashedC()).addInPlace(Blocks.columns(dGatesNext, 2 * n, 3 * n));
            Matrix dc = dh.mul(s.o());
            if (variant != Variant.NOAF) {
                dc = tanhBackward(dc, s.squashedC());
            }
            dc.addInPlace(dcNext);
            Matrix daO = variant == Variant.NOG ? Matrix.zeros(batch, n) : sigmoidBackward(dO, s.o());
            if (peepholes()) {
                dc.addInPlace(Gates.timesRow(daO, weightCo.value()));
                daO.mul(s.c()).addSumRowsTo(weightCo.grad());
            }
            // c = f ⊙ c_{t-1} + i ⊙ g
            Matrix dI = dc.mul(s.g()).addInPlace(Blocks.columns(dGatesNext, 0, n));
            Matrix dF = dc.mul(s.cPrev()).addInPlace(Blocks.columns(dGatesNext, n, 2 * n));
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
                daI.mul(s.cPrev()).addSumRowsTo(weightCi.grad());
                daF.mul(s.cPrev()).addSumRowsTo(weightCf.grad());
            }
            Matrix da = Blocks.join(daI, daF, daG, daO);
            weights.weightIh().grad().addMatmul(da, true, s.x(), false);
            weights.weightHh().grad().addMatmul(da, true, s.hPrev(), false);
            da.addSumRowsTo(weights.biasIh().grad());
            da.addSumRowsTo(weights.biasHh().grad());
            dxs[t] = da.matmul(weights.weightIh().value());
            dhNext = da.matmul(weights.weightHh().value());
            dcNext = dcPrev;
            if (weightGg != null) {
                Matrix daGates = Blocks.join(daI, daF, daO);
                weightGg.grad().addMatmul(daGates, true, s.gatesPrev(), false);
                dGatesNext = daGates.matmul(weightGg.value());
            }
        }
        return dxs;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = weights.named();
        if (peepholes()) {
            m.putAll(Module.named(weightCi, weightCf, weightCo));
        }
        if (weightGg != null) {
            m.put(weightGg.name(), weightGg);
        }
        return m;
    }
}
