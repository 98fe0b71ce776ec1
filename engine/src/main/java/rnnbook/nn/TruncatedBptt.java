package rnnbook.nn;

import java.util.Arrays;
import rnnbook.tensor.Matrix;

/**
 * Truncated backpropagation through time: a long sequence is processed in windows of k steps. The state is
 * carried from one window into the next, so the forward pass sees the whole history, but the gradient stops at
 * the window's edge: the carried state enters the next window as a constant.
 *
 * <p>After each window's backward pass {@code afterWindow} runs, typically clipping and an optimiser step. With
 * k equal to the sequence length this is exactly full BPTT.
 */
public final class TruncatedBptt {

    /** The loss of one window: given its outputs h_t (k, batch, hidden), fill dOutputs and return the loss. */
    @FunctionalInterface
    public interface WindowLoss {
        double apply(int start, Matrix[] outputs, Matrix[] dOutputs);
    }

    private final Recurrent rnn;
    private final int window;

    public TruncatedBptt(Recurrent rnn, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("truncated BPTT window must be at least 1, got " + window);
        }
        this.rnn = rnn;
        this.window = window;
    }

    public int window() {
        return window;
    }

    /** The result of a pass: the summed window losses and the state after the last step. */
    public record Result(double loss, State last, int windows) {
    }

    // tag::truncated[]
    public Result run(Matrix[] xs, State h0, WindowLoss loss, Runnable afterWindow) {
        Sequences.require("TruncatedBptt input", xs, rnn.cell().inputSize());
        State state = h0 == null ? rnn.cell().zeroState(xs[0].rows()) : h0;
        double total = 0;
        int windows = 0;
        for (int start = 0; start < xs.length; start += window) {
            Matrix[] chunk = Arrays.copyOfRange(xs, start, Math.min(xs.length, start + window));
            Recurrent.Output out = rnn.forward(chunk, state.copy());   // a copy: no gradient flows past here
            Matrix[] dOutputs = new Matrix[chunk.length];
            total += loss.apply(start, out.outputs(), dOutputs);
            rnn.backward(out, dOutputs, null);
            afterWindow.run();
            state = out.last();
            windows++;
        }
        return new Result(total, state, windows);
    }
    // end::truncated[]
}
