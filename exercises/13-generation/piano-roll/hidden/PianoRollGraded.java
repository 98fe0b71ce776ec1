package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of piano-roll: rolls of other melodies, recorded. */
@Timeout(5)
class PianoRollGraded {

    @Test
    @DisplayName("a scale run up and down, one step per note")
    @Points(3)
    @Hint("row p - lowest, columns start to start + length - 1")
    void a_scale() {
        int[] pitches = {60, 62, 64, 65, 67, 65, 64, 62};
        int[][] notes = new int[pitches.length][];
        for (int i = 0; i < pitches.length; i++) {
            notes[i] = new int[] {pitches[i], i, 1};
        }
        Record.value("roll", PianoRoll.encode(notes, 59, 68, 8));
    }

    @Test
    @DisplayName("long and overlapping notes")
    @Points(3)
    @Hint("a step where two notes sound has both rows set")
    void b_overlap() {
        Record.value("roll", PianoRoll.encode(new int[][] {{50, 0, 4}, {53, 2, 3}, {50, 5, 2}, {57, 3, 1}}, 50, 57, 7));
    }

    @Test
    @DisplayName("notes past the end are cut or left out")
    @Points(2)
    @Hint("only steps 0..steps-1 exist")
    void c_cut() {
        Record.value("roll", PianoRoll.encode(new int[][] {{40, 2, 10}, {41, 6, 1}, {42, 0, 1}}, 40, 42, 4));
    }

    @Test
    @DisplayName("bad notes are refused")
    @Points(2)
    @Hint("a pitch outside the range, or a length of 0")
    void d_refused() {
        Record.value("is pitch 39 in 40..42 refused?", refused(new int[][] {{39, 0, 1}}));
        Record.value("is length 0 refused?", refused(new int[][] {{41, 0, 0}}));
    }

    private static boolean refused(int[][] notes) {
        try {
            PianoRoll.encode(notes, 40, 42, 4);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
