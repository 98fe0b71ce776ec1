package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

class TruncatedBpttTest {

    private static TruncatedBptt.WindowLoss weighted(Matrix[] r) {
        return (start, outputs, dOutputs) -> {
            double loss = 0;
            for (int i = 0; i < outputs.length; i++) {
                loss += outputs[i].mul(r[start + i]).sum();
                dOutputs[i] = r[start + i].copy();
            }
            return loss;
        };
    }

    @Test
    void windowOfWholeSequenceEqualsFullBpttExactly() {
        Random rng = new Random(11);
        RnnCell cell = new RnnCell(3, 4, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(9, 2, 3, rng);
        Matrix[] r = Fixtures.sequence(9, 2, 4, rng);

        rnn.forward(xs);
        rnn.backward(r, null);
        double[][] full = rnn.parameters().stream().map(p -> p.grad().data().clone()).toArray(double[][]::new);

        rnn.zeroGrad();
        TruncatedBptt.Result res = new TruncatedBptt(rnn, 9).run(xs, null, weighted(r), () -> { });
        assertEquals(1, res.windows());
        for (int k = 0; k < full.length; k++) {
            assertArrayEquals(full[k], rnn.parameters().get(k).grad().data(), 0.0);
        }
    }

    @Test
    void shortWindowsCarryStateButCutGradient() {
        Random rng = new Random(12);
        RnnCell cell = new RnnCell(2, 3, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(8, 1, 2, rng);
        Matrix[] r = Fixtures.sequence(8, 1, 3, rng);

        // forward values are identical whatever the window: the state is carried
        Matrix fullLast = rnn.forward(xs).last().h();
        TruncatedBptt.Result res = new TruncatedBptt(rnn, 3).run(xs, null, weighted(r), () -> { });
        assertEquals(3, res.windows());
        assertArrayEquals(fullLast.data(), res.last().h().data(), 0.0);

        // but gradients differ: no credit flows across the window edges
        double truncated = cell.weightHh().grad().norm();
        rnn.zeroGrad();
        rnn.forward(xs);
        rnn.backward(r, null);
        assertNotEquals(truncated, cell.weightHh().grad().norm());
    }
}
