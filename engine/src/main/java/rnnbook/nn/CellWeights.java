package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The four parameters every PyTorch-style recurrent cell has, with the gates stacked in rows:
 * {@code weight_ih} (gates * hidden, input), {@code weight_hh} (gates * hidden, hidden), {@code bias_ih} and
 * {@code bias_hh} (1, gates * hidden); gates is 1 for the vanilla cell, 3 for GRU, 4 for LSTM.
 *
 * <p>Without bias (PyTorch's {@code bias=False}) the cell has only the two weights as parameters; {@code biasIh}
 * and {@code biasHh} are then constant zero rows that no optimiser sees, so the cell's formulas need no second
 * form (adding +0.0 changes no number).
 *
 * @param bias whether the biases are learnable parameters
 */
public record CellWeights(Parameter weightIh, Parameter weightHh, Parameter biasIh, Parameter biasHh, boolean bias) {

    /** The weights with learnable biases. */
    public CellWeights(Parameter weightIh, Parameter weightHh, Parameter biasIh, Parameter biasHh) {
        this(weightIh, weightHh, biasIh, biasHh, true);
    }

    /** {@link #uniform(String, int, int, int, boolean, Random)} with biases. */
    public static CellWeights uniform(String cell, int gates, int inputSize, int hiddenSize, Random rng) {
        return uniform(cell, gates, inputSize, hiddenSize, true, rng);
    }

    /**
     * PyTorch's initialisation: every entry uniform(-1/√hidden, 1/√hidden), drawn in the order weight_ih,
     * weight_hh, bias_ih, bias_hh so that a seed gives the same cell wherever it is built.
     *
     * @param cell the cell's name, for the error on a non-positive size
     * @param bias false for PyTorch's {@code bias=False}: no bias parameters (and no draws for them)
     */
    public static CellWeights uniform(String cell, int gates, int inputSize, int hiddenSize, boolean bias,
                                      Random rng) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(cell + " sizes must be positive, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        double bound = 1.0 / Math.sqrt(hiddenSize);
        int rows = gates * hiddenSize;
        Parameter weightIh = new Parameter("weight_ih", Init.uniform(rows, inputSize, bound, rng));
        Parameter weightHh = new Parameter("weight_hh", Init.uniform(rows, hiddenSize, bound, rng));
        if (!bias) {
            return new CellWeights(weightIh, weightHh, new Parameter("bias_ih", Matrix.zeros(1, rows)),
                    new Parameter("bias_hh", Matrix.zeros(1, rows)), false);
        }
        return new CellWeights(weightIh, weightHh, new Parameter("bias_ih", Init.uniform(1, rows, bound, rng)),
                new Parameter("bias_hh", Init.uniform(1, rows, bound, rng)), true);
    }

    /** The learnable parameters in PyTorch's order: the two weights, then the two biases when there are any. */
    public java.util.Map<String, Parameter> named() {
        return bias ? Module.named(weightIh, weightHh, biasIh, biasHh) : Module.named(weightIh, weightHh);
    }
}
