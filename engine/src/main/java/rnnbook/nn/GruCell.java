package rnnbook.nn;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.sigmoidBackward;
import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Random;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/**
 * The gated recurrent unit, PyTorch's {@code GRUCell}:
 * <pre>
 *   reset     r_t = σ(x_t · W_irᵀ + b_ir + h_{t-1} · W_hrᵀ + b_hr)
 *   update    z_t = σ(x_t · W_izᵀ + b_iz + h_{t-1} · W_hzᵀ + b_hz)
 *   candidate n_t = tanh(x_t · W_inᵀ + b_in + r_t ⊙ (h_{t-1} · W_hnᵀ + b_hn))
 *   h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}  =  n_t + z_t ⊙ (h_{t-1} - n_t)
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
 *
 * <p>{@link Recurrent} runs this cell over a sequence on its fast road ({@code FastRoad}, with the fused loop of
 * {@link rnnbook.tensor.GruKernel}); a test holds that road to the bits this class computes.
 */
public final class GruCell extends FourWeightCell {

    /**
     * One step: the gate values r, z, n side by side in {@code gates} (batch, 3 * hidden), and the recurrent half
     * gh = h_{t-1} · W_hhᵀ + b_hh (batch, 3 * hidden), whose n block hn = h_{t-1} · W_hnᵀ + b_hn is what the reset
     * gate scaled. {@link #reset()}, {@link #update()}, {@link #candidate()} and {@link #hn()} cut out one block
     * each, (batch, hidden).
     */
    public record GruStep(Matrix x, Matrix hPrev, Matrix gates, Matrix recurrent, State state) implements Step {
        public Matrix reset() {
            return Blocks.block(gates, 0, hPrev.cols());
        }

        public Matrix update() {
            return Blocks.block(gates, 1, hPrev.cols());
        }

        public Matrix candidate() {
            return Blocks.block(gates, 2, hPrev.cols());
        }

        public Matrix hn() {
            return Blocks.block(recurrent, 2, hPrev.cols());
        }
    }

    public GruCell(int inputSize, int hiddenSize, Random rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    /** PyTorch's {@code GRUCell(input, hidden, bias)}; {@code bias=false} leaves only the two weights. */
    public GruCell(int inputSize, int hiddenSize, boolean bias, Random rng) {
        super("GruCell", 3, inputSize, hiddenSize, bias, rng);
    }

    @Override
    public GruStep forward(Matrix x, State prev) {
        checkStep(x, prev);
        int n = hiddenSize();
        Matrix hPrev = prev.h();
        Matrix gi = x.matmulT(weightIh.value()).addRowVectorInPlace(biasIh.value());       // input half
        Matrix gh = hPrev.matmulT(weightHh.value()).addRowVectorInPlace(biasHh.value());   // recurrent half
        // tag::forward[]
        Matrix reset = sigmoid(Blocks.block(gi, 0, n).addInPlace(Blocks.block(gh, 0, n)));
        Matrix update = sigmoid(Blocks.block(gi, 1, n).addInPlace(Blocks.block(gh, 1, n)));
        Matrix candidate = tanh(Blocks.block(gi, 2, n).addInPlace(reset.mul(Blocks.block(gh, 2, n))));
        Matrix h = candidate.add(update.mul(hPrev.sub(candidate)));   // (1 - z) ⊙ n + z ⊙ h_{t-1}
        // end::forward[]
        return new GruStep(x, hPrev, Blocks.join(reset, update, candidate), gh, State.of(h));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        GruStep s = (GruStep) step;
        Matrix dh = dState.h();
        dh.requireShape("GruCell backward dh", s.x().rows(), hiddenSize());
        Matrix reset = s.reset();
        Matrix update = s.update();
        Matrix candidate = s.candidate();
        Matrix hPrev = s.hPrev();
        // tag::backward[]
        Matrix dCandidate = tanhBackward(dh.mul(update.map(z -> 1 - z)), candidate);
        Matrix dUpdate = sigmoidBackward(dh.mul(hPrev.sub(candidate)), update);
        Matrix dReset = sigmoidBackward(dCandidate.mul(s.hn()), reset);
        Matrix dgi = Blocks.join(dReset, dUpdate, dCandidate);
        Matrix dgh = Blocks.join(dReset, dUpdate, dCandidate.mul(reset));
        Matrix dx = backwardWeights(dgi, dgh, s.x(), hPrev);   // dW_ih, db_ih from dgi; dW_hh, db_hh from dgh
        Matrix dhPrev = dh.mul(update).addMatmul(dgh, false, weightHh.value(), false);   // direct path + through gh
        // end::backward[]
        return new StepGrad(dx, State.of(dhPrev));
    }
}
