package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.Pointwise;
import rnnbook.tensor.PerStep;

/**
 * The long short-term memory cell, PyTorch's {@code LSTMCell}. With σ the logistic sigmoid and ⊙ the elementwise
 * product, one step reads
 * <pre>
 *   input     i_t = σ(x_t · W_iiᵀ + b_ii + h_{t-1} · W_hiᵀ + b_hi)
 *   forget    f_t = σ(x_t · W_ifᵀ + b_if + h_{t-1} · W_hfᵀ + b_hf)
 *   candidate g_t = tanh(x_t · W_igᵀ + b_ig + h_{t-1} · W_hgᵀ + b_hg)
 *   output    o_t = σ(x_t · W_ioᵀ + b_io + h_{t-1} · W_hoᵀ + b_ho)
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 * </pre>
 * The four gates' weights are stacked in PyTorch's order i, f, g, o: {@code weight_ih} = [W_ii; W_if; W_ig; W_io]
 * of shape (4 * hidden, input), {@code weight_hh} (4 * hidden, hidden), {@code bias_ih} and {@code bias_hh}
 * (1, 4 * hidden). So all four pre-activations come from one product, z = x · W_ihᵀ + h · W_hhᵀ + b_ih + b_hh of
 * shape (batch, 4 * hidden), cut into four (batch, hidden) blocks. Shapes: x_t (batch, input); h, c and every
 * gate (batch, hidden). Every parameter starts uniform(-1/√hidden, 1/√hidden), as PyTorch.
 *
 * <p>Backward, given dh_t and dc_t (from the next step or the loss):
 * <pre>
 *   do = dh_t ⊙ tanh(c_t) ⊙ o(1 - o)
 *   dc = dc_t + dh_t ⊙ o_t ⊙ (1 - tanh²(c_t))         (the total gradient reaching c_t)
 *   di = dc ⊙ g_t ⊙ i(1 - i)      df = dc ⊙ c_{t-1} ⊙ f(1 - f)      dg = dc ⊙ i_t ⊙ (1 - g²)
 *   dc_{t-1} = dc ⊙ f_t
 *   dz = [di, df, dg, do]:  dW_ih += dzᵀ · x_t,  dW_hh += dzᵀ · h_{t-1},  db_ih = db_hh += Σ_rows dz,
 *                           dx_t = dz · W_ih,    dh_{t-1} = dz · W_hh
 * </pre>
 * The gradient reaches c_{t-1} through f_t alone, with no squashing: the constant error carousel that lets LSTMs
 * remember over long spans.
 */
public final class LstmCell extends AbstractGateCell {

    /**
     * One step as the backward pass needs it, and as a heatmap shows it: the four gate activations side by side in
     * {@code gates} (batch, 4 * hidden), in the order i, f, g, o of the weights, and tanh(c_t). {@link #input()},
     * {@link #forget()}, {@link #candidate()} and {@link #output()} cut out one gate each, (batch, hidden).
     */
    public record LstmStep(Matrix x, State prev, Matrix gates, Matrix tanhC, State state) implements Step {
        public Matrix input() {
            return GateBlocks.block(gates, 0, tanhC.cols());
        }

        public Matrix forget() {
            return GateBlocks.block(gates, 1, tanhC.cols());
        }

        public Matrix candidate() {
            return GateBlocks.block(gates, 2, tanhC.cols());
        }

        public Matrix output() {
            return GateBlocks.block(gates, 3, tanhC.cols());
        }
    }

    public LstmCell(int inputSize, int hiddenSize, Random rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    /** PyTorch's {@code LSTMCell(input, hidden, bias)}; {@code bias=false} leaves only the two weights. */
    public LstmCell(int inputSize, int hiddenSize, boolean bias, Random rng) {
        super("LstmCell", 4, inputSize, hiddenSize, bias, rng);
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public LstmStep forward(Matrix x, State prev) {
        return (LstmStep) super.forward(x, prev);
    }

    /** z_in = x_t · W_ihᵀ + b_ih + b_hh for every step: the input half of all four gates. */
    @Override
    public Matrix[] inputGates(Matrix[] xs) {
        Matrix[] zIn = PerStep.matmulT(xs, weightIh.value());   // all four gates, all steps, in one call
        for (Matrix z : zIn) {
            z.addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        }
        return zIn;
    }

    @Override
    public LstmStep forward(Matrix x, Matrix inputGates, State prev, Packed weightHhT) {
        int batch = x.rows();
        int hidden = hiddenSize();
        inputGates.requireShape("LstmCell input gates", batch, 4 * hidden);
        prev.require("LstmCell previous state", batch, hidden, true);
        // tag::forward[]
        Matrix z = weightHhT == null
                ? inputGates.addMatmul(prev.h(), false, weightHh.value(), true)   // z = z_in + h · W_hhᵀ, in place
                : inputGates.addMatmul(prev.h(), weightHhT);
        double[] gates = z.data();   // pre-activations, turned into the gate values in place
        for (int b = 0; b < batch; b++) {
            int row = b * 4 * hidden;   // example b's gates i, f, g, o start at row, row + H, row + 2H, row + 3H
            Pointwise.sigmoid(gates, row, row + 2 * hidden);                // input and forget
            Pointwise.tanh(gates, row + 2 * hidden, row + 3 * hidden);      // candidate
            Pointwise.sigmoid(gates, row + 3 * hidden, row + 4 * hidden);   // output
        }
        Matrix c = Matrix.zeros(batch, hidden);
        double[] cPrev = prev.c().data();
        for (int b = 0; b < batch; b++) {
            int row = b * 4 * hidden;
            for (int j = 0; j < hidden; j++) {
                double i = gates[row + j];
                double f = gates[row + hidden + j];
                double g = gates[row + 2 * hidden + j];
                c.data()[b * hidden + j] = f * cPrev[b * hidden + j] + i * g;   // c_t = f ⊙ c_{t-1} + i ⊙ g
            }
        }
        Matrix tanhC = c.copy();
        Pointwise.tanh(tanhC.data(), 0, tanhC.size());
        Matrix h = Matrix.zeros(batch, hidden);
        for (int b = 0; b < batch; b++) {
            int row = b * 4 * hidden + 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                h.data()[b * hidden + j] = gates[row + j] * tanhC.data()[b * hidden + j];   // h_t = o ⊙ tanh(c_t)
            }
        }
        // end::forward[]
        return new LstmStep(x, prev, z, tanhC, new State(h, c));
    }

    @Override
    public GateGrad backwardGates(Step step, State dState, Packed packedWeightHh) {
        LstmStep s = (LstmStep) step;
        int batch = s.x().rows();
        int hidden = hiddenSize();
        dState.h().requireShape("LstmCell backward dh", batch, hidden);
        // a missing dc (the loss used only h of the last step) is a zero gradient
        Matrix dcNext = dState.c() == null ? Matrix.zeros(batch, hidden) : dState.c();
        Matrix dh = dState.h();
        // tag::backward[]
        Matrix dz = Matrix.zeros(batch, 4 * hidden);   // [d input, d forget, d candidate, d output] pre-activations
        Matrix dcPrev = dcNext;   // dc_{t-1} = dc ⊙ f, written over dc_t entry by entry once read (dState is ours)
        double[] dzs = dz.data();
        double[] gates = s.gates().data();
        double[] tanhC = s.tanhC().data();
        double[] cPrev = s.prev().c().data();
        double[] dcNexts = dcNext.data();
        double[] dhs = dh.data();
        double[] dcPrevs = dcPrev.data();
        for (int b = 0; b < batch; b++) {
            int row = b * 4 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double i = gates[row + j];
                double f = gates[row + hidden + j];
                double g = gates[row + 2 * hidden + j];
                double o = gates[row + 3 * hidden + j];
                double squashed = tanhC[k];
                double dhk = dhs[k];
                double dc = dcNexts[k] + dhk * o * (1 - squashed * squashed);   // all that reaches c_t
                dzs[row + j] = dc * g * i * (1 - i);
                dzs[row + hidden + j] = dc * cPrev[k] * f * (1 - f);
                dzs[row + 2 * hidden + j] = dc * i * (1 - g * g);
                dzs[row + 3 * hidden + j] = dhk * squashed * o * (1 - o);
                dcPrevs[k] = dc * f;
            }
        }
        Matrix dhPrev = packedWeightHh == null ? dz.matmul(weightHh.value())   // dh_{t-1} = dz · W_hh
                : Matrix.zeros(batch, hidden).addMatmul(dz, packedWeightHh);
        // end::backward[]
        return new GateGrad(dz, dz, new State(dhPrev, dcPrev));
    }

    @Override
    public Matrix previousH(Step step) {
        return ((LstmStep) step).prev().h();
    }

    @Override
    public Matrix inputOf(Step step) {
        return ((LstmStep) step).x();
    }
}
