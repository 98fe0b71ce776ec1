package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.Activation;
import rnnbook.nn.Parameter;
import rnnbook.nn.Stacked;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * The engine's {@link Stacked} LSTM and GRU (one and two layers, one and two directions) against PyTorch's
 * {@code nn.LSTM} and {@code nn.GRU}, number for number: outputs, h_n, c_n, and the gradients of every parameter,
 * of the input, of h0 and c0, for L = Σ output ⊙ R + Σ h_n ⊙ S (+ Σ c_n ⊙ U). Parameters are loaded by their
 * state_dict names, so a naming or layout difference fails here.
 */
class GatedParityTest {
    private static final JsonObject DOCUMENT = Reference.load("gated.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return Reference.cases(DOCUMENT, "gated").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    @Test
    void referenceCoversEveryShapeWithBothInitialStates() {
        long kinds = Reference.cases(DOCUMENT, "gated").stream()
                .map(c -> c.get("kind").getAsString() + c.get("num_layers").getAsInt()
                        + c.get("bidirectional").getAsBoolean() + c.get("zero_state").getAsBoolean())
                .distinct().count();
        assertEquals(10, kinds);
    }

    /**
     * One case of gated.json or of api.json's "stacked": kind lstm, gru, rnn_tanh or rnn_relu, built through
     * {@link Stacked}'s factories with the case's bias (true when the case has none).
     */
    static void check(JsonObject c) {
        String kind = c.get("kind").getAsString();
        boolean lstm = kind.equals("lstm");
        int input = c.get("input_size").getAsInt();
        int hidden = c.get("hidden_size").getAsInt();
        int layers = c.get("num_layers").getAsInt();
        boolean bidirectional = c.get("bidirectional").getAsBoolean();
        boolean bias = !c.has("bias") || c.get("bias").getAsBoolean();
        Random seeded = new Random(0);   // these initial weights are overwritten by PyTorch's, by name
        Stacked stack = switch (kind) {
            case "lstm" -> Stacked.lstm(input, hidden, layers, bias, 0.0, bidirectional, seeded);
            case "gru" -> Stacked.gru(input, hidden, layers, bias, 0.0, bidirectional, seeded);
            case "rnn_tanh" -> Stacked.rnn(input, hidden, layers, Activation.TANH, bias, 0.0, bidirectional, seeded);
            case "rnn_relu" -> Stacked.rnn(input, hidden, layers, Activation.RELU, bias, 0.0, bidirectional, seeded);
            default -> throw new IllegalArgumentException("unknown kind " + kind + " in " + c.get("name"));
        };
        // the name sets must be equal: a bias-free stack has no bias parameters at all, as PyTorch's
        Reference.loadParameters(stack, c.getAsJsonObject("parameters"));

        Matrix[] xs = Reference.sequence(c.get("input"));
        Matrix[] h0 = Reference.sequence(c.get("h0"));
        Matrix[] c0 = lstm ? Reference.sequence(c.get("c0")) : null;
        State[] initial = new State[h0.length];
        for (int i = 0; i < h0.length; i++) {
            initial[i] = new State(h0[i], lstm ? c0[i] : null);
        }
        boolean zero = c.get("zero_state").getAsBoolean();
        Stacked.Output out = zero ? stack.forward(xs) : stack.forward(xs, initial);

        Reference.assertClose("output", Reference.sequence(c.get("output")), out.outputs());
        Reference.assertClose("h_n", Reference.sequence(c.get("h_n")), out.hN());
        if (lstm) {
            Reference.assertClose("c_n", Reference.sequence(c.get("c_n")), out.cN());
        }

        Matrix[] r = Reference.sequence(c.get("R"));
        Matrix[] s = Reference.sequence(c.get("S"));
        Matrix[] u = lstm ? Reference.sequence(c.get("U")) : null;
        State[] dLast = new State[s.length];
        double loss = 0;
        for (int t = 0; t < xs.length; t++) {
            loss += out.outputs()[t].mul(r[t]).sum();
        }
        for (int i = 0; i < s.length; i++) {
            loss += out.hN()[i].mul(s[i]).sum() + (lstm ? out.cN()[i].mul(u[i]).sum() : 0);
            dLast[i] = new State(s[i], lstm ? u[i] : null);
        }
        Reference.assertClose("loss", c.get("loss").getAsDouble(), loss);

        stack.zeroGrad();
        Stacked.Gradients g = stack.backward(r, dLast);

        JsonObject grads = c.getAsJsonObject("grad");
        for (Map.Entry<String, Parameter> e : stack.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())),
                    e.getValue().grad());
        }
        Reference.assertClose("grad input", Reference.sequence(grads.get("input")), g.dInputs());
        Matrix[] dh0 = new Matrix[g.dInitial().length];
        Matrix[] dc0 = new Matrix[g.dInitial().length];
        for (int i = 0; i < dh0.length; i++) {
            dh0[i] = g.dInitial()[i].h();
            dc0[i] = g.dInitial()[i].c();
        }
        Reference.assertClose("grad h0", Reference.sequence(grads.get("h0")), dh0);
        if (lstm) {
            Reference.assertClose("grad c0", Reference.sequence(grads.get("c0")), dc0);
        }
    }
}
