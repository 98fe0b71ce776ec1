package rnnbook.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Cell;
import rnnbook.nn.Init;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;
import rnnbook.variants.OdysseyLstm.Variant;

class OdysseyLstmTest {

    private static Matrix[] sequence(int seq, int batch, int f, Random rng) {
        Matrix[] xs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, f, 1.0, rng);
        }
        return xs;
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void bpttMatchesNumericalGradients(Variant variant) {
        Random rng = new Random(11);
        OdysseyLstm lstm = new OdysseyLstm(variant, 3, 4, rng);
        Matrix[] xs = sequence(6, 2, 3, rng);
        Matrix[] r = sequence(6, 2, 4, rng);
        Matrix[] dxs = lstm.backward(lstm.forward(xs), r);
        List<Parameter> checked = new ArrayList<>(lstm.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], dxs[t]));
        }
        GradientCheck.Report report = GradientCheck.check(checked, () -> {
            Matrix[] hs = lstm.forward(xs).outputs();
            double loss = 0;
            for (int t = 0; t < hs.length; t++) {
                loss += hs[t].mul(r[t]).sum();
            }
            return loss;
        });
        assertTrue(report.maxRelativeError() < 1e-7, variant + ": " + report);
    }

    /** V is the peephole LSTM: copy the weights across and the two give the same h at every step. */
    @Test
    void vanillaIsThePeepholeLstm() {
        assertSameOutputs(new OdysseyLstm(Variant.V, 2, 3, new Random(1)), new PeepholeLstmCell(2, 3, new Random(2)));
    }

    /** Copies the layer's weights into the cell by name; both then give the same h at every step. */
    private static void assertSameOutputs(OdysseyLstm lstm, Cell cell) {
        Map<String, Parameter> source = lstm.cell().namedParameters();
        cell.namedParameters().forEach((name, p) -> p.value().copyFrom(source.get(name).value()));
        Matrix[] xs = sequence(5, 2, 2, new Random(3));
        Matrix[] want = new Recurrent(cell).forward(xs).outputs();
        Matrix[] got = lstm.forward(xs).outputs();
        for (int t = 0; t < xs.length; t++) {
            for (int k = 0; k < want[t].size(); k++) {
                assertEquals(want[t].data()[k], got[t].data()[k], 1e-14);
            }
        }
    }

    /** NP is PyTorch's LSTM (no peepholes): the engine's LstmCell with the same weights. */
    @Test
    void noPeepholesIsThePlainLstm() {
        assertSameOutputs(new OdysseyLstm(Variant.NP, 2, 3, new Random(4)), new LstmCell(2, 3, new Random(5)));
    }

    /** One unit, all weights zero but the biases: the gates are constants and c follows by hand. */
    private static OdysseyLstm constantGates(Variant v, double ai, double af, double ag, double ao) {
        OdysseyLstm lstm = new OdysseyLstm(v, 1, 1, new Random(0));
        for (Parameter p : lstm.parameters()) {
            p.value().zeroInPlace();
        }
        Matrix b = lstm.parameter("rnn.bias_ih_l0").value();
        b.set(0, 0, ai);
        b.set(0, 1, af);
        b.set(0, 2, ag);
        b.set(0, 3, ao);
        return lstm;
    }

    @Test
    void withoutAForgetGateTheCellOnlyAdds() {
        Matrix[] xs = {Matrix.row(0), Matrix.row(0), Matrix.row(0)};
        // NFG: c_t = c_{t-1} + i g with i = σ(0.5), g = tanh(0.8): c grows by the same amount each step
        Matrix[] h = constantGates(Variant.NFG, 0.5, -9, 0.8, 0.2).forward(xs).outputs();
        double step = sigmoid(0.5) * Math.tanh(0.8);
        assertEquals(sigmoid(0.2) * Math.tanh(3 * step), h[2].get(0, 0), 1e-15);
        // V with f = σ(-2): c_t = f c_{t-1} + i g, a leaky sum
        Matrix[] hv = constantGates(Variant.NP, 0.5, -2, 0.8, 0.2).forward(xs).outputs();
        double f = sigmoid(-2);
        double c = step + f * (step + f * step);
        assertEquals(sigmoid(0.2) * Math.tanh(c), hv[2].get(0, 0), 1e-15);
        // CIFG: f = 1 - i, whatever the forget bias says
        Matrix[] hc = constantGates(Variant.CIFG, 0.5, 7, 0.8, 0.2).forward(xs).outputs();
        double i = sigmoid(0.5);
        double cc = i * Math.tanh(0.8) * (1 + (1 - i) + (1 - i) * (1 - i));
        assertEquals(sigmoid(0.2) * Math.tanh(cc), hc[2].get(0, 0), 1e-15);
        // NOAF and NIAF: h = o c and g = a_g (no squashing)
        Matrix[] hn = constantGates(Variant.NOAF, 0.5, -2, 0.8, 0.2).forward(xs).outputs();
        assertEquals(sigmoid(0.2) * c, hn[2].get(0, 0), 1e-15);
        Matrix[] hi = constantGates(Variant.NIAF, 30, -30, 3.0, 30).forward(new Matrix[] {Matrix.row(0)}).outputs();
        assertEquals(Math.tanh(3.0), hi[0].get(0, 0), 1e-12);   // i ≈ 1, so c = g = 3 exactly, not tanh(3)
    }

    /** By hand for input 2, hidden 3: a gate block is 3·(2 + 3 + 2) = 21 scalars, a peephole row 3, W_gg 81. */
    @Test
    void activeParameterCountsByHand() {
        int[] want = {4 * 21 + 9, 3 * 21 + 6, 3 * 21 + 6, 3 * 21 + 6, 4 * 21 + 9, 4 * 21 + 9, 4 * 21, 3 * 21 + 6,
            4 * 21 + 9 + 81};
        for (Variant v : Variant.values()) {
            assertEquals(want[v.ordinal()], new OdysseyLstm(v, 2, 3, new Random(0)).activeParameterCount(), v.label());
        }
    }

    /** The rows a removed gate would use get no gradient, so training leaves them as drawn. */
    @Test
    void removedGateGetsNoGradient() {
        OdysseyLstm lstm = new OdysseyLstm(Variant.NFG, 2, 3, new Random(8));
        lstm.backward(lstm.forward(sequence(4, 2, 2, new Random(9))), sequence(4, 2, 3, new Random(10)));
        Matrix g = lstm.parameter("rnn.weight_ih_l0").grad();
        for (int row = 3; row < 6; row++) {
            assertEquals(0.0, g.get(row, 0), 0.0);
        }
        assertEquals(0.0, lstm.parameter("rnn.weight_cf_l0").grad().norm(), 0.0);
    }

    @Test
    void badInputIsNamed() {
        OdysseyLstm lstm = new OdysseyLstm(Variant.V, 2, 3, new Random(0));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> lstm.forward(sequence(3, 1, 5, new Random(0))));
        assertTrue(shape.getMessage().contains("OdysseyLstm input"), shape.getMessage());
        Recurrent.Output pass = lstm.forward(sequence(3, 1, 2, new Random(0)));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> lstm.backward(pass, new Matrix[2]));
        assertTrue(count.getMessage().contains("2 gradients for 3 steps"), count.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OdysseyLstm(null, 2, 3, new Random(0)));
    }

    /** Another forward pass between a pass and its backward leaves that backward's gradients bit for bit alone. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = {"V", "FGR"})
    void aSecondForwardDoesNotChangeTheFirstBackward(Variant variant) {
        Matrix[] a = sequence(5, 2, 3, new Random(20));
        Matrix[] b = sequence(3, 4, 3, new Random(21));
        Matrix[] r = sequence(5, 2, 4, new Random(22));
        OdysseyLstm alone = new OdysseyLstm(variant, 3, 4, new Random(23));
        Matrix[] dxAlone = alone.backward(alone.forward(a), r);
        OdysseyLstm interleaved = new OdysseyLstm(variant, 3, 4, new Random(23));
        Recurrent.Output passA = interleaved.forward(a);
        interleaved.forward(b);
        Matrix[] dx = interleaved.backward(passA, r);
        for (Map.Entry<String, Parameter> e : alone.namedParameters().entrySet()) {
            assertArrayEquals(e.getValue().grad().data(), interleaved.parameter(e.getKey()).grad().data(), e.getKey());
        }
        for (int t = 0; t < a.length; t++) {
            assertArrayEquals(dxAlone[t].data(), dx[t].data());
        }
    }

    /**
     * Full gate recurrence with per-row lengths: the gates a row hands on stop at its last step like h and c, and
     * BPTT through Recurrent's length rules (gates included) matches numerical gradients.
     */
    @Test
    void fullGateRecurrenceHonoursLengths() {
        Random rng = new Random(30);
        OdysseyCell cell = new OdysseyCell(Variant.FGR, 3, 2, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = sequence(5, 2, 3, rng);
        int[] lengths = {5, 3};
        Matrix[] r = sequence(5, 2, 2, rng);
        Matrix rLast = Init.uniform(2, 2, 1.0, rng);
        Matrix rGates = Init.uniform(2, 6, 1.0, rng);
        Recurrent.Output pass = rnn.forward(xs, null, lengths);
        // row 1 alone over its 3 steps ends in the state the batch reports for it
        Matrix[] short1 = new Matrix[3];
        for (int t = 0; t < 3; t++) {
            short1[t] = Matrix.row(xs[t].get(1, 0), xs[t].get(1, 1), xs[t].get(1, 2));
        }
        State alone = rnn.forward(short1).last();
        for (int j = 0; j < 6; j++) {
            assertEquals(alone.gates().get(0, j), pass.last().gates().get(1, j), 1e-15);
        }
        assertEquals(alone.h().get(0, 1), pass.last().h().get(1, 1), 1e-15);
        Matrix[] dxs = rnn.backward(rnn.forward(xs, null, lengths), r,
                new State(rLast, null, rGates)).dInputs();
        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], dxs[t]));
        }
        GradientCheck.Report report = GradientCheck.check(checked, () -> {
            Recurrent.Output out = rnn.forward(xs, null, lengths);
            double loss = out.last().h().mul(rLast).sum() + out.last().gates().mul(rGates).sum();
            for (int t = 0; t < xs.length; t++) {
                loss += out.outputs()[t].mul(r[t]).sum();
            }
            return loss;
        });
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }
}
