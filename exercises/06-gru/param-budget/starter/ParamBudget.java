package rnnbook.exercises;

/**
 * Exercise param-budget: what a gate costs (chapter 6).
 *
 * <p>A recurrent cell in PyTorch's form stacks g blocks, g = 1 for {@code "rnn"} (the vanilla tanh cell), 3 for
 * {@code "gru"} (r, z, n) and 4 for {@code "lstm"} (i, f, g, o). Each block has an input weight (hidden, input), a
 * recurrent weight (hidden, hidden) and two biases of length hidden (b_ih and b_hh), so
 * <pre>
 *   parameters(g, input, hidden) = g · (hidden · input + hidden² + 2 · hidden)
 * </pre>
 * {@code hiddenForBudget} is the largest hidden size whose cell has at most {@code budget} parameters. A kind other
 * than "rnn", "gru" or "lstm", a size below 1, or a budget too small for one unit is an
 * {@link IllegalArgumentException} whose message names what is wrong.
 */
public final class ParamBudget {
    private ParamBudget() {
    }

    /** The number of parameters of one cell of {@code kind} ("rnn", "gru" or "lstm"). */
    public static long parameters(String kind, int input, int hidden) {
        // TODO
        return -1;
    }

    /** The largest hidden size whose cell of {@code kind} has at most {@code budget} parameters. */
    public static int hiddenForBudget(String kind, int input, long budget) {
        // TODO
        return -1;
    }
}
