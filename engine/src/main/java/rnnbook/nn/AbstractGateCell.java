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

    /** @param cell the cell's name, for the error on a non-positive size */
    protected AbstractGateCell(String cell, int gates, int inputSize, int hiddenSize, Random rng) {
        CellWeights w = CellWeights.uniform(cell, gates, inputSize, hiddenSize, rng);
        this.weightIh = w.weightIh();
        this.weightHh = w.weightHh();
        this.biasIh = w.biasIh();
        this.biasHh = w.biasHh();
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
        return Module.named(weightIh, weightHh, biasIh, biasHh);
    }
}
