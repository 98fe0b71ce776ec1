package rnnbook.exercises;

import rnnbook.runner.Check;
import rnnbook.runner.Graded;

/** Public checks of parameter-count: run them with {@code ./book check parameter-count}. */
public class ParameterCountCheck {

    @Graded(points = 0, value = "one feature, one hidden unit, one output")
    public void tiny() {
        // dense over 5 steps: 5 weights + 1 bias, then 1 weight + 1 bias = 8
        Check.that(ParameterCount.dense(5, 1, 1, 1) == 8, "dense(5, 1, 1, 1) should be 8, got "
                + ParameterCount.dense(5, 1, 1, 1));
        // rnn: weight_ih 1 + weight_hh 1 + two biases 2, then 1 weight + 1 bias = 6
        Check.that(ParameterCount.rnn(1, 1, 1) == 6, "rnn(1, 1, 1) should be 6, got " + ParameterCount.rnn(1, 1, 1));
    }
}
