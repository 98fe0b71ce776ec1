package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

/** Numbers worked out on paper, checked against the engine. */
class HandComputedTest {

    /** A 1-unit linear cell with w_hh = 0.9, w_ih = 1, no bias: h_3 = 0.81 x1 + 0.9 x2 + x3. */
    @Test
    void linearCellKeepsDecayingMemory() {
        RnnCell cell = new RnnCell(1, 1, Activation.IDENTITY, new Random(0));
        cell.weightIh().value().set(0, 0, 1.0);
        cell.weightHh().value().set(0, 0, 0.9);
        cell.biasIh().value().zeroInPlace();
        cell.biasHh().value().zeroInPlace();
        Matrix[] xs = {Matrix.of(new double[]{1}), Matrix.of(new double[]{2}), Matrix.of(new double[]{3})};
        Recurrent.Output out = new Recurrent(cell).forward(xs);
        // 0.81 * 1 + 0.9 * 2 + 3 = 5.61; after two steps 0.9 * 1 + 2 = 2.9
        assertEquals(5.61, out.last().h().get(0, 0), 1e-12);
        assertEquals(2.9, out.outputs()[1].get(0, 0), 1e-12);
        assertEquals(1.0, out.outputs()[0].get(0, 0), 1e-12);
    }

    /**
     * One tanh step: x = [1, -1], W_ih = [0.5, -0.25], W_hh = 0.1, b_ih = 0.2, b_hh = -0.1, h_prev = 0.3.
     * a = 0.5 + 0.25 + 0.2 + 0.03 - 0.1 = 0.88; h = tanh(0.88) = 0.70641932...
     */
    @Test
    void oneTanhStepByHand() {
        RnnCell cell = new RnnCell(2, 1, new Random(0));
        cell.weightIh().value().copyFrom(Matrix.of(new double[]{0.5, -0.25}));
        cell.weightHh().value().set(0, 0, 0.1);
        cell.biasIh().value().set(0, 0, 0.2);
        cell.biasHh().value().set(0, 0, -0.1);
        Step step = cell.forward(Matrix.of(new double[]{1, -1}), State.of(Matrix.of(new double[]{0.3})));
        assertEquals(0.7064193203972353, step.state().h().get(0, 0), 1e-15);

        // backward with dL/dh = 1: da = 1 - tanh²(0.88); dW_ih = da * x; dh_prev = da * W_hh
        double da = 1 - 0.7064193203972353 * 0.7064193203972353;
        StepGrad g = cell.backward(step, State.of(Matrix.of(new double[]{1})));
        assertEquals(da * 1, cell.weightIh().grad().get(0, 0), 1e-15);
        assertEquals(da * -1, cell.weightIh().grad().get(0, 1), 1e-15);
        assertEquals(da * 0.3, cell.weightHh().grad().get(0, 0), 1e-15);
        assertEquals(da * 0.1, g.dPrev().h().get(0, 0), 1e-15);
        assertEquals(da * -0.25, g.dx().get(0, 1), 1e-15);
    }

    /** The same input sequence through the same cell gives the same numbers whatever the batch neighbours. */
    @Test
    void batchRowsAreIndependent() {
        RnnCell cell = new RnnCell(3, 4, new Random(7));
        Random r = new Random(1);
        Matrix[] both = new Matrix[5];
        Matrix[] alone = new Matrix[5];
        for (int t = 0; t < 5; t++) {
            both[t] = rnnbook.nn.Init.uniform(2, 3, 1.0, r);
            alone[t] = both[t].rowAt(1);
        }
        Recurrent rnn = new Recurrent(cell);
        Matrix fromBatch = rnn.forward(both).last().h().rowAt(1);
        Matrix fromAlone = rnn.forward(alone).last().h();
        for (int j = 0; j < 4; j++) {
            assertEquals(fromAlone.get(0, j), fromBatch.get(0, j), 1e-15);
        }
    }
}
