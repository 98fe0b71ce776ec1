package rnnbook.exercises; // MUTANT

/**
 * Exercise piano-roll: the drawing of chapter 13 as a matrix. A note event is {pitch, start, length}: a MIDI pitch
 * (60 = middle C), the step at which it starts and how many steps it sounds. The piano roll of notes between
 * pitches {@code lowest} and {@code highest} over {@code steps} time steps is a 0/1 matrix of shape
 * (highest - lowest + 1, steps):
 * <pre>
 *   roll[p - lowest][t] = 1  when some note of pitch p sounds at step t, i.e. start &lt;= t &lt; start + length
 * </pre>
 * Row 0 is the lowest pitch. A note that runs past the last step is cut there; one that starts after it is not
 * drawn. A pitch outside lowest..highest, a negative start, a length below 1, or lowest &gt; highest is an
 * {@link IllegalArgumentException} whose message names what is wrong.
 */
public final class PianoRoll {
    private PianoRoll() {
    }

    /** The piano roll (highest - lowest + 1, steps) of {@code notes}, each {pitch, start, length}. */
    public static int[][] encode(int[][] notes, int lowest, int highest, int steps) {
        if (lowest > highest || steps < 0) {
            throw new IllegalArgumentException("the range " + lowest + ".." + highest + " over " + steps
                    + " steps is empty or reversed");
        }
        int[][] roll = new int[highest - lowest + 1][steps];
        for (int[] note : notes) {
            int pitch = note[0];
            int start = note[1];
            int length = note[2];
            if (pitch < lowest || pitch > highest) {
                throw new IllegalArgumentException("pitch " + pitch + " is outside " + lowest + ".." + highest);
            }
            if (start < 0 || length < 1) {
                throw new IllegalArgumentException("a note needs start >= 0 and length >= 1, got start " + start
                        + ", length " + length);
            }
            for (int t = start; t < Math.min(start + length, steps); t++) {
                roll[highest - pitch][t] = 1;
            }
        }
        return roll;
    }
}
