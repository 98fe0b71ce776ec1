package rnnbook.exercises;

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
        // TODO
        return null;
    }
}
