package rnnbook.variants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Init;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

class SlicedRnnTest {

    private static Matrix[] sequence(int seq, int batch, int f, Random rng) {
        Matrix[] xs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, f, 1.0, rng);
        }
        return xs;
    }

    /** The batched lower pass equals running the lower RNN on each slice by itself, then the higher on the results. */
    @Test
    void equalsSliceBySliceReference() {
        Random rng = new Random(1);
        RnnCell lowerCell = new RnnCell(2, 3, rng);
        RnnCell higherCell = new RnnCell(3, 4, rng);
        SlicedRnn sliced = new SlicedRnn(lowerCell, higherCell, 3);
        Matrix[] xs = sequence(6, 2, 2, rng);
        SlicedRnn.Pass got = sliced.forward(xs);

        Recurrent lower = new Recurrent(lowerCell);
        Matrix[] summaries = new Matrix[3];
        for (int s = 0; s < 3; s++) {
            summaries[s] = lower.forward(Arrays.copyOfRange(xs, 2 * s, 2 * s + 2)).last().h();
        }
        Recurrent.Output want = new Recurrent(higherCell).forward(summaries);
        assertEquals(3, got.outputs().length);
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < want.outputs()[s].size(); i++) {
                assertEquals(want.outputs()[s].data()[i], got.outputs()[s].data()[i], 1e-15);
            }
        }
    }

    @Test
    void gradientsMatchWithAnLstmVariantBelow() {
        Random rng = new Random(2);
        SlicedRnn sliced = new SlicedRnn(new PeepholeLstmCell(2, 3, rng), new RnnCell(3, 4, rng), 2);
        Matrix[] xs = sequence(6, 2, 2, rng);
        Matrix[] r = sequence(2, 2, 4, rng);
        Matrix rLast = Init.uniform(2, 4, 1.0, rng);
        Matrix[] dxs = sliced.backward(sliced.forward(xs), r, State.of(rLast));
        List<Parameter> checked = new ArrayList<>(sliced.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], dxs[t]));
        }
        GradientCheck.Report report = GradientCheck.check(checked, () -> {
            SlicedRnn.Pass out = sliced.forward(xs);
            return out.outputs()[0].mul(r[0]).sum() + out.outputs()[1].mul(r[1]).sum()
                    + out.last().h().mul(rLast).sum();
        });
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        assertTrue(sliced.namedParameters().containsKey("lower.weight_ci_l0"));
        assertTrue(sliced.namedParameters().containsKey("higher.weight_hh_l0"));
    }

    @Test
    void badLengthsAreNamed() {
        SlicedRnn sliced = new SlicedRnn(new RnnCell(2, 3, new Random(0)), new RnnCell(3, 3, new Random(0)), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sliced.forward(sequence(6, 1, 2, new Random(0))));
        assertTrue(e.getMessage().contains("6 steps does not cut into 4 equal slices"), e.getMessage());
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> new SlicedRnn(new RnnCell(2, 3, new Random(0)), new RnnCell(5, 3, new Random(0)), 2));
        assertTrue(sizes.getMessage().contains("hidden state of size 3 but takes input of size 5"), sizes.getMessage());
    }

    /** Another forward pass (other length, other batch) between a pass and its backward changes nothing in it. */
    @Test
    void aSecondForwardDoesNotChangeTheFirstBackward() {
        Matrix[] a = sequence(6, 2, 2, new Random(5));
        Matrix[] r = sequence(3, 2, 4, new Random(6));
        SlicedRnn alone = new SlicedRnn(new LstmCell(2, 3, new Random(4)), new RnnCell(3, 4, new Random(8)), 3);
        Matrix[] dxAlone = alone.backward(alone.forward(a), r, null);
        SlicedRnn interleaved = new SlicedRnn(new LstmCell(2, 3, new Random(4)), new RnnCell(3, 4, new Random(8)), 3);
        SlicedRnn.Pass passA = interleaved.forward(a);
        interleaved.forward(sequence(9, 5, 2, new Random(7)));
        Matrix[] dx = interleaved.backward(passA, r, null);
        alone.namedParameters().forEach((path, p) ->
                assertArrayEquals(p.grad().data(), interleaved.parameter(path).grad().data(), path));
        for (int t = 0; t < a.length; t++) {
            assertArrayEquals(dxAlone[t].data(), dx[t].data());
        }
    }
}
