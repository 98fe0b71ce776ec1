package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

/** Wrong shapes, empty sequences and NaN in the data: each a clear error naming what was expected and what came. */
class BadInputTest {

    @Test
    void denseNamesExpectedAndActualShapes() {
        Dense dense = new Dense(3, 2, new Random(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.forward(Matrix.zeros(2, 4)));
        assertEquals("Dense forward: expected input of shape (batch, 3), got (2, 4)", e.getMessage());
    }

    @Test
    void rnnCellNamesBothShapesForInputAndState() {
        RnnCell cell = new RnnCell(3, 5, new Random(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cell.forward(Matrix.zeros(2, 4), cell.zeroState(2)));
        assertEquals("RnnCell input x: expected shape (2, 3), got (2, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cell.forward(Matrix.zeros(2, 3), State.of(Matrix.zeros(2, 6))));
        assertEquals("RnnCell previous state h: expected shape (2, 5), got (2, 6)", e.getMessage());
    }

    /** Stepping one input at a time names the step, refuses NaN, and has no pass before its first step. */
    @Test
    void recurrentSteppingNamesTheStep() {
        Recurrent rnn = new Recurrent(new RnnCell(3, 5, new Random(0)));
        Recurrent.Stepping stepping = rnn.stepping(null, 2);
        IllegalStateException none = assertThrows(IllegalStateException.class, stepping::output);
        assertEquals("Recurrent stepping: no step was taken", none.getMessage());
        stepping.step(Matrix.zeros(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stepping.step(Matrix.zeros(2, 4)));
        assertTrue(e.getMessage().startsWith("Recurrent step 1 input"), e.getMessage());
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2, 4)"), e.getMessage());
        Matrix nan = Matrix.zeros(2, 3);
        nan.set(1, 2, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> stepping.step(nan));
        assertTrue(e.getMessage().contains("entry (1, 2) is NaN"), e.getMessage());
        assertEquals(1, stepping.output().steps().size(), "a refused input adds no step");
        e = assertThrows(IllegalArgumentException.class, () -> rnn.stepping(State.of(Matrix.zeros(3, 5)), 2));
        assertTrue(e.getMessage().contains("initial state"), e.getMessage());
    }

    @Test
    void recurrentNamesTheStepWhoseShapeIsWrong() {
        Recurrent rnn = new Recurrent(new RnnCell(3, 5, new Random(0)));
        Matrix[] xs = {Matrix.zeros(2, 3), Matrix.zeros(2, 4)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(xs));
        assertTrue(e.getMessage().contains("time step 1 has shape (2, 4), expected (2, 3)"), e.getMessage());
        Matrix[] wrongBatch = {Matrix.zeros(2, 3), Matrix.zeros(2, 3)};
        e = assertThrows(IllegalArgumentException.class,
                () -> rnn.forward(wrongBatch, State.of(Matrix.zeros(3, 5))));
        assertEquals("Recurrent initial state h: expected shape (2, 5), got (3, 5)", e.getMessage());
    }

    @Test
    void emptySequenceIsAnError() {
        Recurrent rnn = new Recurrent(new RnnCell(3, 5, new Random(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(new Matrix[0]));
        assertEquals("Recurrent input: empty sequence (need at least one time step)", e.getMessage());
    }

    @Test
    void nanInTheDataIsFoundWithItsStepAndEntry() {
        Recurrent rnn = new Recurrent(new RnnCell(2, 3, new Random(0)));
        Matrix[] xs = {Matrix.zeros(2, 2), Matrix.zeros(2, 2), Matrix.zeros(2, 2)};
        xs[2].set(1, 0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(xs));
        assertEquals("Recurrent input at time step 2: entry (1, 0) is NaN", e.getMessage());
    }
}
