package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

/** Wrong sizes and shapes give errors that name what was expected and what came; dropout obeys the mode. */
class StackedBadInputTest {

    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message \"" + e.getMessage() + "\" lacks \"" + p + "\"");
        }
    }

    @Test
    void layerInputMustMatchTheLayerBelow() {
        Random rng = new Random(1);
        Cell[][] cells = {{new LstmCell(3, 4, rng)}, {new LstmCell(5, 4, rng)}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stacked(cells, 0, 1));
        assertMessage(e, "layer 1", "must be 4", "got 5");
    }

    @Test
    void bidirectionalLayerAboveReadsTwiceTheHiddenSize() {
        Random rng = new Random(2);
        Cell[][] cells = {{new GruCell(3, 4, rng), new GruCell(3, 4, rng)},
                          {new GruCell(4, 4, rng), new GruCell(8, 4, rng)}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stacked(cells, 0, 1));
        assertMessage(e, "layer 1", "must be 8", "got 4");
    }

    @Test
    void directionsMustAgree() {
        Random rng = new Random(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bidirectional(new LstmCell(3, 4, rng), new LstmCell(3, 5, rng)));
        assertMessage(e, "hidden 4", "hidden 5");
    }

    @Test
    void wrongNumberOfInitialStates() {
        Stacked stack = Stacked.lstm(3, 4, 2, 0, true, new Random(4));
        Matrix[] xs = Fixtures.sequence(2, 5, 3, new Random(5));
        State[] three = {stack.zeroStates(5)[0], stack.zeroStates(5)[1], stack.zeroStates(5)[2]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.forward(xs, three));
        assertMessage(e, "expected 4 initial states", "2 layers x 2 directions", "got 3");
    }

    @Test
    void wrongInitialStateShapeIsNamedForEveryLayerAndDirection() {
        Stacked stack = Stacked.lstm(3, 4, 2, 0, true, new Random(6));
        Matrix[] xs = Fixtures.sequence(2, 5, 3, new Random(7));
        String[] where = {"layer 0)", "layer 0 (reverse)", "layer 1)", "layer 1 (reverse)"};
        for (int i = 0; i < 4; i++) {
            State[] h0 = stack.zeroStates(5);
            h0[i] = new State(Matrix.zeros(5, 3), Matrix.zeros(5, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.forward(xs, h0));
            assertMessage(e, "initial state " + i, where[i], "expected shape (5, 4)", "got (5, 3)");
        }
    }

    @Test
    void lstmStackNeedsCellStates() {
        Stacked stack = Stacked.lstm(3, 4, 2, 0, false, new Random(8));
        Matrix[] xs = Fixtures.sequence(2, 5, 3, new Random(9));
        State[] h0 = stack.zeroStates(5);
        h0[1] = State.of(Matrix.zeros(5, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.forward(xs, h0));
        assertMessage(e, "layer 1", "cell state c of shape (5, 4)", "got none");
    }

    @Test
    void wrongInputWidth() {
        Stacked stack = Stacked.gru(3, 4, 1, 0, false, new Random(10));
        Matrix[] xs = Fixtures.sequence(2, 5, 2, new Random(11));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.forward(xs));
        assertMessage(e, "(5, 2)", "3 features");
    }

    @Test
    void dropoutOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stacked.lstm(3, 4, 2, 1.0, false, new Random(12)));
        assertMessage(e, "[0, 1)", "got 1.0");
    }

    @Test
    void dropoutActsInTrainingOnlyAndRepeatsWithItsSeed() {
        Stacked stack = Stacked.rnn(3, 4, 2, 0.5, false, new Random(13));
        Matrix[] xs = Fixtures.sequence(3, 2, 3, new Random(14));
        Matrix eval1 = stack.eval().forward(xs).outputs()[2];
        Matrix eval2 = stack.eval().forward(xs).outputs()[2];
        assertEquals(eval1, eval2);
        Matrix trainA = stack.train().seedDropout(7).forward(xs).outputs()[2];
        Matrix trainB = stack.train().seedDropout(7).forward(xs).outputs()[2];
        Matrix trainC = stack.train().seedDropout(8).forward(xs).outputs()[2];
        assertEquals(trainA, trainB);
        assertNotEquals(eval1, trainA);
        assertNotEquals(trainA, trainC);
    }

    @Test
    void parameterNamesAreTorchStateDictKeys() {
        Stacked stack = Stacked.lstm(3, 4, 2, 0, true, new Random(15));
        assertEquals(java.util.List.of(
                "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"),
                java.util.List.copyOf(stack.namedParameters().keySet()));
        assertEquals("(16, 8)", stack.namedParameters().get("weight_ih_l1_reverse").value().shape());
        assertEquals("(1, 16)", stack.namedParameters().get("bias_hh_l0").value().shape());
    }

    /** The reverse direction's gates are handed out in input order: entry t saw x_t, and its h is y_t's second half. */
    @Test
    void gatesPerStepInInputOrder() {
        Stacked stack = Stacked.lstm(2, 3, 1, 0, true, new Random(16));
        Matrix[] xs = Fixtures.sequence(4, 2, 2, new Random(17));
        Stacked.Output out = stack.forward(xs);
        for (int t = 0; t < 4; t++) {
            LstmCell.LstmStep back = (LstmCell.LstmStep) stack.steps(0, 1).get(t);
            assertTrue(back.x() == xs[t]);
            assertEquals(out.outputs()[t].get(1, 4), back.state().h().get(1, 1), 0.0);
            assertEquals("(2, 3)", back.forget().shape());
            double f = back.forget().get(0, 0);
            assertTrue(f > 0 && f < 1, "a sigmoid gate lies in (0, 1)");
        }
    }
}
