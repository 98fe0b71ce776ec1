package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The gated recurrent unit, PyTorch's {@code GRUCell}:
 * <pre>
 *   reset     r_t = σ(x_t · W_irᵀ + b_ir + h_{t-1} · W_hrᵀ + b_hr)
 *   update    z_t = σ(x_t · W_izᵀ + b_iz + h_{t-1} · W_hzᵀ + b_hz)
 *   candidate n_t = tanh(x_t · W_inᵀ + b_in + r_t ⊙ (h_{t-1} · W_hnᵀ + b_hn))
 *   h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}
 * </pre>
 * As in PyTorch the reset gate multiplies the whole recurrent term h · W_hnᵀ + b_hn, bias included, so the input
 * half gi = x · W_ihᵀ + b_ih and the recurrent half gh = h · W_hhᵀ + b_hh are kept apart. Weights are stacked in
 * the order r, z, n: {@code weight_ih} (3 * hidden, input), {@code weight_hh} (3 * hidden, hidden),
 * {@code bias_ih} and {@code bias_hh} (1, 3 * hidden). Shapes: x_t (batch, input); h and every gate
 * (batch, hidden). Every parameter starts uniform(-1/√hidden, 1/√hidden).
 *
 * <p>Backward, given dh_t, with hn = h_{t-1} · W_hnᵀ + b_hn:
 * <pre>
 *   dn = dh_t ⊙ (1 - z) ⊙ (1 - n²)     dz = dh_t ⊙ (h_{t-1} - n) ⊙ z(1 - z)     dr = dn ⊙ hn ⊙ r(1 - r)
 *   dgi = [dr, dz, dn]                  dgh = [dr, dz, dn ⊙ r]
 *   dW_ih += dgiᵀ · x_t,  db_ih += Σ_rows dgi,  dW_hh += dghᵀ · h_{t-1},  db_hh += Σ_rows dgh
 *   dx_t = dgi · W_ih,    dh_{t-1} = dh_t ⊙ z + dgh · W_hh
 * </pre>
 */
public final class GruCell implements Cell {
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /**
     * One step: the gates {@code reset}, {@code update} and {@code candidate} (each (batch, hidden)), and the
     * recurrent term of the candidate {@code hn} = h_{t-1} · W_hnᵀ + b_hn that the reset gate scaled.
     */
    public record GruStep(Matrix x, Matrix hPrev, Matrix reset, Matrix update, Matrix candidate, Matrix hn,
                          State state) implements Step {
    }

    public GruCell(int inputSize, int hiddenSize, Random rng) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException("GruCell sizes must be positive, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        double bound = 1.0 / Math.sqrt(hiddenSize);
        int gates = 3 * hiddenSize;
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
    public GruStep forward(Matrix x, State prev) {
        int batch = x.rows();
        int hidden = hiddenSize();
        x.requireShape("GruCell input x", batch, inputSize());
        prev.require("GruCell previous state", batch, hidden, false);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix gi = x.matmulT(weightIh.value()).addRowVectorInPlace(biasIh.value());       // r, z, n: input half
        Matrix gh = hPrev.matmulT(weightHh.value()).addRowVectorInPlace(biasHh.value());   // r, z, n: recurrent half
        Matrix reset = Activation.SIGMOID.applyInPlace(
                GateBlocks.block(gi, 0, hidden).addInPlace(GateBlocks.block(gh, 0, hidden)));
        Matrix update = Activation.SIGMOID.applyInPlace(
                GateBlocks.block(gi, 1, hidden).addInPlace(GateBlocks.block(gh, 1, hidden)));
        Matrix hn = GateBlocks.block(gh, 2, hidden);
        Matrix candidate = Activation.TANH.applyInPlace(GateBlocks.block(gi, 2, hidden).addInPlace(reset.mul(hn)));
        // h = (1 - z) ⊙ n + z ⊙ h_prev, written as n + z ⊙ (h_prev - n)
        Matrix h = candidate.add(update.mul(hPrev.sub(candidate)));
        // end::forward[]
        return new GruStep(x, hPrev, reset, update, candidate, hn, State.of(h));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        GruStep s = (GruStep) step;
        Matrix dh = dState.h();
        dh.requireShape("GruCell backward dh", s.x().rows(), hiddenSize());
        // tag::backward[]
        Matrix oneMinusZ = Matrix.filled(dh.rows(), dh.cols(), 1.0).subInPlace(s.update());
        Matrix dCandidate = Activation.TANH.backward(dh.mul(oneMinusZ), s.candidate());
        Matrix dUpdate = Activation.SIGMOID.backward(dh.mul(s.hPrev().sub(s.candidate())), s.update());
        Matrix dReset = Activation.SIGMOID.backward(dCandidate.mul(s.hn()), s.reset());
        Matrix dgi = GateBlocks.join(dReset, dUpdate, dCandidate);
        Matrix dgh = GateBlocks.join(dReset, dUpdate, dCandidate.mul(s.reset()));
        weightIh.grad().addMatmul(dgi, true, s.x(), false);
        weightHh.grad().addMatmul(dgh, true, s.hPrev(), false);
        dgi.addSumRowsTo(biasIh.grad());
        dgh.addSumRowsTo(biasHh.grad());
        Matrix dx = dgi.matmul(weightIh.value());
        Matrix dhPrev = dh.mul(s.update()).addMatmul(dgh, false, weightHh.value(), false);
        // end::backward[]
        return new StepGrad(dx, State.of(dhPrev));
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
