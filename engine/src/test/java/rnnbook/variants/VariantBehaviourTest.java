package rnnbook.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/** Each variant's defining equation, checked by hand on values small enough to follow. */
class VariantBehaviourTest {

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    private static void zeroAll(Iterable<Parameter> ps) {
        for (Parameter p : ps) {
            p.value().zeroInPlace();
        }
    }

    /** Weights and biases zero, peepholes w_ci = 0.5, w_cf = -0.5, w_co = 2, c_{t-1} = 1, h_{t-1} = 0. */
    @Test
    void peepholeGatesSeeTheCell() {
        PeepholeLstmCell cell = new PeepholeLstmCell(1, 1, new Random(0));
        zeroAll(cell.parameters());
        cell.namedParameters().get("weight_ci").value().set(0, 0, 0.5);
        cell.namedParameters().get("weight_cf").value().set(0, 0, -0.5);
        cell.namedParameters().get("weight_co").value().set(0, 0, 2.0);
        PeepholeLstmCell.PeepholeStep s = cell.forward(Matrix.row(0.7), new State(Matrix.row(0), Matrix.row(1)));
        double i = sigmoid(0.5);
        double f = sigmoid(-0.5);
        double c = f * 1 + i * Math.tanh(0);
        double o = sigmoid(2 * c);
        assertEquals(i, s.input().get(0, 0), 1e-15);
        assertEquals(c, s.state().c().get(0, 0), 1e-15);
        assertEquals(o * Math.tanh(c), s.state().h().get(0, 0), 1e-15);
    }

    /** Zero weights; bias_ih sets a_f = 0.3, a_g = 0.8, a_o = -1: c = f c_prev + (1 - f) g. */
    @Test
    void coupledGateLetsInWhatItForgets() {
        CoupledLstmCell cell = new CoupledLstmCell(1, 1, new Random(0));
        zeroAll(cell.parameters());
        Matrix b = cell.namedParameters().get("bias_ih").value();
        b.set(0, 0, 0.3);
        b.set(0, 1, 0.8);
        b.set(0, 2, -1.0);
        State next = cell.forward(Matrix.row(5), new State(Matrix.row(0.4), Matrix.row(2))).state();
        double f = sigmoid(0.3);
        double c = f * 2 + (1 - f) * Math.tanh(0.8);
        assertEquals(c, next.c().get(0, 0), 1e-15);
        assertEquals(sigmoid(-1) * Math.tanh(c), next.h().get(0, 0), 1e-15);
        // 3 gates, not 4: weight_ih (3, 1), weight_hh (3, 1), two biases (1, 3)
        assertEquals(3 + 3 + 3 + 3, (int) cell.parameterCount());
    }

    /** One module with period 1 is a plain tanh RNN: same weights, same outputs as RnnCell. */
    @Test
    void oneFastModuleIsAVanillaRnn() {
        ClockworkCell clockwork = new ClockworkCell(2, 3, 1, new Random(1));
        RnnCell rnn = new RnnCell(2, 3, new Random(2));
        for (String name : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
            rnn.namedParameters().get(name).value().copyFrom(clockwork.namedParameters().get(name).value());
        }
        Random rng = new Random(3);
        Matrix[] xs = new Matrix[5];
        for (int t = 0; t < 5; t++) {
            xs[t] = Init.uniform(2, 2, 1.0, rng);
        }
        Matrix[] a = new Recurrent(clockwork).forward(xs).outputs();
        Matrix[] b = new Recurrent(rnn).forward(xs).outputs();
        for (int t = 0; t < 5; t++) {
            assertEquals(b[t], a[t]);
        }
    }

    /** Periods 1 and 2 (two units each): the slow units change at t = 0, 2, 4 only. */
    @Test
    void slowModuleUpdatesOnlyOnItsTicks() {
        ClockworkCell cell = new ClockworkCell(1, 4, 2, new Random(5));
        Matrix[] xs = new Matrix[5];
        for (int t = 0; t < 5; t++) {
            xs[t] = Matrix.row(t + 1.0);
        }
        Recurrent.Output out = new Recurrent(cell).forward(xs);
        Matrix[] h = out.outputs();
        for (int u = 2; u < 4; u++) {   // slow module
            assertEquals(h[0].get(0, u), h[1].get(0, u), 0.0);
            assertNotEquals(h[1].get(0, u), h[2].get(0, u));
            assertEquals(h[2].get(0, u), h[3].get(0, u), 0.0);
            assertNotEquals(h[3].get(0, u), h[4].get(0, u));
        }
        for (int t = 1; t < 5; t++) {   // fast module
            assertNotEquals(h[t - 1].get(0, 0), h[t].get(0, 0));
        }
        assertEquals(5.0, out.last().c().get(0, 0), 0.0);   // the clock counted five steps
    }

    /** Slow units never read fast ones (their weights are zero and get no gradient); fast units read slow ones. */
    @Test
    void slowModulesIgnoreFastOnes() {
        ClockworkCell cell = new ClockworkCell(1, 4, 2, new Random(6));
        Matrix w = cell.namedParameters().get("weight_hh").value();
        for (int u = 2; u < 4; u++) {
            for (int v = 0; v < 2; v++) {
                assertEquals(0.0, w.get(u, v), 0.0);   // slow unit u, fast unit v
            }
        }
        assertNotEquals(0.0, w.get(0, 3));   // fast unit 0 reads slow unit 3
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = {Matrix.row(1), Matrix.row(2), Matrix.row(3)};
        Recurrent.Output out = rnn.forward(xs);
        rnn.backward(new Matrix[] {Matrix.row(1, 1, 1, 1), Matrix.row(1, 1, 1, 1), Matrix.row(1, 1, 1, 1)}, null);
        Matrix g = cell.namedParameters().get("weight_hh").grad();
        assertEquals(0.0, g.get(2, 0), 0.0);
        assertTrue(g.get(0, 3) != 0.0 || g.get(0, 2) != 0.0);
        assertTrue(out.outputs()[2].isFinite());
    }

    /**
     * Periods 1, 2, 4 with 2 units each, input 3: module k reads modules k..2, so W_hh keeps 2·2·(3 + 2 + 1) = 24
     * entries; with W_ih (6·3) and two biases (6 each) that is 18 + 24 + 12 = 54.
     */
    @Test
    void activeParametersCountOnlyTheMaskedIn() {
        ClockworkCell cell = new ClockworkCell(3, 6, 3, new Random(0));
        assertEquals(54, cell.activeParameterCount());
        assertEquals(18 + 36 + 12, cell.parameterCount());   // the zeros outside the mask are still stored
    }

    /** The clock rides in the state, so a run cut into windows (state carried) equals one run. */
    @Test
    void clockContinuesAcrossWindows() {
        ClockworkCell cell = new ClockworkCell(1, 6, 3, new Random(7));
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = new Matrix[6];
        for (int t = 0; t < 6; t++) {
            xs[t] = Matrix.row(Math.sin(t));
        }
        Matrix[] whole = rnn.forward(xs).outputs();
        Recurrent.Output first = rnn.forward(Arrays.copyOfRange(xs, 0, 3));
        Recurrent.Output second = rnn.forward(Arrays.copyOfRange(xs, 3, 6), first.last().copy());
        for (int t = 0; t < 3; t++) {
            assertEquals(whole[t + 3], second.outputs()[t]);
        }
    }

    @Test
    void badClockworkSettingsAreNamed() {
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> new ClockworkCell(1, 5, 2, new Random(0)));
        assertTrue(split.getMessage().contains("hidden size 5 does not split into 2"), split.getMessage());
        ClockworkCell cell = new ClockworkCell(1, 2, 2, new Random(0));
        IllegalArgumentException clock = assertThrows(IllegalArgumentException.class,
                () -> cell.forward(Matrix.row(1), new State(Matrix.row(0, 0), Matrix.row(0.5, 0.5))));
        assertTrue(clock.getMessage().contains("step count"), clock.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> cell.forward(Matrix.row(1), State.of(Matrix.row(0, 0))));
        assertTrue(none.getMessage().contains("needs a cell state c"), none.getMessage());
    }
}
