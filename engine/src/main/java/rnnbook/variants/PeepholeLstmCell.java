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

/**
 * LSTM with peephole connections (Gers and Schmidhuber 2000): the gates also look at the cell state, through
 * diagonal weights (one per unit), so they can time their openings from what the cell holds:
 * <pre>
 *   [a_i, a_f, a_g, a_o] = x W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh          PyTorch's gate order and layout
 *   i = σ(a_i + w_ci ⊙ c_{t-1})      f = σ(a_f + w_cf ⊙ c_{t-1})      g = tanh(a_g)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   o = σ(a_o + w_co ⊙ c_t)                                            the output gate sees the new cell
 *   h_t = o ⊙ tanh(c_t)
 * </pre>
 * Shapes: {@code weight_ih} (4 hidden, input), {@code weight_hh} (4 hidden, hidden), biases (1, 4 hidden),
 * peepholes {@code weight_ci}, {@code weight_cf}, {@code weight_co} (1, hidden); all start uniform(±1/√hidden).
 */
public final class PeepholeLstmCell extends FourWeightCell {
    private final Parameter weightCi;
    private final Parameter weightCf;
    private final Parameter weightCo;

    /** One step's values: the gates are kept for inspection (heatmaps) and for backward. */
    public record PeepholeStep(Matrix x, State prev, Matrix input, Matrix forget, Matrix cellCandidate,
                               Matrix output, Matrix tanhC, State state) implements Step {
    }

    public PeepholeLstmCell(int inputSize, int hiddenSize, Random rng) {
        super("PeepholeLstmCell", 4, inputSize, hiddenSize, rng);
        double bound = 1.0 / Math.sqrt(hiddenSize);
        weightCi = new Parameter("weight_ci", Init.uniform(1, hiddenSize, bound, rng));
        weightCf = new Parameter("weight_cf", Init.uniform(1, hiddenSize, bound, rng));
        weightCo = new Parameter("weight_co", Init.uniform(1, hiddenSize, bound, rng));
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public PeepholeStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int n = hiddenSize();
        Matrix cPrev = prev.c();
        Matrix a = gatePreActivations(x, prev);   // every gate's pre-activation, side by side
        // tag::forward[]
        Matrix input = sigmoid(Blocks.columns(a, 0, n).addInPlace(Gates.timesRow(cPrev, weightCi.value())));
        Matrix forget = sigmoid(Blocks.columns(a, n, 2 * n).addInPlace(Gates.timesRow(cPrev, weightCf.value())));
        Matrix g = tanh(Blocks.columns(a, 2 * n, 3 * n));
        Matrix c = forget.mul(cPrev).addInPlace(input.mul(g));
        Matrix output = sigmoid(Blocks.columns(a, 3 * n, 4 * n).addInPlace(Gates.timesRow(c, weightCo.value())));
        Matrix tanhC = tanh(c);
        Matrix h = output.mul(tanhC);
        // end::forward[]
        return new PeepholeStep(x, prev, input, forget, g, output, tanhC, new State(h, c));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        PeepholeStep s = (PeepholeStep) step;
        int n = hiddenSize();
        Matrix cPrev = s.prev().c();
        Matrix c = s.state().c();
        Matrix dh = dState.h();
        dh.requireShape("PeepholeLstmCell backward dh", cPrev.rows(), n);
        Matrix daO = sigmoidBackward(dh.mul(s.tanhC()), s.output());
        Matrix dc = tanhBackward(dh.mul(s.output()), s.tanhC()).addInPlace(Gates.timesRow(daO, weightCo.value()));
        if (dState.c() != null) {
            dc.addInPlace(dState.c());
        }
        Matrix daI = sigmoidBackward(dc.mul(s.cellCandidate()), s.input());
        Matrix daF = sigmoidBackward(dc.mul(cPrev), s.forget());
        Matrix daG = tanhBackward(dc.mul(s.input()), s.cellCandidate());
        Matrix dcPrev = dc.mul(s.forget()).addInPlace(Gates.timesRow(daI, weightCi.value()))
                .addInPlace(Gates.timesRow(daF, weightCf.value()));
        daI.mul(cPrev).addSumRowsTo(weightCi.grad());
        daF.mul(cPrev).addSumRowsTo(weightCf.grad());
        daO.mul(c).addSumRowsTo(weightCo.grad());
        Matrix da = Matrix.zeros(dh.rows(), 4 * n);
        Blocks.addColumns(da, 0, daI);
        Blocks.addColumns(da, n, daF);
        Blocks.addColumns(da, 2 * n, daG);
        Blocks.addColumns(da, 3 * n, daO);
        Matrix dx = backwardWeights(da, s.x(), s.prev().h());   // dW_ih, dW_hh, db_ih, db_hh, and da · W_ih
        return new StepGrad(dx, new State(da.matmul(weightHh.value()), dcPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh, weightCi, weightCf, weightCo);
    }
}
