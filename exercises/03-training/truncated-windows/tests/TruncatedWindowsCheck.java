package rnnbook.exercises;

import rnnbook.runner.Check;
import rnnbook.runner.Graded;

/** Public checks of truncated-windows: run them with {@code ./book check truncated-windows}. */
public class TruncatedWindowsCheck {

    @Graded(points = 0, value = "the example from the Javadoc")
    public void example() {
        int[][] w = TruncatedWindows.windows(10, 4);
        Check.notNull(w, "windows");
        Check.that(w.length == 3, "windows(10, 4) has 3 windows, got " + w.length);
        Check.that(w[2][0] == 8 && w[2][1] == 10, "the last window of windows(10, 4) is {8, 10}");
        Check.that(TruncatedWindows.earliestCredited(9, 4) == 8, "a loss at step 9 credits steps 8 and 9 only");
        Check.that(TruncatedWindows.updates(10, 4) == 3, "updates(10, 4) is 3");
    }
}
