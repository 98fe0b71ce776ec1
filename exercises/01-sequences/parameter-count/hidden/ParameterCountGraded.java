package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/**
 * Hidden tests of parameter-count: the submission's counts, recorded; the grader compares them with what the
 * reference solution gives for the same sizes.
 */
@Timeout(5)
class ParameterCountGraded {

    @Test
    @DisplayName("parameters of a small RNN")
    @Points(3)
    @Hint("count weight_ih, weight_hh, both biases, and the output layer's weight and bias")
    void a_rnnSmall() {
        Record.value("rnn(3, 4, 2)", ParameterCount.rnn(3, 4, 2));
    }

    @Test
    @DisplayName("parameters of a larger RNN")
    @Points(2)
    void b_rnnLarge() {
        Record.value("rnn(50, 128, 10)", ParameterCount.rnn(50, 128, 10));
    }

    @Test
    @DisplayName("parameters of the dense network")
    @Points(3)
    @Hint("every layer has a weight and a bias")
    void c_dense() {
        Record.value("dense(10, 3, 4, 2)", ParameterCount.dense(10, 3, 4, 2));
    }

    @Test
    @DisplayName("the dense network grows with the sequence length, step by step")
    @Points(1)
    @Hint("each extra step adds features × hidden input weights")
    void d_growth() {
        Record.value("dense(20, 6, 9, 3) - dense(10, 6, 9, 3)",
                ParameterCount.dense(20, 6, 9, 3) - ParameterCount.dense(10, 6, 9, 3));
    }
}
