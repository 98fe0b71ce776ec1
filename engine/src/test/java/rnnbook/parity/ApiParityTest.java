package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link rnnbook.nn.Stacked}'s factories against PyTorch for the options learners meet: {@code nonlinearity='relu'}
 * in deep and bidirectional {@code nn.RNN}, and {@code bias=False} for {@code nn.RNN}, {@code nn.LSTM} and
 * {@code nn.GRU} (api.json, checked exactly as gated.json is, by {@link GatedParityTest#check}).
 */
class ApiParityTest {

    @TestFactory
    Stream<DynamicTest> stackedOptionsMatchPyTorch() {
        return Reference.cases(Reference.load("api.json"), "stacked").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> GatedParityTest.check(c)));
    }

    @Test
    void referenceCoversReluAndNoBiasForEveryKind() {
        long kinds = Reference.cases(Reference.load("api.json"), "stacked").stream()
                .map(c -> c.get("kind").getAsString() + c.get("bias").getAsBoolean())
                .distinct().count();
        assertEquals(5, kinds);   // rnn_relu with and without bias; rnn_tanh, lstm, gru without
    }
}
