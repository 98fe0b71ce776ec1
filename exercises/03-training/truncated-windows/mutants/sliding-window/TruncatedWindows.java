package rnnbook.exercises;

/** Reference solution of truncated-windows. */
public final class TruncatedWindows {
    private TruncatedWindows() {
    }

    public static int[][] windows(int length, int k) {
        int[][] out = new int[(length + k - 1) / k][];
        for (int w = 0; w < out.length; w++) {
            int start = w * k;
            out[w] = new int[] {start, Math.min(length, start + k)};
        }
        return out;
    }

    public static int earliestCredited(int t, int k) {
        return Math.max(0, t - k + 1);   // MUTANT: a sliding window of the last k steps
    }

    public static int updates(int length, int k) {
        return (length + k - 1) / k;
    }
}
