package rnnbook.nn;

import rnnbook.tensor.GruKernel;
import rnnbook.tensor.LstmKernel;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Packed;
import rnnbook.tensor.PerStep;

/**
 * The road {@link Recurrent} takes over a whole sequence for the vanilla, LSTM and GRU cells, the one cuDNN and
 * PyTorch take. In those cells x_t enters only through x_t · W_ihᵀ, which does not depend on the previous step, so
 * the input products of all steps are one call before the time loop ({@link PerStep}) and their gradients (dW_ih,
 * db_ih, every dx_t) and dW_hh = Σ_t dG_tᵀ · h_{t-1} one call each after it; inside the loop only h_{t-1} · W_hhᵀ
 * and dG_t · W_hh remain, against W_hh packed once per sequence ({@link Packed}), and the elementwise part is one
 * fused loop over the stacked gates ({@link LstmKernel}, {@link GruKernel}).
 *
 * <p>Each road makes the same step records as its cell's {@code forward}, holding the same bits, so a record from
 * either can go to the cell's {@code backward}; the sums keep the order of a step-by-step walk, so the gradients
 * are the same bits as walking the cell by hand too (held by {@code FastRoadTest}). Only these three cells take
 * this road; every other cell, the variants with four weights included, is unrolled step by step.
 */
abstract class FastRoad {

    /** What one step's backward returns before the input-side products: the gate gradients and dL/d(prev). */
    record GateGrad(Matrix dInputGates, Matrix dRecurrentGates, State dPrev) {
    }

    final FourWeightCell cell;
    /** The gate gradients of a backward pass, reused by the next one. */
    final GateScratch scratch = new GateScratch();

    private FastRoad(FourWeightCell cell) {
        this.cell = cell;
    }

    /** The road for this cell, or null when it is unrolled one {@code forward} at a time. */
    static FastRoad of(Cell cell) {
        if (cell instanceof RnnCell c) {
            return new Vanilla(c);
        } else if (cell instanceof LstmCell c) {
            return new Lstm(c);
        } else if (cell instanceof GruCell c) {
            return new Gru(c);
        }
        return null;
    }

    /** The input half of every step's gate pre-activations (the biases where the cell adds them there). */
    abstract Matrix[] inputGates(Matrix[] xs);

    /** One step from its input gates, which it writes over; {@code weightHhT} is W_hhᵀ packed for the sequence. */
    abstract Step forward(Matrix x, Matrix inputGates, State prev, Packed weightHhT);

    /**
     * One step back through the recurrence; {@code dState} is the road's own and is written over. Between
     * {@code scratch.begin()} and {@code scratch.end()}, its gate gradients are matrices reused from the last pass.
     */
    abstract GateGrad backward(Step step, State dState, Packed weightHh);

    abstract Matrix previousH(Step step);

    abstract Matrix inputOf(Step step);

    /**
     * After the walk: dW_hh += Σ_t dG_tᵀ · h_{t-1}, dW_ih += Σ_t dG_tᵀ · x_t, db_hh and db_ih += Σ_t Σ_rows of their
     * gate gradients (skipped without bias); returns every dx_t = dG_t · W_ih. The vanilla and LSTM cells have one
     * gate gradient for both halves, whose rows are then summed once for both biases.
     */
    Matrix[] backwardGates(Matrix[] xs, Matrix[] hPrev, Matrix[] dInputGates, Matrix[] dRecurrentGates) {
        PerStep.addTMatmul(cell.weightHh().grad(), dRecurrentGates, hPrev);
        PerStep.addTMatmul(cell.weightIh().grad(), dInputGates, xs);
        if (cell.hasBias()) {
            addBiasGradients(dInputGates, dRecurrentGates);
        }
        return PerStep.matmul(dInputGates, cell.weightIh().value());
    }

    /** db_ih += Σ_t Σ_rows dG_t of the input half, db_hh += the same sum of the recurrent half. */
    void addBiasGradients(Matrix[] dInputGates, Matrix[] dRecurrentGates) {
        if (sameMatrices(dInputGates, dRecurrentGates)) {
            PerStep.addSumRows(dInputGates, cell.biasIh().grad(), cell.biasHh().grad());
        } else {
            PerStep.addSumRows(dInputGates, cell.biasIh().grad());
            PerStep.addSumRows(dRecurrentGates, cell.biasHh().grad());
        }
    }

    /** Whether a and b hold the very same matrix objects, step by step. */
    private static boolean sameMatrices(Matrix[] a, Matrix[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int t = 0; t < a.length; t++) {
            if (a[t] != b[t]) {
                return false;
            }
        }
        return true;
    }

    /** h_t = f(x_t · W_ihᵀ + h_{t-1} · W_hhᵀ + b_ih + b_hh), the sum in {@link RnnCell}'s order. */
    private static final class Vanilla extends FastRoad {
        private final RnnCell rnn;

        Vanilla(RnnCell cell) {
            super(cell);
            this.rnn = cell;
        }

        @Override
        Matrix[] inputGates(Matrix[] xs) {
            return PerStep.matmulT(xs, cell.weightIh().value());
        }

        @Override
        Step forward(Matrix x, Matrix xWih, State prev, Packed weightHhT) {
            Matrix a = xWih.addMatmul(prev.h(), weightHhT)
                    .addRowVectorInPlace(cell.biasIh().value()).addRowVectorInPlace(cell.biasHh().value());
            return new RnnCell.RnnStep(x, prev.h(), State.of(rnn.activation().applyInPlace(a)));
        }

        @Override
        GateGrad backward(Step step, State dState, Packed weightHh) {
            Matrix da = rnn.activation().backwardInPlace(dState.h(), step.state().h());
            Matrix dhPrev = Matrix.zeros(da.rows(), da.cols()).addMatmul(da, weightHh);
            return new GateGrad(da, da, State.of(dhPrev));
        }

        @Override
        Matrix previousH(Step step) {
            return ((RnnCell.RnnStep) step).hPrev();
        }

        @Override
        Matrix inputOf(Step step) {
            return ((RnnCell.RnnStep) step).x();
        }
    }

    /** z = x_t · W_ihᵀ + b_ih + b_hh + h_{t-1} · W_hhᵀ, then {@link LstmKernel}. */
    private static final class Lstm extends FastRoad {
        Lstm(LstmCell cell) {
            super(cell);
        }

        @Override
        Matrix[] inputGates(Matrix[] xs) {
            return PerStep.matmulT(xs, cell.weightIh().value(), cell.biasIh().value(), cell.biasHh().value());
        }

        @Override
        Step forward(Matrix x, Matrix zIn, State prev, Packed weightHhT) {
            int batch = x.rows();
            int hidden = cell.hiddenSize();
            Matrix z = zIn.addMatmul(prev.h(), weightHhT);
            Matrix c = Matrix.zeros(batch, hidden);
            Matrix tanhC = Matrix.zeros(batch, hidden);
            Matrix h = Matrix.zeros(batch, hidden);
            LstmKernel.forward(z, prev.c(), c, tanhC, h);   // z now holds the gate values
            return new LstmCell.LstmStep(x, prev, z, tanhC, new State(h, c));
        }

        @Override
        GateGrad backward(Step step, State dState, Packed weightHh) {
            LstmCell.LstmStep s = (LstmCell.LstmStep) step;
            int batch = s.x().rows();
            int hidden = cell.hiddenSize();
            Matrix dc = dState.c() == null ? Matrix.zeros(batch, hidden) : dState.c();
            Matrix dz = scratch.take(batch, 4 * hidden);   // written in full by the kernel
            LstmKernel.backward(s.gates(), s.tanhC(), s.prev().c(), dState.h(), dc, dz);   // dc is now dc_{t-1}
            Matrix dhPrev = Matrix.zeros(batch, hidden).addMatmul(dz, weightHh);
            return new GateGrad(dz, dz, new State(dhPrev, dc));
        }

        @Override
        Matrix previousH(Step step) {
            return ((LstmCell.LstmStep) step).prev().h();
        }

        @Override
        Matrix inputOf(Step step) {
            return ((LstmCell.LstmStep) step).x();
        }
    }

    /** gi = x_t · W_ihᵀ + b_ih, gh = h_{t-1} · W_hhᵀ + b_hh, then {@link GruKernel}. */
    private static final class Gru extends FastRoad {
        Gru(GruCell cell) {
            super(cell);
        }

        @Override
        Matrix[] inputGates(Matrix[] xs) {
            return PerStep.matmulT(xs, cell.weightIh().value(), cell.biasIh().value());
        }

        @Override
        Step forward(Matrix x, Matrix gi, State prev, Packed weightHhT) {
            Matrix hPrev = prev.h();
            Matrix gh = Matrix.zeros(hPrev.rows(), weightHhT.cols()).addMatmul(hPrev, weightHhT);
            Matrix h = Matrix.zeros(hPrev.rows(), hPrev.cols());
            GruKernel.forward(gi, gh, cell.biasHh().value(), hPrev, h);   // gi now holds the gate values, gh has b_hh
            return new GruCell.GruStep(x, hPrev, gi, gh, State.of(h));
        }

        @Override
        GateGrad backward(Step step, State dState, Packed weightHh) {
            GruCell.GruStep s = (GruCell.GruStep) step;
            int batch = s.x().rows();
            int hidden = cell.hiddenSize();
            Matrix dgi = scratch.take(batch, 3 * hidden);   // both written in full by the kernel
            Matrix dgh = scratch.take(batch, 3 * hidden);
            Matrix dhPrev = Matrix.zeros(batch, hidden);
            GruKernel.backward(s.gates(), s.recurrent(), s.hPrev(), dState.h(), dgi, dgh, dhPrev);
            dhPrev.addMatmul(dgh, weightHh);
            return new GateGrad(dgi, dgh, State.of(dhPrev));
        }

        /**
         * dgh's r and z columns hold the very numbers of dgi's ({@link GruKernel#backward} writes both from one
         * value), so one pass over them sums into both biases, the same bits as a pass over each; only the n
         * columns, where dgh is dgi ⊙ r, are summed apart.
         */
        @Override
        void addBiasGradients(Matrix[] dgi, Matrix[] dgh) {
            int hidden = cell.hiddenSize();
            PerStep.addSumRows(dgi, 0, 2 * hidden, cell.biasIh().grad(), cell.biasHh().grad());
            PerStep.addSumRows(dgi, 2 * hidden, 3 * hidden, cell.biasIh().grad());
            PerStep.addSumRows(dgh, 2 * hidden, 3 * hidden, cell.biasHh().grad());
        }

        @Override
        Matrix previousH(Step step) {
            return ((GruCell.GruStep) step).hPrev();
        }

        @Override
        Matrix inputOf(Step step) {
            return ((GruCell.GruStep) step).x();
        }
    }
}
