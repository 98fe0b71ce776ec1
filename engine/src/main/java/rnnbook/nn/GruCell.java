package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.Pointwise;
import rnnbook.tensor.PerStep;

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
public final class GruCell extends AbstractGateCell {

    /**
     * One step: the gate values r, z, n side by side in {@code gates} (batch, 3 * hidden), and the recurrent half
     * gh = h_{t-1} · W_hhᵀ + b_hh (batch, 3 * hidden), whose n block hn = h_{t-1} · W_hnᵀ + b_hn is what the reset
     * gate scaled. {@link #reset()}, {@link #update()}, {@link #candidate()} and {@link #hn()} cut out one block
     * each, (batch, hidden).
     */
    public record GruStep(Matrix x, Matrix hPrev, Matrix gates, Matrix recurrent, State state) implements Step {
        public Matrix reset() {
            return GateBlocks.block(gates, 0, hPrev.cols());
        }

        public Matrix update() {
            return GateBlocks.block(gates, 1, hPrev.cols());
        }

        public Matrix candidate() {
            return GateBlocks.block(gates, 2, hPrev.cols());
        }

        public Matrix hn() {
            return GateBlocks.block(recurrent, 2, hPrev.cols());
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
        return (GruStep) super.forward(x, prev);
    }

    /** gi = x_t · W_ihᵀ + b_ih for every step: the input half of r, z and n. */
    @Override
    public Matrix[] inputGates(Matrix[] xs) {
        Matrix[] gi = PerStep.matmulT(xs, weightIh.value());
        for (Matrix g : gi) {
            g.addRowVectorInPlace(biasIh.value());
        }
        return gi;
    }

    @Override
    public GruStep forward(Matrix x, Matrix gi, State prev, Packed weightHhT) {
        int batch = x.rows();
        int hidden = hiddenSize();
        gi.requireShape("GruCell input gates", batch, 3 * hidden);
        prev.require("GruCell previous state", batch, hidden, false);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix gh = (weightHhT == null ? hPrev.matmulT(weightHh.value())
                : Matrix.zeros(hPrev.rows(), 3 * hidden).addMatmul(hPrev, weightHhT))
                .addRowVectorInPlace(biasHh.value());                        // r, z, n: recurrent half
        double[] gates = gi.data();   // the input half, turned into the gate values in place
        double[] rec = gh.data();
        Matrix h = Matrix.zeros(batch, hidden);
        for (int b = 0; b < batch; b++) {
            int row = b * 3 * hidden;   // example b's gates r, z, n start at row, row + H, row + 2H
            for (int j = row; j < row + 2 * hidden; j++) {
                gates[j] += rec[j];
            }
            Pointwise.sigmoid(gates, row, row + 2 * hidden);   // reset and update
            for (int j = 0; j < hidden; j++) {
                // h · W_hnᵀ + b_hn, scaled by the reset gate
                gates[row + 2 * hidden + j] += gates[row + j] * rec[row + 2 * hidden + j];
            }
            Pointwise.tanh(gates, row + 2 * hidden, row + 3 * hidden);   // candidate
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double z = gates[row + hidden + j];
                double n = gates[row + 2 * hidden + j];
                h.data()[k] = n + z * (hPrev.data()[k] - n);   // (1 - z) ⊙ n + z ⊙ h_prev
            }
        }
        // end::forward[]
        return new GruStep(x, hPrev, gi, gh, State.of(h));
    }

    @Override
    public GateGrad backwardGates(Step step, State dState, Packed packedWeightHh) {
        GruStep s = (GruStep) step;
        Matrix dh = dState.h();
        dh.requireShape("GruCell backward dh", s.x().rows(), hiddenSize());
        // tag::backward[]
        int batch = dh.rows();
        int hidden = dh.cols();
        Matrix dgi = Matrix.zeros(batch, 3 * hidden);   // [d reset, d update, d candidate] pre-activations, input half
        Matrix dgh = Matrix.zeros(batch, 3 * hidden);   // the same for the recurrent half: d candidate scaled by r
        Matrix dhPrev = Matrix.zeros(batch, hidden);
        double[] gates = s.gates().data();
        double[] rec = s.recurrent().data();
        double[] hPrev = s.hPrev().data();
        for (int b = 0; b < batch; b++) {
            int row = b * 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double r = gates[row + j];
                double z = gates[row + hidden + j];
                double n = gates[row + 2 * hidden + j];
                double dhk = dh.data()[k];
                double dn = dhk * (1 - z) * (1 - n * n);
                double dz = dhk * (hPrev[k] - n) * z * (1 - z);
                double dr = dn * rec[row + 2 * hidden + j] * r * (1 - r);
                dgi.data()[row + j] = dr;
                dgi.data()[row + hidden + j] = dz;
                dgi.data()[row + 2 * hidden + j] = dn;
                dgh.data()[row + j] = dr;
                dgh.data()[row + hidden + j] = dz;
                dgh.data()[row + 2 * hidden + j] = dn * r;
                dhPrev.data()[k] = dhk * z;   // the direct path h_prev → h
            }
        }
        if (packedWeightHh == null) {
            dhPrev.addMatmul(dgh, false, weightHh.value(), false);
        } else {
            dhPrev.addMatmul(dgh, packedWeightHh);
        }
        // end::backward[]
        return new GateGrad(dgi, dgh, State.of(dhPrev));
    }

    @Override
    public Matrix previousH(Step step) {
        return ((GruStep) step).hPrev();
    }

    @Override
    public Matrix inputOf(Step step) {
        return ((GruStep) step).x();
    }
}
