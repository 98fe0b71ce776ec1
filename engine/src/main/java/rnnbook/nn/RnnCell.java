package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The vanilla (Elman) recurrent cell, PyTorch's {@code RNNCell}:
 * <pre>
 *   h_t = f(x_t · W_ihᵀ + h_{t-1} · W_hhᵀ + b_ih + b_hh)        f = tanh (default) or relu
 * </pre>
 * Shapes: x_t (batch, input), h (batch, hidden), {@code weight_ih} (hidden, input), {@code weight_hh}
 * (hidden, hidden), {@code bias_ih} and {@code bias_hh} (1, hidden). Every parameter starts uniform(-1/√hidden,
 * 1/√hidden), as PyTorch.
 *
 * <p>Backward, with a = the pre-activation and da = dh_t ⊙ f'(a):
 * dW_ih += daᵀ · x_t, dW_hh += daᵀ · h_{t-1}, db_ih = db_hh += Σ_rows da, dx_t = da · W_ih, dh_{t-1} = da · W_hh.
 *
 * <p>{@link Recurrent} runs this cell over a sequence on its fast road ({@code FastRoad}), which computes the same
 * bits in the same order.
 */
public final class RnnCell extends FourWeightCell {
    private final Activation activation;

    /** The step record: input, previous hidden state, new hidden state. */
    public record RnnStep(Matrix x, Matrix hPrev, State state) implements Step {
    }

    public RnnCell(int inputSize, int hiddenSize, Random rng) {
        this(inputSize, hiddenSize, Activation.TANH, rng);
    }

    public RnnCell(int inputSize, int hiddenSize, Activation activation, Random rng) {
        this(inputSize, hiddenSize, activation, true, rng);
    }

    /** PyTorch's {@code RNNCell(input, hidden, bias, nonlinearity)}; {@code bias=false} leaves only the weights. */
    public RnnCell(int inputSize, int hiddenSize, Activation activation, boolean bias, Random rng) {
        super("RnnCell", 1, inputSize, hiddenSize, bias, rng);
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public RnnStep forward(Matrix x, State prev) {
        checkStep(x, prev);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix a = x.matmulT(weightIh.value()).addMatmul(hPrev, false, weightHh.value(), true)   // + h · W_hhᵀ
                .addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        Matrix h = activation.applyInPlace(a);   // h_t = f(a)
        // end::forward[]
        return new RnnStep(x, hPrev, State.of(h));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        RnnStep s = (RnnStep) step;
        Matrix h = s.state().h();
        Matrix dh = dState.h();
        dh.requireShape("RnnCell backward dh", h.rows(), h.cols());
        // tag::backward[]
        Matrix da = activation.backward(dh, h);                 // dh ⊙ f'(a)
        Matrix dx = backwardWeights(da, s.x(), s.hPrev());    // dW_ih, dW_hh, db_ih, db_hh, and da · W_ih
        Matrix dhPrev = da.matmul(weightHh.value());
        // end::backward[]
        return new StepGrad(dx, State.of(dhPrev));
    }
}
