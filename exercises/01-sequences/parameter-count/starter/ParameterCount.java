package rnnbook.exercises;

/**
 * Exercise parameter-count: why a feed-forward network is a poor fit for sequences.
 *
 * <p>Both models read a sequence of {@code length} steps of {@code features} numbers and produce {@code outputs}
 * scores through a hidden layer of {@code hidden} units. A layer from n to m units has an (m, n) weight and an
 * m-entry bias.
 * <ul>
 *   <li>The dense network flattens the sequence into one input of length·features numbers:
 *       input → hidden → outputs.</li>
 *   <li>The RNN reads one step at a time with PyTorch's cell: weight_ih (hidden, features), weight_hh
 *       (hidden, hidden), bias_ih and bias_hh (hidden each), then a dense layer hidden → outputs on the last
 *       hidden state. The same weights serve every step.</li>
 * </ul>
 */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** Parameters of the dense network for sequences of the given length. */
    public static long dense(int length, int features, int hidden, int outputs) {
        // TODO
        return -1;
    }

    /** Parameters of the RNN (any length). */
    public static long rnn(int features, int hidden, int outputs) {
        // TODO
        return -1;
    }
}
