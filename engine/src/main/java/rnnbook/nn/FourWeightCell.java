package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A cell with PyTorch's four parameters, the gates stacked in rows: {@code weight_ih} (gates * hidden, input),
 * {@code weight_hh} (gates * hidden, hidden), {@code bias_ih} and {@code bias_hh} (1, gates * hidden), made by
 * {@link CellWeights#uniform}; gates is 1 for the vanilla cell, 3 for the GRU, 4 for the LSTM. The sizes and the
 * parameter names are read off them. Without bias (PyTorch's {@code bias=False}) only the two weights are
 * parameters: the biases are constant zero rows, so the formulas keep one form, and no bias gradient is summed. The vanilla, LSTM and GRU cells and the variants build on it; whether
 * {@link Recurrent} can run a cell on its fast road is a separate matter (see {@code FastRoad}).
 */
public abstract class FourWeightCell implements Cell {
    protected final Parameter weightIh;
    protected final Parameter weightHh;
    protected final Parameter biasIh;
    protected final Parameter biasHh;
    private final CellWeights weights;

    /** @param cell the cell's name, for the error on a non-positive size */
    protected FourWeightCell(String cell, int gates, int inputSize, int hiddenSize, Random rng) {
        this(cell, gates, inputSize, hiddenSize, true, rng);
    }

    /**
     * @param cell the cell's name, for the error on a non-positive size
     * @param bias false for PyTorch's {@code bias=False}: only the two weights are parameters
     */
    protected FourWeightCell(String cell, int gates, int inputSize, int hiddenSize, boolean bias, Random rng) {
        this.weights = CellWeights.uniform(cell, gates, inputSize, hiddenSize, bias, rng);
        this.weightIh = weights.weightIh();
        this.weightHh = weights.weightHh();
        this.biasIh = weights.biasIh();
        this.biasHh = weights.biasHh();
    }

    /** W_ih, (gates * hidden, input), PyTorch's {@code weight_ih}. */
    public Parameter weightIh() {
        return weightIh;
    }

    /** W_hh, (gates * hidden, hidden), PyTorch's {@code weight_hh}. */
    public Parameter weightHh() {
        return weightHh;
    }

    /** b_ih, (1, gates * hidden); a constant zero row when the cell has no bias ({@link #hasBias()}). */
    public Parameter biasIh() {
        return biasIh;
    }

    /** b_hh, (1, gates * hidden); a constant zero row when the cell has no bias ({@link #hasBias()}). */
    public Parameter biasHh() {
        return biasHh;
    }

    /** Whether the biases are learnable parameters (PyTorch's {@code bias=True}); no bias gradient otherwise. */
    public boolean hasBias() {
        return weights.bias();
    }

    @Override
    public int inputSize() {
        return weightIh.value().cols();
    }

    @Override
    public int hiddenSize() {
        return weightHh.value().cols();
    }

    /**
     * Every gate's pre-activation at once, z = x · W_ihᵀ + b_ih + b_hh + h_{t-1} · W_hhᵀ, (batch, gates * hidden),
     * with the shapes of x and the previous state checked.
     */
    protected Matrix gatePreActivations(Matrix x, State prev) {
        checkStep(x, prev);
        return x.matmulT(weightIh.value()).addRowVectorInPlace(biasIh.value()).addRowVectorInPlace(biasHh.value())
                .addMatmul(prev.h(), false, weightHh.value(), true);
    }

    /**
     * The gradients of z = x · W_ihᵀ + b_ih + h_{t-1} · W_hhᵀ + b_hh given dz (batch, gates * hidden):
     * dW_ih += dzᵀ · x, dW_hh += dzᵀ · h_{t-1}, db_ih = db_hh += Σ_rows dz; returns dx = dz · W_ih.
     */
    protected Matrix backwardWeights(Matrix dz, Matrix x, Matrix hPrev) {
        return backwardWeights(dz, dz, x, hPrev);
    }

    /**
     * The same when the input and recurrent halves have their own gradients, dgi and dgh (both (batch,
     * gates * hidden)), as in the GRU: dW_ih += dgiᵀ · x, db_ih += Σ_rows dgi, dW_hh += dghᵀ · h_{t-1},
     * db_hh += Σ_rows dgh (the bias sums only when the cell has biases); returns dx = dgi · W_ih.
     */
    protected Matrix backwardWeights(Matrix dgi, Matrix dgh, Matrix x, Matrix hPrev) {
        weightIh.grad().addMatmul(dgi, true, x, false);
        weightHh.grad().addMatmul(dgh, true, hPrev, false);
        if (hasBias()) {
            dgi.addSumRowsTo(biasIh.grad());
            dgh.addSumRowsTo(biasHh.grad());
        }
        return dgi.matmul(weightIh.value());
    }

    /** Throws unless x is (batch, input) and the previous state fits it. */
    protected void checkStep(Matrix x, State prev) {
        String name = getClass().getSimpleName();
        x.requireShape(name + " input x", x.rows(), inputSize());
        prev.require(name + " previous state", x.rows(), hiddenSize(), hasCellState());
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return weights.named();   // PyTorch's state_dict names: the two weights, then the biases when there are any
    }
}
