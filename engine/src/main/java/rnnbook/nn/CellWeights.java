package rnnbook.nn;

import java.util.Random;

/**
 * The four parameters every PyTorch-style recurrent cell has, with the gates stacked in rows:
 * {@code weight_ih} (gates * hidden, input), {@code weight_hh} (gates * hidden, hidden), {@code bias_ih} and
 * {@code bias_hh} (1, gates * hidden); gates is 1 for the vanilla cell, 3 for GRU, 4 for LSTM.
 */
public record CellWeights(Parameter weightIh, Parameter weightHh, Parameter biasIh, Parameter biasHh) {

    /**
     * PyTorch's initialisation: every entry uniform(-1/√hidden, 1/√hidden), drawn in the order weight_ih,
     * weight_hh, bias_ih, bias_hh so that a seed gives the same cell wherever it is built.
     *
     * @param cell the cell's name, for the error on a non-positive size
     */
    public static CellWeights uniform(String cell, int gates, int inputSize, int hiddenSize, Random rng) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(cell + " sizes must be positive, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        double bound = 1.0 / Math.sqrt(hiddenSize);
        int rows = gates * hiddenSize;
        return new CellWeights(
                new Parameter("weight_ih", Init.uniform(rows, inputSize, bound, rng)),
                new Parameter("weight_hh", Init.uniform(rows, hiddenSize, bound, rng)),
                new Parameter("bias_ih", Init.uniform(1, rows, bound, rng)),
                new Parameter("bias_hh", Init.uniform(1, rows, bound, rng)));
    }
}
