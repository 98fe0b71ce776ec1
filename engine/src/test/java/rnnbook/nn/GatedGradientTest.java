package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.check.GradientCheck;
import rnnbook.tensor.Matrix;

/**
 * Gated cells, stacks and bidirectional layers against central differences: every parameter, every input step,
 * every initial h and c, with a loss that reaches the outputs, the final h and the final c.
 */
class GatedGradientTest {

    /** L = Σ_t y_t ⊙ R_t + Σ_i h_n[i] ⊙ S_i + Σ_i c_n[i] ⊙ U_i. */
    private static double loss(Stacked.Output out, Matrix[] r, Matrix[] s, Matrix[] u) {
        double total = Fixtures.weightedSum(out.outputs(), r) + Fixtures.weightedSum(out.hN(), s);
        if (u != null) {
            total += Fixtures.weightedSum(out.cN(), u);
        }
        return total;
    }

    private static void assertSmall(GradientCheck.Report report) {
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    @Test
    void lstmCellThroughRecurrent() {
        Random rng = new Random(11);
        LstmCell cell = new LstmCell(3, 4, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(5, 2, 3, rng);
        State h0 = new State(Init.uniform(2, 4, 0.8, rng), Init.uniform(2, 4, 0.8, rng));
        Matrix[] r = Fixtures.sequence(5, 2, 4, rng);
        Matrix s = Init.uniform(2, 4, 1, rng);
        Matrix u = Init.uniform(2, 4, 1, rng);

        rnn.forward(xs, h0);
        Recurrent.Gradients g = rnn.backward(r, new State(s, u));

        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], g.dInputs()[t]));
        }
        checked.add(new Parameter("h0", h0.h(), g.dInitial().h()));
        checked.add(new Parameter("c0", h0.c(), g.dInitial().c()));
        assertSmall(GradientCheck.check(checked, () -> {
            Recurrent.Output out = rnn.forward(xs, h0);
            return Fixtures.weightedSum(out.outputs(), r) + out.last().h().mul(s).sum() + out.last().c().mul(u).sum();
        }));
    }

    /** Loss on h of the last step only: no dc arrives from the loss, and the cell must treat that as zero. */
    @Test
    void lstmManyToOneWithoutCellGradient() {
        Random rng = new Random(12);
        Recurrent rnn = new Recurrent(new LstmCell(2, 3, rng));
        Matrix[] xs = Fixtures.sequence(4, 3, 2, rng);
        Matrix s = Init.uniform(3, 3, 1, rng);
        rnn.forward(xs);
        Recurrent.Gradients g = rnn.backward(null, State.of(s));
        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        checked.add(new Parameter("x0", xs[0], g.dInputs()[0]));
        assertSmall(GradientCheck.check(checked, () -> rnn.forward(xs).last().h().mul(s).sum()));
    }

    @Test
    void gruCellThroughRecurrent() {
        Random rng = new Random(13);
        GruCell cell = new GruCell(3, 4, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(5, 2, 3, rng);
        Matrix h0 = Init.uniform(2, 4, 0.8, rng);
        Matrix[] r = Fixtures.sequence(5, 2, 4, rng);
        Matrix s = Init.uniform(2, 4, 1, rng);

        rnn.forward(xs, State.of(h0));
        Recurrent.Gradients g = rnn.backward(r, State.of(s));

        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], g.dInputs()[t]));
        }
        checked.add(new Parameter("h0", h0, g.dInitial().h()));
        assertSmall(GradientCheck.check(checked, () -> {
            Recurrent.Output out = rnn.forward(xs, State.of(h0));
            return Fixtures.weightedSum(out.outputs(), r) + out.last().h().mul(s).sum();
        }));
    }

    private static void checkStack(Stacked stack, long seed) {
        Random rng = new Random(seed);
        int seq = 4;
        int batch = 2;
        int n = stack.layers() * stack.directions();
        boolean lstm = stack.cell(0, 0).hasCellState();
        Matrix[] xs = Fixtures.sequence(seq, batch, stack.inputSize(), rng);
        State[] h0 = new State[n];
        Matrix[] s = new Matrix[n];
        Matrix[] u = lstm ? new Matrix[n] : null;
        for (int i = 0; i < n; i++) {
            int hidden = stack.hiddenSize();
            h0[i] = new State(Init.uniform(batch, hidden, 0.8, rng), lstm ? Init.uniform(batch, hidden, 0.8, rng) : null);
            s[i] = Init.uniform(batch, hidden, 1, rng);
            if (lstm) {
                u[i] = Init.uniform(batch, hidden, 1, rng);
            }
        }
        Matrix[] r = Fixtures.sequence(seq, batch, stack.outputSize(), rng);
        State[] dLast = new State[n];
        for (int i = 0; i < n; i++) {
            dLast[i] = new State(s[i], lstm ? u[i] : null);
        }

        stack.seedDropout(99);
        stack.forward(xs, h0);
        Stacked.Gradients g = stack.backward(r, dLast);

        List<Parameter> checked = new ArrayList<>(stack.parameters());
        for (int t = 0; t < seq; t++) {
            checked.add(new Parameter("x" + t, xs[t], g.dInputs()[t]));
        }
        for (int i = 0; i < n; i++) {
            checked.add(new Parameter("h0[" + i + "]", h0[i].h(), g.dInitial()[i].h()));
            if (lstm) {
                checked.add(new Parameter("c0[" + i + "]", h0[i].c(), g.dInitial()[i].c()));
            }
        }
        assertSmall(GradientCheck.check(checked, () -> loss(stack.seedDropout(99).forward(xs, h0), r, s, u)));
    }

    @Test
    void twoLayerLstm() {
        checkStack(Stacked.lstm(3, 4, 2, 0.0, false, new Random(21)), 1);
    }

    @Test
    void twoLayerGru() {
        checkStack(Stacked.gru(3, 4, 2, 0.0, false, new Random(22)), 2);
    }

    @Test
    void bidirectionalGru() {
        checkStack(Stacked.gru(3, 4, 1, 0.0, true, new Random(23)), 3);
    }

    @Test
    void bidirectionalTwoLayerLstm() {
        checkStack(Stacked.lstm(3, 4, 2, 0.0, true, new Random(24)), 4);
    }

    @Test
    void threeLayerRnnWithDropoutBetweenLayers() {
        checkStack(Stacked.rnn(3, 4, 3, 0.4, false, new Random(25)), 5);
    }

    @Test
    void bidirectionalLstmWithDropout() {
        checkStack(Stacked.lstm(3, 4, 2, 0.3, true, new Random(26)), 6);
    }

    /** The standalone bidirectional layer, with each direction's initial state. */
    @Test
    void bidirectionalLayerOnItsOwn() {
        Random rng = new Random(31);
        Bidirectional bi = new Bidirectional(new LstmCell(2, 3, rng), new LstmCell(2, 3, rng));
        Matrix[] xs = Fixtures.sequence(3, 2, 2, rng);
        State hf = new State(Init.uniform(2, 3, 0.5, rng), Init.uniform(2, 3, 0.5, rng));
        State hb = new State(Init.uniform(2, 3, 0.5, rng), Init.uniform(2, 3, 0.5, rng));
        Matrix[] r = Fixtures.sequence(3, 2, 6, rng);
        Matrix sb = Init.uniform(2, 3, 1, rng);
        bi.forward(xs, hf, hb);
        Bidirectional.Gradients g = bi.backward(r, null, State.of(sb));
        List<Parameter> checked = new ArrayList<>(bi.parameters());
        checked.add(new Parameter("x1", xs[1], g.dInputs()[1]));
        checked.add(new Parameter("hf", hf.h(), g.dInitialForward().h()));
        checked.add(new Parameter("cf", hf.c(), g.dInitialForward().c()));
        checked.add(new Parameter("hb", hb.h(), g.dInitialReverse().h()));
        checked.add(new Parameter("cb", hb.c(), g.dInitialReverse().c()));
        assertSmall(GradientCheck.check(checked, () -> {
            Bidirectional.Output out = bi.forward(xs, hf, hb);
            return Fixtures.weightedSum(out.outputs(), r) + out.lastReverse().h().mul(sb).sum();
        }));
    }
}
