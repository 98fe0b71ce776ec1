package rnnbook.exercises;

/**
 * Exercise stack-shapes: the shapes in PyTorch's {@code nn.RNN / nn.GRU / nn.LSTM(input, hidden, num_layers,
 * bias, bidirectional)}, for a cell with {@code gates} gate blocks (1 for the vanilla RNN, 3 for the GRU, 4 for the
 * LSTM) and D = 2 directions when bidirectional, else 1.
 * <pre>
 *   weight_ih_l{k}   (gates * hidden, in_k)      in_0 = input,  in_k = D * hidden for k >= 1
 *   weight_hh_l{k}   (gates * hidden, hidden)
 *   bias_ih_l{k}, bias_hh_l{k}   gates * hidden each (only when bias)
 *   every one of them once per direction (the second with the suffix _reverse)
 *   output           (seq, batch, D * hidden)     h_n   (num_layers * D, batch, hidden)
 * </pre>
 * Shapes are returned as int arrays, e.g. {rows, cols} or {seq, batch, features}.
 */
public final class StackShapes {
    private StackShapes() {
    }

    /** The shape {rows, cols} of weight_ih_l{layer} (layer counts from 0). */
    public static int[] weightIh(int gates, int input, int hidden, int layer, boolean bidirectional) {
        // TODO
        return null;
    }

    /** The number of learnable scalars of the whole stack, both directions and every layer. */
    public static long parameterCount(int gates, int input, int hidden, int layers, boolean bias,
                                      boolean bidirectional) {
        // TODO
        return -1;
    }

    /** The shape {seq, batch, features} of the top layer's output. */
    public static int[] output(int seq, int batch, int hidden, boolean bidirectional) {
        // TODO
        return null;
    }

    /** The shape {states, batch, hidden} of h_n. */
    public static int[] hN(int layers, int batch, int hidden, boolean bidirectional) {
        // TODO
        return null;
    }
}
