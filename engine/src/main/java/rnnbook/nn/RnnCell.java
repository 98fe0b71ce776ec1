package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.PerStep;

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
 *
 * <p>As a {@link GateCell} with one "gate" (the pre-activation itself), a {@link Recurrent} computes x_t · W_ihᵀ
 * for all steps in one product before the time loop, and dW_ih, dW_hh and every dx_t in large products after it.
 * The sum is formed in the same order either way, ((x · W_ihᵀ + h · W_hhᵀ) + b_ih) + b_hh, so a step computes
 * the same bits whether it runs alone or inside a sequence.
 */
public final class RnnCell extends AbstractGateCell {
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
        return (RnnStep) super.forward(x, prev);
    }

    /** x_t · W_ihᵀ for every step; the biases are added per step (see the class comment). */
    @Override
    public Matrix[] inputGates(Matrix[] xs) {
        return PerStep.matmulT(xs, weightIh.value());
    }

    @Override
    public RnnStep forward(Matrix x, Matrix xWih, State prev, Packed weightHhT) {
        int batch = x.rows();
        xWih.requireShape("RnnCell input product x · W_ihᵀ", batch, hiddenSize());
        prev.require("RnnCell previous state", batch, hiddenSize(), false);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix a = weightHhT == null
                ? xWih.addMatmul(hPrev, false, weightHh.value(), true)   // x · W_ihᵀ + h · W_hhᵀ, in place
                : xWih.addMatmul(hPrev, weightHhT);
        a.addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value());
        Matrix h = activation.applyInPlace(a);
        // end::forward[]
        return new RnnStep(x, hPrev, State.of(h));
    }

    /** da = dh ⊙ f'(a) and dh_{t-1} = da · W_hh; da serves both weight gradients. */
    @Override
    public GateGrad backwardGates(Step step, State dState, Packed packedWeightHh) {
        RnnStep s = (RnnStep) step;
        Matrix h = s.state().h();
        dState.h().requireShape("RnnCell backward dh", h.rows(), h.cols());
        // tag::backward[]
        Matrix da = activation.backwardInPlace(dState.h(), h);   // dh ⊙ f'(a), written over dh
        Matrix dhPrev = packedWeightHh == null ? da.matmul(weightHh.value())
                : Matrix.zeros(da.rows(), da.cols()).addMatmul(da, packedWeightHh);
        // end::backward[]
        return new GateGrad(da, da, State.of(dhPrev));
    }

    @Override
    public Matrix previousH(Step step) {
        return ((RnnStep) step).hPrev();
    }

    @Override
    public Matrix inputOf(Step step) {
        return ((RnnStep) step).x();
    }
}
