package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnbook.tensor.Matrix;

/**
 * {@link Recurrent} takes the whole-sequence road for a {@link GateCell} (input products before the time loop,
 * weight gradients after it, W_hh packed once). That road must give the very same bits as unrolling the cell by
 * hand, one {@code forward} and one {@code backward} per step, which is what the book teaches: outputs, final
 * state, every dx_t, dL/d(initial state) and every parameter gradient. Hidden 40 and batch 5 leave partial tiles.
 */
class WholeSequenceRoadTest {

    private static GateCell cell(String kind, Random rng) {
        Function<Random, GateCell> make = switch (kind) {
            case "rnn" -> r -> new RnnCell(7, 40, r);
            case "lstm" -> r -> new LstmCell(7, 40, r);
            case "gru" -> r -> new GruCell(7, 40, r);
            default -> throw new IllegalArgumentException(kind);
        };
        return make.apply(rng);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru"})
    void theWholeSequenceRoadEqualsTheStepByStepWalkBitForBit(String kind) {
        Random rng = new Random(21);
        GateCell cell = cell(kind, rng);
        int seq = 9;
        int batch = 5;
        Matrix[] xs = Fixtures.sequence(seq, batch, 7, rng);
        State h0 = new State(Init.uniform(batch, 40, 0.5, rng),
                cell.hasCellState() ? Init.uniform(batch, 40, 0.5, rng) : null);
        Matrix[] dOut = Fixtures.sequence(seq, batch, 40, rng);
        dOut[3] = null;   // a step whose output the loss does not use
        State dLast = new State(Init.uniform(batch, 40, 1.0, rng),
                cell.hasCellState() ? Init.uniform(batch, 40, 1.0, rng) : null);

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

        // the engine's road
        cell.zeroGrad();
        Recurrent rnn = new Recurrent(cell);
        Recurrent.Output out = rnn.forward(xs, h0);
        Recurrent.Gradients g = rnn.backward(dOut, dLast);

        for (int t = 0; t < seq; t++) {
            assertArrayEquals(steps.get(t).state().h().data(), out.outputs()[t].data(), kind + " h at step " + t);
            assertArrayEquals(handDx[t].data(), g.dInputs()[t].data(), kind + " dx at step " + t);
        }
        assertArrayEquals(handLast.h().data(), out.last().h().data(), kind + " final h");
        assertArrayEquals(handDh0.h().data(), g.dInitial().h().data(), kind + " dL/dh0");
        if (cell.hasCellState()) {
            assertArrayEquals(handLast.c().data(), out.last().c().data(), kind + " final c");
            assertArrayEquals(handDh0.c().data(), g.dInitial().c().data(), kind + " dL/dc0");
        }
        List<Parameter> params = cell.parameters();
        for (int i = 0; i < params.size(); i++) {
            assertArrayEquals(handGrads.get(i), params.get(i).grad().data(), kind + " gradient " + i);
        }
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
}
