package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of parameter-count (counted by hand): {@code ./book check parameter-count}, Maven or an IDE. */
@Timeout(5)
class ParameterCountCheck {

    @Test
    @DisplayName("one feature, one hidden unit, one output")
    void tiny() {
        // dense over 5 steps: 5 weights + 1 bias, then 1 weight + 1 bias = 8
        Expect.equal("dense(5, 1, 1, 1)", 8, ParameterCount.dense(5, 1, 1, 1), null);
        // rnn: weight_ih 1 + weight_hh 1 + two biases 2, then 1 weight + 1 bias = 6
        Expect.equal("rnn(1, 1, 1)", 6, ParameterCount.rnn(1, 1, 1), "PyTorch's cell has two bias vectors");
    }
}
