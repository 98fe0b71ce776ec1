package rnnbook.nn;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Random;
import rnnbook.tensor.Blocks;
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
 * (1, 4 * hidden). So all four pre-activations come from one product, z = x · W_ihᵀ + b_ih + b_hh + h · W_hhᵀ of
 * shape (batch, 4 * hidden), cut into four (batch, hidden) blocks. Shapes: x_t (batch, input); h, c and every
 * gate (batch, hidden). Every parameter starts uniform(-1/√hidden, 1/√hidden), as PyTorch.
 *
 * <p>Backward, given dh_t and dc_t (from the next step or the loss):
 * <pre>
 *   dc = dc_t + dh_t ⊙ o_t ⊙ (1 - tanh²(c_t))         (the total gradient reaching c_t)
 *   dz_i = dc ⊙ g_t ⊙ i(1 - i)     dz_f = dc ⊙ c_{t-1} ⊙ f(1 - f)     dz_g = dc ⊙ i_t ⊙ (1 - g²)
 *   dz_o = dh_t ⊙ tanh(c_t) ⊙ o(1 - o)
 *   dc_{t-1} = dc ⊙ f_t
 *   dz = [dz_i, dz_f, dz_g, dz_o]:  dW_ih += dzᵀ · x_t,  dW_hh += dzᵀ · h_{t-1},  db_ih = db_hh += Σ_rows dz,
 *                                   dx_t = dz · W_ih,    dh_{t-1} = dz · W_hh
 * </pre>
 * The gradient reaches c_{t-1} through f_t alone, with no squashing: the constant error carousel that lets LSTMs
 * remember over long spans.
 *
 * <p>{@link Recurrent} runs this cell over a sequence on its fast road ({@code FastRoad}, with the fused loop of
 * {@link rnnbook.tensor.LstmKernel}); a test holds that road to the bits this class computes.
 */
public final class LstmCell extends FourWeightCell {

    /**
     * One step as the backward pass needs it, and as a heatmap shows it: the four gate activations side by side in
     * {@code gates} (batch, 4 * hidden), in the order i, f, g, o of the weights, and tanh(c_t). {@link #input()},
     * {@link #forget()}, {@link #candidate()} and {@link #output()} cut out one gate each, (batch, hidden).
     */
    public record LstmStep(Matrix x, State prev, Matrix gates, Matrix tanhC, State state) implements Step {
        public Matrix input() {
            return Blocks.block(gates, 0, tanhC.cols());
        }

        public Matrix forget() {
            return Blocks.block(gates, 1, tanhC.cols());
        }

        public Matrix candidate() {
            return Blocks.block(gates, 2, tanhC.cols());
        }

        public Matrix output() {
            return Blocks.block(gates, 3, tanhC.cols());
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
        int n = hiddenSize();
        Matrix z = gatePreActivations(x, prev);   // (batch, 4n): the four gates' pre-activations side by side
        // tag::forward[]
        Matrix input = sigmoid(Blocks.block(z, 0, n));
        Matrix forget = sigmoid(Blocks.block(z, 1, n));
        Matrix candidate = tanh(Blocks.block(z, 2, n));
        Matrix output = sigmoid(Blocks.block(z, 3, n));
        Matrix c = forget.mul(prev.c()).addInPlace(input.mul(candidate));
        Matrix tanhC = tanh(c);
        Matrix h = output.mul(tanhC);
        // end::forward[]
        Matrix gates = Blocks.join(input, forget, candidate, output);
        return new LstmStep(x, prev, gates, tanhC, new State(h, c));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        LstmStep s = (LstmStep) step;
        Matrix dh = dState.h();
        dh.requireShape("LstmCell backward dh", s.x().rows(), hiddenSize());
        Matrix input = s.input();
        Matrix forget = s.forget();
        Matrix candidate = s.candidate();
        Matrix output = s.output();
        Matrix cPrev = s.prev().c();
        // tag::backward[]
        Matrix dc = tanhBackward(dh.mul(output), s.tanhC());   // through h_t = o ⊙ tanh(c_t)
        if (dState.c() != null) {   // none when the loss used only h of the last step
            dc.addInPlace(dState.c());
        }
        Matrix dInput = sigmoidBackward(dc.mul(candidate), input);
        Matrix dForget = sigmoidBackward(dc.mul(cPrev), forget);
        Matrix dCandidate = tanhBackward(dc.mul(input), candidate);
        Matrix dOutput = sigmoidBackward(dh.mul(s.tanhC()), output);
        Matrix dcPrev = dc.mul(forget);
        Matrix dz = Blocks.join(dInput, dForget, dCandidate, dOutput);
        Matrix dx = backwardWeights(dz, s.x(), s.prev().h());   // dW_ih, dW_hh, db_ih, db_hh, and dz · W_ih
        Matrix dhPrev = dz.matmul(weightHh.value());
        // end::backward[]
        return new StepGrad(dx, new State(dhPrev, dcPrev));
    }
}
