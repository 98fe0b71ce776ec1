package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of truncated-windows (the Javadoc's example): {@code ./book check truncated-windows}. */
@Timeout(5)
class TruncatedWindowsCheck {

    @Test
    @DisplayName("the example from the Javadoc")
    void example() {
        int[][] w = TruncatedWindows.windows(10, 4);
        Expect.notNull(w, "windows");
        Expect.equal("the number of windows of windows(10, 4)", 3, w.length, null);
        Expect.that(w[2] != null && w[2].length == 2 && w[2][0] == 8 && w[2][1] == 10,
                "the last window of windows(10, 4) is {8, 10}");
        Expect.equal("earliestCredited(9, 4)", 8, TruncatedWindows.earliestCredited(9, 4),
                "a loss at step 9 credits steps 8 and 9 only");
        Expect.equal("updates(10, 4)", 3, TruncatedWindows.updates(10, 4), null);
    }
}
