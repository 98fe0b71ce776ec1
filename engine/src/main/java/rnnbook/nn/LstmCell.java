package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

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
public final class LstmCell implements Cell {
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /**
     * One step as the backward pass needs it, and as a heatmap shows it: the four gate activations
     * {@code input}, {@code forget}, {@code candidate} (g) and {@code output}, each (batch, hidden), and tanh(c_t).
     */
    public record LstmStep(Matrix x, State prev, Matrix input, Matrix forget, Matrix candidate, Matrix output,
                           Matrix tanhC, State state) implements Step {
    }

    public LstmCell(int inputSize, int hiddenSize, Random rng) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException("LstmCell sizes must be positive, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        double bound = 1.0 / Math.sqrt(hiddenSize);
        int gates = 4 * hiddenSize;
        this.weightIh = new Parameter("weight_ih", Init.uniform(gates, inputSize, bound, rng));
        this.weightHh = new Parameter("weight_hh", Init.uniform(gates, hiddenSize, bound, rng));
        this.biasIh = new Parameter("bias_ih", Init.uniform(1, gates, bound, rng));
        this.biasHh = new Parameter("bias_hh", Init.uniform(1, gates, bound, rng));
    }

    public Parameter weightIh() {
        return weightIh;
    }

    public Parameter weightHh() {
        return weightHh;
    }

    public Parameter biasIh() {
        return biasIh;
    }

    public Parameter biasHh() {
        return biasHh;
    }

    @Override
    public int inputSize() {
        return weightIh.value().cols();
    }

    @Override
    public int hiddenSize() {
        return weightHh.value().cols();
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public LstmStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int hidden = hiddenSize();
        x.requireShape("LstmCell input x", batch, inputSize());
        prev.require("LstmCell previous state", batch, hidden, true);
        // tag::forward[]
        Matrix z = x.matmulT(weightIh.value())                       // all four gates in one product
                .addMatmul(prev.h(), false, weightHh.value(), true)
                .addRowVectorInPlace(biasIh.value())
                .addRowVectorInPlace(biasHh.value());
        Matrix input = Activation.SIGMOID.applyInPlace(GateBlocks.block(z, 0, hidden));
        Matrix forget = Activation.SIGMOID.applyInPlace(GateBlocks.block(z, 1, hidden));
        Matrix candidate = Activation.TANH.applyInPlace(GateBlocks.block(z, 2, hidden));
        Matrix output = Activation.SIGMOID.applyInPlace(GateBlocks.block(z, 3, hidden));
        Matrix c = forget.mul(prev.c()).addInPlace(input.mul(candidate));
        Matrix tanhC = Activation.TANH.applyInPlace(c.copy());
        Matrix h = output.mul(tanhC);
        // end::forward[]
        return new LstmStep(x, prev, input, forget, candidate, output, tanhC, new State(h, c));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        LstmStep s = (LstmStep) step;
        int batch = s.x().rows();
        int hidden = hiddenSize();
        dState.h().requireShape("LstmCell backward dh", batch, hidden);
        // a missing dc (the loss used only h of the last step) is a zero gradient
        Matrix dcNext = dState.c() == null ? Matrix.zeros(batch, hidden) : dState.c();
        Matrix dh = dState.h();
        // tag::backward[]
        Matrix dOutput = Activation.SIGMOID.backward(dh.mul(s.tanhC()), s.output());
        Matrix dc = Activation.TANH.backward(dh.mul(s.output()), s.tanhC()).addInPlace(dcNext);
        Matrix dInput = Activation.SIGMOID.backward(dc.mul(s.candidate()), s.input());
        Matrix dForget = Activation.SIGMOID.backward(dc.mul(s.prev().c()), s.forget());
        Matrix dCandidate = Activation.TANH.backward(dc.mul(s.input()), s.candidate());
        Matrix dcPrev = dc.mul(s.forget());
        Matrix dz = GateBlocks.join(dInput, dForget, dCandidate, dOutput);
        weightIh.grad().addMatmul(dz, true, s.x(), false);
        weightHh.grad().addMatmul(dz, true, s.prev().h(), false);
        dz.addSumRowsTo(biasIh.grad());
        dz.addSumRowsTo(biasHh.grad());
        Matrix dx = dz.matmul(weightIh.value());
        Matrix dhPrev = dz.matmul(weightHh.value());
        // end::backward[]
        return new StepGrad(dx, new State(dhPrev, dcPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
