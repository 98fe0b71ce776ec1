package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.Activation;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * The engine's {@code Recurrent(RnnCell)} against PyTorch's {@code nn.RNN} (tanh and relu, zero and random
 * initial state), number for number: outputs, final state, and the gradients of every parameter, of the input
 * and of h0, for the loss L = Σ output ⊙ R + Σ h_n ⊙ S (so dL/doutput = R and dL/dh_n = S).
 */
class RnnParityTest {
    private static final JsonObject DOCUMENT = Reference.load("rnn.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorchRnn() {
        return Reference.cases(DOCUMENT, "rnn").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    @Test
    void referenceCoversBothActivationsAndBothInitialStates() {
        long kinds = Reference.cases(DOCUMENT, "rnn").stream()
                .map(c -> c.get("nonlinearity").getAsString() + c.get("zero_h0").getAsBoolean())
                .distinct().count();
        assertEquals(4, kinds);
    }

    private static void check(JsonObject c) {
        Activation activation = switch (c.get("nonlinearity").getAsString()) {
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            default -> throw new IllegalArgumentException("unknown nonlinearity in " + c.get("name"));
        };
        int input = c.get("input_size").getAsInt();
        int hidden = c.get("hidden_size").getAsInt();
        // the seeded initial weights are overwritten by PyTorch's, by name
        Recurrent rnn = new Recurrent(new RnnCell(input, hidden, activation, new Random(0)));
        Reference.loadParameters(rnn, c.getAsJsonObject("parameters"));

        Matrix[] xs = Reference.sequence(c.get("input"));
        Matrix h0 = Reference.sequence(c.get("h0"))[0];   // PyTorch's (num_layers = 1, batch, hidden)
        boolean zeroH0 = c.get("zero_h0").getAsBoolean();
        Recurrent.Output out = zeroH0 ? rnn.forward(xs) : rnn.forward(xs, State.of(h0));

        Reference.assertClose("output", Reference.sequence(c.get("output")), out.outputs());
        Reference.assertClose("h_n", Reference.sequence(c.get("h_n"))[0], out.last().h());

        Matrix[] r = Reference.sequence(c.get("R"));
        Matrix s = Reference.sequence(c.get("S"))[0];
        double loss = 0;
        for (int t = 0; t < xs.length; t++) {
            loss += out.outputs()[t].mul(r[t]).sum();
        }
        loss += out.last().h().mul(s).sum();
        Reference.assertClose("loss", c.get("loss").getAsDouble(), loss);

        rnn.zeroGrad();
        Recurrent.Gradients g = rnn.backward(r, State.of(s));

        JsonObject grads = c.getAsJsonObject("grad");
        for (Map.Entry<String, Parameter> e : rnn.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())),
                    e.getValue().grad());
        }
        Reference.assertClose("grad input", Reference.sequence(grads.get("input")), g.dInputs());
        Reference.assertClose("grad h0", Reference.sequence(grads.get("h0"))[0], g.dInitial().h());
        assertFalse(g.dInitial().hasCell(), "a vanilla RNN carries no cell state");
    }
}
