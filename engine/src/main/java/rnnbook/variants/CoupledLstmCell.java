package rnnbook.variants;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.FourWeightCell;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/**
 * LSTM with a coupled input and forget gate (CIFG, Greff et al. 2017): what the cell forgets is exactly what it
 * lets in, i = 1 - f, so one gate does the work of two and a quarter of the gate parameters go away:
 * <pre>
 *   [a_f, a_g, a_o] = x W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh         gate order f, g, o
 *   f = σ(a_f)      g = tanh(a_g)      o = σ(a_o)
 *   c_t = f ⊙ c_{t-1} + (1 - f) ⊙ g
 *   h_t = o ⊙ tanh(c_t)
 * </pre>
 * Shapes: {@code weight_ih} (3 hidden, input), {@code weight_hh} (3 hidden, hidden), biases (1, 3 hidden);
 * uniform(±1/√hidden) like PyTorch's LSTM. No peepholes here, to isolate the effect of the coupling.
 */
public final class CoupledLstmCell extends FourWeightCell {

    /** One step's values; {@code forget} is f and the input gate is 1 - f. */
    public record CoupledStep(Matrix x, State prev, Matrix forget, Matrix cellCandidate, Matrix output,
                              Matrix tanhC, State state) implements Step {
    }

    public CoupledLstmCell(int inputSize, int hiddenSize, Random rng) {
        super("CoupledLstmCell", 3, inputSize, hiddenSize, rng);
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public CoupledStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int n = hiddenSize();
        Matrix a = gatePreActivations(x, prev);   // every gate's pre-activation, side by side
        // tag::forward[]
        Matrix forget = sigmoid(Blocks.columns(a, 0, n));
        Matrix g = tanh(Blocks.columns(a, n, 2 * n));
        Matrix output = sigmoid(Blocks.columns(a, 2 * n, 3 * n));
        Matrix input = forget.map(f -> 1 - f);   // the coupling
        Matrix c = forget.mul(prev.c()).addInPlace(input.mul(g));
        Matrix tanhC = tanh(c);
        Matrix h = output.mul(tanhC);
        // end::forward[]
        return new CoupledStep(x, prev, forget, g, output, tanhC, new State(h, c));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        CoupledStep s = (CoupledStep) step;
        int n = hiddenSize();
        Matrix dh = dState.h();
        dh.requireShape("CoupledLstmCell backward dh", s.x().rows(), n);
        Matrix daO = sigmoidBackward(dh.mul(s.tanhC()), s.output());
        Matrix dc = tanhBackward(dh.mul(s.output()), s.tanhC());
        if (dState.c() != null) {
            dc.addInPlace(dState.c());
        }
        // ∂c/∂f = c_{t-1} - g and ∂c/∂g = 1 - f
        Matrix daF = sigmoidBackward(dc.mul(s.prev().c().sub(s.cellCandidate())), s.forget());
        Matrix daG = tanhBackward(dc.mul(s.forget().map(f -> 1 - f)), s.cellCandidate());
        Matrix dcPrev = dc.mul(s.forget());
        Matrix da = Matrix.zeros(dh.rows(), 3 * n);
        Blocks.addColumns(da, 0, daF);
        Blocks.addColumns(da, n, daG);
        Blocks.addColumns(da, 2 * n, daO);
        Matrix dx = backwardWeights(da, s.x(), s.prev().h());   // dW_ih, dW_hh, db_ih, db_hh, and da · W_ih
        return new StepGrad(dx, new State(da.matmul(weightHh.value()), dcPrev));
    }
}
