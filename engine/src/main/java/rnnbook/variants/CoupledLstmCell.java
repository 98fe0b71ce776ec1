package rnnbook.variants;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.Cell;
import rnnbook.nn.CellWeights;
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
public final class CoupledLstmCell implements Cell {
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /** One step's values; {@code forget} is f and the input gate is 1 - f. */
    public record CoupledStep(Matrix x, State prev, Matrix forget, Matrix cellCandidate, Matrix output,
                              Matrix tanhC, State state) implements Step {
    }

    public CoupledLstmCell(int inputSize, int hiddenSize, Random rng) {
        CellWeights w = CellWeights.uniform("CoupledLstmCell", 3, inputSize, hiddenSize, rng);
        weightIh = w.weightIh();
        weightHh = w.weightHh();
        biasIh = w.biasIh();
        biasHh = w.biasHh();
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
    public CoupledStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int n = hiddenSize();
        x.requireShape("CoupledLstmCell input x", batch, inputSize());
        prev.require("CoupledLstmCell previous state", batch, n, true);
        Matrix a = x.matmulT(weightIh.value()).addMatmul(prev.h(), false, weightHh.value(), true)
                .addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        // tag::forward[]
        Matrix forget = Gates.sigmoid(Blocks.columns(a, 0, n));
        Matrix g = Gates.tanh(Blocks.columns(a, n, 2 * n));
        Matrix output = Gates.sigmoid(Blocks.columns(a, 2 * n, 3 * n));
        Matrix input = forget.map(f -> 1 - f);   // the coupling
        Matrix c = forget.mul(prev.c()).addInPlace(input.mul(g));
        Matrix tanhC = Gates.tanh(c);
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
        Matrix daO = Gates.sigmoidBackward(dh.mul(s.tanhC()), s.output());
        Matrix dc = Gates.tanhBackward(dh.mul(s.output()), s.tanhC());
        if (dState.c() != null) {
            dc.addInPlace(dState.c());
        }
        // ∂c/∂f = c_{t-1} - g and ∂c/∂g = 1 - f
        Matrix daF = Gates.sigmoidBackward(dc.mul(s.prev().c().sub(s.cellCandidate())), s.forget());
        Matrix daG = Gates.tanhBackward(dc.mul(s.forget().map(f -> 1 - f)), s.cellCandidate());
        Matrix dcPrev = dc.mul(s.forget());
        Matrix da = Matrix.zeros(dh.rows(), 3 * n);
        Blocks.addColumns(da, 0, daF);
        Blocks.addColumns(da, n, daG);
        Blocks.addColumns(da, 2 * n, daO);
        weightIh.grad().addMatmul(da, true, s.x(), false);
        weightHh.grad().addMatmul(da, true, s.prev().h(), false);
        da.addSumRowsTo(biasIh.grad());
        da.addSumRowsTo(biasHh.grad());
        return new StepGrad(da.matmul(weightIh.value()), new State(da.matmul(weightHh.value()), dcPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
