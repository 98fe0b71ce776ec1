package rnnbook.nn;

import java.util.Map;
import java.util.Random;

/**
 * What the vanilla, LSTM and GRU cells share: PyTorch's four parameters {@code weight_ih} (gates * hidden, input),
 * {@code weight_hh} (gates * hidden, hidden), {@code bias_ih} and {@code bias_hh} (1, gates * hidden), made by
 * {@link CellWeights#uniform}, and the sizes and names read off them. A subclass writes only its step.
 */
public abstract class AbstractGateCell implements GateCell {
    protected final Parameter weightIh;
    protected final Parameter weightHh;
    protected final Parameter biasIh;
    protected final Parameter biasHh;
    private final CellWeights weights;

    /** @param cell the cell's name, for the error on a non-positive size */
    protected AbstractGateCell(String cell, int gates, int inputSize, int hiddenSize, Random rng) {
        this(cell, gates, inputSize, hiddenSize, true, rng);
    }

    /**
     * @param cell the cell's name, for the error on a non-positive size
     * @param bias false for PyTorch's {@code bias=False}: only the two weights are parameters
     */
    protected AbstractGateCell(String cell, int gates, int inputSize, int hiddenSize, boolean bias, Random rng) {
        this.weights = CellWeights.uniform(cell, gates, inputSize, hiddenSize, bias, rng);
        this.weightIh = weights.weightIh();
        this.weightHh = weights.weightHh();
        this.biasIh = weights.biasIh();
        this.biasHh = weights.biasHh();
    }

    @Override
    public boolean hasBias() {
        return weights.bias();
    }

    @Override
    public Parameter weightIh() {
        return weightIh;
    }

    @Override
    public Parameter weightHh() {
        return weightHh;
    }

    @Override
    public Parameter biasIh() {
        return biasIh;
    }

    @Override
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
    public Map<String, Parameter> namedParameters() {
        return weights.named();
    }
}
