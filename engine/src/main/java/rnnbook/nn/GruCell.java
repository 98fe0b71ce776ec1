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
public final class GruCell implements GateCell {
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
        CellWeights w = CellWeights.uniform("GruCell", 3, inputSize, hiddenSize, rng);
        this.weightIh = w.weightIh();
        this.weightHh = w.weightHh();
        this.biasIh = w.biasIh();
        this.biasHh = w.biasHh();
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
        x.requireShape("GruCell input x", x.rows(), inputSize());
        return forward(x, inputGates(x), prev, null);
    }

    /** gi = x · W_ihᵀ + b_ih: the input half of r, z and n, for one step or many stacked. */
    @Override
    public Matrix inputGates(Matrix x) {
        return x.matmulT(weightIh.value()).addRowVectorInPlace(biasIh.value());
    }

    @Override
    public GruStep forward(Matrix x, Matrix gi, State prev, Matrix weightHhT) {
        int batch = x.rows();
        int hidden = hiddenSize();
        gi.requireShape("GruCell input gates", batch, 3 * hidden);
        prev.require("GruCell previous state", batch, hidden, false);
        Matrix hPrev = prev.h();
        // tag::forward[]
        Matrix gh = (weightHhT == null ? hPrev.matmulT(weightHh.value()) : hPrev.matmul(weightHhT))
                .addRowVectorInPlace(biasHh.value());                        // r, z, n: recurrent half
        Matrix reset = Matrix.zeros(batch, hidden);
        Matrix update = Matrix.zeros(batch, hidden);
        Matrix candidate = Matrix.zeros(batch, hidden);
        Matrix hn = Matrix.zeros(batch, hidden);
        Matrix h = Matrix.zeros(batch, hidden);
        double[] in = gi.data();
        double[] rec = gh.data();
        for (int b = 0; b < batch; b++) {
            int row = b * 3 * hidden;   // example b's gates r, z, n start at row, row + H, row + 2H
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double r = sigmoid(in[row + j] + rec[row + j]);
                double z = sigmoid(in[row + hidden + j] + rec[row + hidden + j]);
                double recurrentN = rec[row + 2 * hidden + j];   // h · W_hnᵀ + b_hn, which the reset gate scales
                double n = tanh(in[row + 2 * hidden + j] + r * recurrentN);
                reset.data()[k] = r;
                update.data()[k] = z;
                candidate.data()[k] = n;
                hn.data()[k] = recurrentN;
                h.data()[k] = n + z * (hPrev.data()[k] - n);   // (1 - z) ⊙ n + z ⊙ h_prev
            }
        }
        // end::forward[]
        return new GruStep(x, hPrev, reset, update, candidate, hn, State.of(h));
    }

    @Override
    public StepGrad backward(Step step, State dState) {
        return GateCell.super.backward(step, dState);
    }

    @Override
    public GateGrad backwardGates(Step step, State dState) {
        GruStep s = (GruStep) step;
        Matrix dh = dState.h();
        dh.requireShape("GruCell backward dh", s.x().rows(), hiddenSize());
        // tag::backward[]
        int batch = dh.rows();
        int hidden = dh.cols();
        Matrix dgi = Matrix.zeros(batch, 3 * hidden);   // [d reset, d update, d candidate] pre-activations, input half
        Matrix dgh = Matrix.zeros(batch, 3 * hidden);   // the same for the recurrent half: d candidate scaled by r
        Matrix dhPrev = Matrix.zeros(batch, hidden);
        for (int b = 0; b < batch; b++) {
            int row = b * 3 * hidden;
            for (int j = 0; j < hidden; j++) {
                int k = b * hidden + j;
                double r = s.reset().data()[k];
                double z = s.update().data()[k];
                double n = s.candidate().data()[k];
                double dhk = dh.data()[k];
                double dn = dhk * (1 - z) * (1 - n * n);
                double dz = dhk * (s.hPrev().data()[k] - n) * z * (1 - z);
                double dr = dn * s.hn().data()[k] * r * (1 - r);
                dgi.data()[row + j] = dr;
                dgi.data()[row + hidden + j] = dz;
                dgi.data()[row + 2 * hidden + j] = dn;
                dgh.data()[row + j] = dr;
                dgh.data()[row + hidden + j] = dz;
                dgh.data()[row + 2 * hidden + j] = dn * r;
                dhPrev.data()[k] = dhk * z;   // the direct path h_prev → h
            }
        }
        dhPrev.addMatmul(dgh, false, weightHh.value(), false);
        // end::backward[]
        return new GateGrad(dgi, dgh, State.of(dhPrev));
    }

    /** dW_ih += dgiᵀ · x, db_ih += Σ_rows dgi; returns dx = dgi · W_ih. */
    @Override
    public Matrix backwardInputGates(Matrix x, Matrix dgi) {
        weightIh.grad().addMatmul(dgi, true, x, false);
        dgi.addSumRowsTo(biasIh.grad());
        return dgi.matmul(weightIh.value());
    }

    /** dW_hh += dghᵀ · h_prev, db_hh += Σ_rows dgh. */
    @Override
    public void backwardRecurrentGates(Matrix hPrev, Matrix dgh) {
        weightHh.grad().addMatmul(dgh, true, hPrev, false);
        dgh.addSumRowsTo(biasHh.grad());
    }

    private static double sigmoid(double a) {
        return Activation.SIGMOID.apply(a);
    }

    private static double tanh(double a) {
        return Activation.TANH.apply(a);
    }

    @Override
    public Matrix recurrentWeight() {
        return weightHh.value();
    }

    @Override
    public Matrix previousH(Step step) {
        return ((GruStep) step).hPrev();
    }

    @Override
    public Matrix inputOf(Step step) {
        return ((GruStep) step).x();
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
