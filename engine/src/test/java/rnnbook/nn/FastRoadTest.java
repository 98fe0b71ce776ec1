package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rnnbook.tensor.Matrix;

/**
 * {@link Recurrent} runs the vanilla, LSTM and GRU cells on its fast road ({@link FastRoad}: input products before
 * the time loop, weight gradients after it, W_hh packed once, the fused loops of {@code LstmKernel} and
 * {@code GruKernel}). That road is separate code from the cells' own {@code forward} and {@code backward}, which
 * are whole-matrix math gate by gate; it must give the very same bits as unrolling the cell by hand, one
 * {@code forward} and one {@code backward} per step, which is what the book teaches: outputs, final state, gate
 * values, every dx_t, dL/d(initial state) and every parameter gradient. Hidden 40 and batch 5 leave partial tiles
 * of the matrix kernel. Hidden 40 is a multiple of every SIMD register's width in doubles (2, 4 or 8), so the SIMD
 * exponential meets the same entries in both roads; a width that is not (hidden 13) lets the scalar tail of one
 * road meet an entry the other computes in a register, and the two exponentials differ by up to 1 ulp, so there
 * the roads agree to 1e-12 relative instead. Both roads are also held together without biases (PyTorch's
 * {@code bias=False}): then the cell has only its two weights as parameters, and neither road touches the biases.
 */
class FastRoadTest {

    private static FourWeightCell cell(String kind, int hidden, boolean bias, Random rng) {
        Function<Random, FourWeightCell> make = switch (kind) {
            case "rnn" -> r -> new RnnCell(7, hidden, Activation.TANH, bias, r);
            case "lstm" -> r -> new LstmCell(7, hidden, bias, r);
            case "gru" -> r -> new GruCell(7, hidden, bias, r);
            default -> throw new IllegalArgumentException(kind);
        };
        return make.apply(rng);
    }

    @ParameterizedTest
    @CsvSource({"rnn, 40, 0, true, 5", "lstm, 40, 0, true, 5", "gru, 40, 0, true, 5",
            "rnn, 13, 1e-12, true, 5", "lstm, 13, 1e-12, true, 5", "gru, 13, 1e-12, true, 5",
            "rnn, 40, 0, false, 5", "lstm, 40, 0, false, 5", "gru, 40, 0, false, 5",
            "lstm, 40, 0, true, 72", "gru, 40, 0, true, 72"})
    @Timeout(60)
    void theFastRoadEqualsTheReadableCellStepByStep(String kind, int hidden, double tolerance, boolean bias,
                                                     int batch) {
        // batch 72: enough gate entries for the road's elementwise kernels to share the rows between both cores
        Random rng = new Random(21);
        FourWeightCell cell = cell(kind, hidden, bias, rng);
        assertEquals(bias ? 4 : 2, cell.parameters().size(), kind + " parameters with bias=" + bias);
        int seq = 9;
        Matrix[] xs = Fixtures.sequence(seq, batch, 7, rng);
        State h0 = new State(Init.uniform(batch, hidden, 0.5, rng),
                cell.hasCellState() ? Init.uniform(batch, hidden, 0.5, rng) : null);
        Matrix[] dOut = Fixtures.sequence(seq, batch, hidden, rng);
        dOut[3] = null;   // a step whose output the loss does not use
        State dLast = new State(Init.uniform(batch, hidden, 1.0, rng),
                cell.hasCellState() ? Init.uniform(batch, hidden, 1.0, rng) : null);

        Matrix[] dOutGiven = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            dOutGiven[t] = dOut[t] == null ? null : dOut[t].copy();
        }
        State dLastGiven = dLast.copy();

        // by hand: the loop of chapter 2 forward, the walk of chapter 3 backward
        cell.zeroGrad();
        List<Step> steps = new ArrayList<>();
        State state = h0;
        for (Matrix x : xs) {
            Step step = cell.forward(x, state);
            steps.add(step);
            state = step.state();
        }
        State handLast = state;
        Matrix[] handDx = new Matrix[seq];
        State carried = dLast;
        for (int t = seq - 1; t >= 0; t--) {
            State dState = dOut[t] == null ? carried : State.of(dOut[t]).plus(carried);
            StepGrad g = cell.backward(steps.get(t), dState);
            handDx[t] = g.dx();
            carried = g.dPrev();
        }
        State handDh0 = carried;
        List<double[]> handGrads = new ArrayList<>();
        for (Parameter p : cell.parameters()) {
            handGrads.add(p.grad().data().clone());
        }
        noBiasTouched(cell, kind + " by hand");

        // the engine's road
        cell.zeroGrad();
        Recurrent rnn = new Recurrent(cell);
        Recurrent.Output out = rnn.forward(xs, h0);
        Recurrent.Gradients g = rnn.backward(dOut, dLast);

        for (int t = 0; t < seq; t++) {
            same(tolerance, steps.get(t).state().h().data(), out.outputs()[t].data(), kind + " h at step " + t);
            for (int k = 0; k < gateValues(steps.get(t)).length; k++) {
                same(tolerance, gateValues(steps.get(t))[k].data(), gateValues(out.steps().get(t))[k].data(),
                        kind + " gate values " + k + " at step " + t);
            }
            same(tolerance, handDx[t].data(), g.dInputs()[t].data(), kind + " dx at step " + t);
        }
        same(tolerance, handLast.h().data(), out.last().h().data(), kind + " final h");
        same(tolerance, handDh0.h().data(), g.dInitial().h().data(), kind + " dL/dh0");
        if (cell.hasCellState()) {
            same(tolerance, handLast.c().data(), out.last().c().data(), kind + " final c");
            same(tolerance, handDh0.c().data(), g.dInitial().c().data(), kind + " dL/dc0");
        }
        List<Parameter> params = cell.parameters();
        for (int i = 0; i < params.size(); i++) {
            same(tolerance, handGrads.get(i), params.get(i).grad().data(), kind + " gradient " + i);
        }
        noBiasTouched(cell, kind + " on the fast road");
        // and the caller's gradients were left as they were given (the road writes over its own copies only)
        for (int t = 0; t < seq; t++) {
            if (dOut[t] != null) {
                assertArrayEquals(dOutGiven[t].data(), dOut[t].data(), kind + " dOutputs[" + t + "] changed");
            }
        }
        assertArrayEquals(dLastGiven.h().data(), dLast.h().data(), kind + " dLast.h changed");
        if (cell.hasCellState()) {
            assertArrayEquals(dLastGiven.c().data(), dLast.c().data(), kind + " dLast.c changed");
        }
    }

    /** Without bias, the constant bias rows are still zero and were given no gradient. */
    private static void noBiasTouched(FourWeightCell cell, String what) {
        if (cell.hasBias()) {
            return;
        }
        for (Parameter b : List.of(cell.biasIh(), cell.biasHh())) {
            double[] zeros = new double[b.value().size()];
            assertArrayEquals(zeros, b.value().data(), what + ": " + b.name() + " value");
            assertArrayEquals(zeros, b.grad().data(), what + ": " + b.name() + " gradient");
        }
    }

    /** What a step record keeps besides its state: the gate values (and tanh(c) or the recurrent half). */
    private static Matrix[] gateValues(Step step) {
        if (step instanceof LstmCell.LstmStep s) {
            return new Matrix[] {s.gates(), s.tanhC(), s.state().c()};
        } else if (step instanceof GruCell.GruStep s) {
            return new Matrix[] {s.gates(), s.recurrent()};
        }
        return new Matrix[0];
    }

    /** Equal bits when tolerance is 0, else equal to that relative tolerance (of max(1, |expected|)). */
    private static void same(double tolerance, double[] expected, double[] actual, String what) {
        if (tolerance == 0) {
            assertArrayEquals(expected, actual, what);
            return;
        }
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double bound = tolerance * Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(what + ": entry " + i + " is " + actual[i] + ", expected " + expected[i] + " within " + bound);
            }
        }
    }
}
