package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import rnnbook.check.GradientCheck;
import rnnbook.tensor.Matrix;

/** Full BPTT against central differences, for every parameter, the inputs and the initial state. */
class RecurrentGradientTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "SIGMOID", "IDENTITY"})
    void bpttMatchesNumericalGradients(Activation activation) {
        Random rng = new Random(42);
        RnnCell cell = new RnnCell(3, 5, activation, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(6, 2, 3, rng);
        Matrix h0 = Init.uniform(2, 5, 0.5, rng);
        Matrix[] r = Fixtures.sequence(6, 2, 5, rng);

        Recurrent.Output out = rnn.forward(xs, State.of(h0));
        Recurrent.Gradients g = rnn.backward(r, null);   // dL/dh_t = r_t for L = Σ h_t ⊙ r_t

        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        for (int t = 0; t < xs.length; t++) {
            checked.add(new Parameter("x" + t, xs[t], g.dInputs()[t]));
        }
        checked.add(new Parameter("h0", h0, g.dInitial().h()));
        GradientCheck.Report report = GradientCheck.check(checked,
                () -> Fixtures.weightedSum(rnn.forward(xs, State.of(h0)).outputs(), r));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        assertTrue(out.outputs().length == 6);
    }

    /** Many-to-one: loss only on the final state; the gradient still reaches the first input. */
    @Test
    void manyToOneGradientReachesFirstStep() {
        Random rng = new Random(3);
        Recurrent rnn = new Recurrent(new RnnCell(2, 4, rng));
        Matrix[] xs = Fixtures.sequence(5, 3, 2, rng);
        Matrix r = Init.uniform(3, 4, 1.0, rng);
        rnn.forward(xs);
        Recurrent.Gradients g = rnn.backward(null, State.of(r));
        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        checked.add(new Parameter("x0", xs[0], g.dInputs()[0]));
        GradientCheck.Report report = GradientCheck.check(checked,
                () -> rnn.forward(xs).last().h().mul(r).sum());
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        assertTrue(g.dInputs()[0].norm() > 0);
    }

    /** The shared weight's gradient is the sum of what each step's backward adds. */
    @Test
    void sharedWeightGradientIsSumOverSteps() {
        Random rng = new Random(5);
        RnnCell cell = new RnnCell(2, 3, rng);
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = Fixtures.sequence(4, 1, 2, rng);
        Matrix[] r = Fixtures.sequence(4, 1, 3, rng);
        rnn.forward(xs);
        rnn.backward(r, null);
        Matrix total = cell.weightHh().grad().copy();

        // replay the backward pass by hand, one step at a time, summing the contributions
        cell.zeroGrad();
        rnn.forward(xs);
        Matrix sum = Matrix.zeros(3, 3);
        State carried = null;
        for (int t = 3; t >= 0; t--) {
            cell.zeroGrad();
            StepGrad sg = cell.backward(rnn.steps().get(t), State.of(r[t]).plus(carried));
            sum.addInPlace(cell.weightHh().grad());
            carried = sg.dPrev();
        }
        for (int i = 0; i < 9; i++) {
            assertEquals(total.data()[i], sum.data()[i], 1e-14);
        }
    }
}
