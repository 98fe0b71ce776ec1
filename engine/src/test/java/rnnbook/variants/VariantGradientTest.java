package rnnbook.variants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Cell;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/** BPTT through each variant against central differences: parameters, inputs and the initial state. */
class VariantGradientTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("peephole", new PeepholeLstmCell(3, 4, new Random(1))),
                Arguments.of("coupled", new CoupledLstmCell(3, 4, new Random(2))),
                Arguments.of("clockwork", new ClockworkCell(3, 6, 3, new Random(3))),
                Arguments.of("clockwork-3-5", new ClockworkCell(3, 4, new int[] {3, 5}, new Random(4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void bpttMatchesNumericalGradients(String name, Cell cell) {
        Random rng = new Random(9);
        int seq = 7;
        int batch = 2;
        int hidden = cell.hiddenSize();
        Recurrent rnn = new Recurrent(cell);
        Matrix[] xs = new Matrix[seq];
        Matrix[] r = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, 3, 1.0, rng);
            r[t] = Init.uniform(batch, hidden, 1.0, rng);
        }
        Matrix h0 = Init.uniform(batch, hidden, 0.5, rng);
        boolean clock = cell instanceof ClockworkCell;
        // the LSTMs get a random c0 and a loss on the final c; the clockwork cell's c is its clock, starting at 0
        Matrix c0 = clock ? Matrix.zeros(batch, hidden) : Init.uniform(batch, hidden, 0.5, rng);
        Matrix rc = clock ? Matrix.zeros(batch, hidden) : Init.uniform(batch, hidden, 1.0, rng);

        rnn.forward(xs, new State(h0, c0));
        Recurrent.Gradients g = rnn.backward(r, new State(Matrix.zeros(batch, hidden), rc));

        List<Parameter> checked = new ArrayList<>(rnn.parameters());
        for (int t = 0; t < seq; t++) {
            checked.add(new Parameter("x" + t, xs[t], g.dInputs()[t]));
        }
        checked.add(new Parameter("h0", h0, g.dInitial().h()));
        if (!clock) {
            checked.add(new Parameter("c0", c0, g.dInitial().c()));
        }
        GradientCheck.Report report = GradientCheck.check(checked, () -> {
            Recurrent.Output out = rnn.forward(xs, new State(h0, c0));
            double loss = out.last().c().mul(rc).sum();
            for (int t = 0; t < seq; t++) {
                loss += out.outputs()[t].mul(r[t]).sum();
            }
            return loss;
        });
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }
}
