package rnnbook.variants;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.Cell;
import rnnbook.nn.CellWeights;
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
public final class PeepholeLstmCell implements Cell {
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;
    private final Parameter weightCi;
    private final Parameter weightCf;
    private final Parameter weightCo;

    /** One step's values: the gates are kept for inspection (heatmaps) and for backward. */
    public record PeepholeStep(Matrix x, State prev, Matrix input, Matrix forget, Matrix cellCandidate,
                               Matrix output, Matrix tanhC, State state) implements Step {
    }

    public PeepholeLstmCell(int inputSize, int hiddenSize, Random rng) {
        CellWeights w = CellWeights.uniform("PeepholeLstmCell", 4, inputSize, hiddenSize, rng);
        weightIh = w.weightIh();
        weightHh = w.weightHh();
        biasIh = w.biasIh();
        biasHh = w.biasHh();
        double bound = 1.0 / Math.sqrt(hiddenSize);
        weightCi = new Parameter("weight_ci", Init.uniform(1, hiddenSize, bound, rng));
        weightCf = new Parameter("weight_cf", Init.uniform(1, hiddenSize, bound, rng));
        weightCo = new Parameter("weight_co", Init.uniform(1, hiddenSize, bound, rng));
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
    public PeepholeStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int n = hiddenSize();
        x.requireShape("PeepholeLstmCell input x", batch, inputSize());
        prev.require("PeepholeLstmCell previous state", batch, n, true);
        Matrix cPrev = prev.c();
        Matrix a = x.matmulT(weightIh.value()).addMatmul(prev.h(), false, weightHh.value(), true)
                .addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        // tag::forward[]
        Matrix input = Gates.sigmoid(Blocks.columns(a, 0, n).addInPlace(Gates.timesRow(cPrev, weightCi.value())));
        Matrix forget = Gates.sigmoid(Blocks.columns(a, n, 2 * n).addInPlace(Gates.timesRow(cPrev, weightCf.value())));
        Matrix g = Gates.tanh(Blocks.columns(a, 2 * n, 3 * n));
        Matrix c = forget.mul(cPrev).addInPlace(input.mul(g));
        Matrix output = Gates.sigmoid(Blocks.columns(a, 3 * n, 4 * n).addInPlace(Gates.timesRow(c, weightCo.value())));
        Matrix tanhC = Gates.tanh(c);
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
        Matrix daO = Gates.sigmoidBackward(dh.mul(s.tanhC()), s.output());
        Matrix dc = Gates.tanhBackward(dh.mul(s.output()), s.tanhC()).addInPlace(Gates.timesRow(daO, weightCo.value()));
        if (dState.c() != null) {
            dc.addInPlace(dState.c());
        }
        Matrix daI = Gates.sigmoidBackward(dc.mul(s.cellCandidate()), s.input());
        Matrix daF = Gates.sigmoidBackward(dc.mul(cPrev), s.forget());
        Matrix daG = Gates.tanhBackward(dc.mul(s.input()), s.cellCandidate());
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
        weightIh.grad().addMatmul(da, true, s.x(), false);
        weightHh.grad().addMatmul(da, true, s.prev().h(), false);
        da.addSumRowsTo(biasIh.grad());
        da.addSumRowsTo(biasHh.grad());
        return new StepGrad(da.matmul(weightIh.value()), new State(da.matmul(weightHh.value()), dcPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh, weightCi, weightCf, weightCo);
    }
}
