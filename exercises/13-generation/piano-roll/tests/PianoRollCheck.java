package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of piano-roll (worked by hand): {@code ./book check piano-roll}, Maven or an IDE. */
@Timeout(5)
class PianoRollCheck {

    private static double[] flat(int[][] roll) {
        return java.util.Arrays.stream(roll).flatMapToInt(java.util.Arrays::stream).asDoubleStream().toArray();
    }

    @Test
    @DisplayName("C for two steps, then E for one, over pitches 60..64 and 4 steps")
    void twoNotes() {
        int[][] roll = PianoRoll.encode(new int[][] {{60, 0, 2}, {64, 2, 1}}, 60, 64, 4);
        Expect.notNull(roll, "the roll");
        Expect.shape("roll", 5, 4, roll.length, roll.length == 0 ? 0 : roll[0].length);
        // row 0 = pitch 60: steps 0 and 1; row 4 = pitch 64: step 2; the rest silent
        double[] expected = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        Expect.close("roll", expected, flat(roll), 4, 0, "start <= t < start + length; row 0 is the lowest pitch");
    }

    @Test
    @DisplayName("a chord fills two rows at once; a note past the end is cut at the last step")
    void chordAndCut() {
        int[][] roll = PianoRoll.encode(new int[][] {{62, 1, 5}, {61, 1, 1}}, 61, 62, 3);
        Expect.notNull(roll, "the roll");
        Expect.shape("roll", 2, 3, roll.length, roll.length == 0 ? 0 : roll[0].length);
        Expect.close("roll", new double[] {0, 1, 0, 0, 1, 1}, flat(roll), 3, 0,
                "62 sounds from step 1 to the end (its length 5 is cut at 3 steps)");
    }

    @Test
    @DisplayName("a pitch outside the range is an IllegalArgumentException naming it")
    void outside() {
        try {
            PianoRoll.encode(new int[][] {{72, 0, 1}}, 60, 64, 4);
        } catch (IllegalArgumentException e) {
            Expect.that(e.getMessage() != null && e.getMessage().contains("72"),
                    "the message names the pitch: " + e.getMessage());
            return;
        }
        Expect.that(false, "pitch 72 in a roll of 60..64 should throw an IllegalArgumentException");
    }
}
