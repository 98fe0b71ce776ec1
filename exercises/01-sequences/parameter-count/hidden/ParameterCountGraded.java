package rnnbook.exercises;

import java.util.Random;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.nn.RnnCell;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;

/** Hidden graded tests of parameter-count: the engine's layers are counted as the reference. */
public class ParameterCountGraded {

    private static long count(Iterable<Parameter> ps) {
        long n = 0;
        for (Parameter p : ps) {
            n += p.size();
        }
        return n;
    }

    private static long engineRnn(int features, int hidden, int outputs) {
        Random rng = new Random(0);
        return count(new RnnCell(features, hidden, rng).namedParameters().values())
                + count(new Dense(hidden, outputs, rng).namedParameters().values());
    }

    private static long engineDense(int length, int features, int hidden, int outputs) {
        Random rng = new Random(0);
        return count(new Dense(length * features, hidden, rng).namedParameters().values())
                + count(new Dense(hidden, outputs, rng).namedParameters().values());
    }

    @Graded(points = 3, value = "parameters of a small RNN")
    public void a_rnnSmall() {
        Check.equal("rnn(...)", engineRnn(3, 4, 2), ParameterCount.rnn(3, 4, 2),
                "count weight_ih, weight_hh, both biases, and the output layer's weight and bias");
    }

    @Graded(points = 2, value = "parameters of a larger RNN")
    public void b_rnnLarge() {
        Check.equal("rnn(...)", engineRnn(50, 128, 10), ParameterCount.rnn(50, 128, 10), null);
    }

    @Graded(points = 3, value = "parameters of the dense network")
    public void c_dense() {
        Check.equal("dense(...)", engineDense(10, 3, 4, 2), ParameterCount.dense(10, 3, 4, 2),
                "every layer has a weight and a bias");
    }

    @Graded(points = 1, value = "the dense network grows with the sequence length, step by step")
    public void d_growth() {
        long growth = ParameterCount.dense(20, 6, 9, 3) - ParameterCount.dense(10, 6, 9, 3);
        Check.equal("the growth from 10 to 20 steps", 10L * 6 * 9, growth,
                "each extra step adds features × hidden input weights");
    }
}
