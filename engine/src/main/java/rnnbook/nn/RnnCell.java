package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The vanilla (Elman) recurrent cell, PyTorch's {@code RNNCell}:
 * <pre>
 *   h_t = f(x_t · W_ihᵀ + b_ih + h_{t-1} · W_hhᵀ + b_hh)        f = tanh (default) or relu
 * </pre>
 * Shapes: x_t (batch, input), h (batch, hidden), {@code weight_ih} (hidden, input), {@code weight_hh}
 * (hidden, hidden), {@code bias_ih} and {@code bias_hh} (1, hidden). Every parameter starts uniform(-1/√hidden,
 * 1/√hidden), as PyTorch.
 *
 * <p>Backward, with a = the pre-activation and da = dh_t ⊙ f'(a):
 * dW_ih += daᵀ · x_t, dW_hh += daᵀ · h_{t-1}, db_ih = db_hh += Σ_rows da, dx_t = da · W_ih, dh_{t-1} = da · W_hh.
 */
public final class RnnCell implements Cell {
    private final Activation activation;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /** The step record: input, previous hidden state, new hidden state. */
    public record RnnStep(Matrix x, Matrix hPrev, State state) implements Step {
    }

    public RnnCell(int inputSize, int hiddenSize, Random rng) {
        this(inputSize, hiddenSize, Activation.TANH, rng);
    }

    public RnnCell(int inputSize, int hiddenSize, Activation activation, Random rng) {
        CellWeights w = CellWeights.uniform("RnnCell", 1, inputSize, hiddenSize, rng);
        this.activation = activation;
        this.weightIh = w.weightIh();
        this.weightHh = w.weightHh();
        this.biasIh = w.biasIh();
        this.biasHh = w.biasHh();
    }

    public Activation activation() {
        return activation;
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
        return weightHh.value().rows();
    }

    @Override
    public RnnStep forward(Matrix x, State prev) {
        int batch = x.rows();
        x.requireShape("RnnCell input x", batch, inputSize());
        prev.require("RnnCell previous state", batch, hiddenSize(), false);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix a = x.matmulT(weightIh.value())
                .addMatmul(hPrev, false, weightHh.value(), true)
                .addRowVectorInPlace(biasIh.value())
                .addRowVectorInPlace(biasHh.value());
        Matrix h = activation.applyInPlace(a);
        // end::forward[]
        return new RnnStep(x, hPrev, State.of(h));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        RnnStep s = (RnnStep) step;
        Matrix h = s.state().h();
        dState.h().requireShape("RnnCell backward dh", h.rows(), h.cols());
        // tag::backward[]
        Matrix da = activation.backward(dState.h(), h);
        weightIh.grad().addMatmul(da, true, s.x(), false);
        weightHh.grad().addMatmul(da, true, s.hPrev(), false);
        da.addSumRowsTo(biasIh.grad());
        da.addSumRowsTo(biasHh.grad());
        Matrix dx = da.matmul(weightIh.value());
        Matrix dhPrev = da.matmul(weightHh.value());
        // end::backward[]
        return new StepGrad(dx, State.of(dhPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
