package rnnbook.exercises;

/**
 * Exercise truncated-windows: how truncated BPTT cuts a long sequence.
 *
 * <p>A sequence of {@code length} steps (numbered 0..length-1) is processed in consecutive windows of k steps:
 * [0, k), [k, 2k), ...; the last window may be shorter. The hidden state flows from one window into the next,
 * but the gradient stops at the window's first step, and the weights are updated once per window.
 */
public final class TruncatedWindows {
    private TruncatedWindows() {
    }

    /**
     * The windows in order, each as {start, end} with end exclusive: windows(10, 4) = {{0, 4}, {4, 8}, {8, 10}}.
     */
    public static int[][] windows(int length, int k) {
        // TODO
        return null;
    }

    /** The earliest step whose input receives gradient from the loss at step t (the first step of t's window). */
    public static int earliestCredited(int t, int k) {
        // TODO
        return -1;
    }

    /** How many weight updates one pass over the sequence makes: one per window, ⌈length / k⌉. */
    public static int updates(int length, int k) {
        // TODO
        return -1;
    }
}
