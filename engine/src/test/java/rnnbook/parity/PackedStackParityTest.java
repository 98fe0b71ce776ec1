package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import rnnbook.nn.Bidirectional;
import rnnbook.nn.GruCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.Stacked;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * {@link Stacked} (and so {@link Bidirectional}) over rows of different lengths against PyTorch's packed sequences
 * through a 2-layer bidirectional GRU and LSTM and a 2-layer one-way RNN: outputs zero past a row's length, a
 * reverse direction that starts at each row's last real step, h_n (c_n) per layer and direction, and the gradients
 * of every parameter, of the padded input and of every initial state, for L = Σ output ⊙ R + Σ h_n ⊙ S
 * (+ Σ c_n ⊙ U) with R nonzero at padded steps. The reference is written by {@code make_reference_lengths.py}.
 */
@Timeout(60)
class PackedStackParityTest {
    private static final JsonObject DOCUMENT = Reference.load("packed_stack.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return Reference.cases(DOCUMENT, "packed_stack").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    @Test
    void lengthsAreCheckedOnceForTheStack() {
        Stacked stack = Stacked.gru(2, 3, 2, 0.0, true, new Random(1));
        Matrix[] xs = {Matrix.zeros(2, 2), Matrix.zeros(2, 2)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stack.forward(xs, null, new int[] {2, 3}));
        assertEquals("Recurrent lengths: row 1 has length 3, outside [1, 2] for a sequence of 2 steps",
                e.getMessage());
    }

    /** Without lengths, and with every row full length, a bidirectional layer gives the same bits. */
    @Test
    void fullLengthsAreNoLengths() {
        Bidirectional layer = new Bidirectional(new GruCell(3, 4, new Random(2)), new GruCell(3, 4, new Random(3)));
        Random rng = new Random(4);
        Matrix[] xs = new Matrix[5];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = Matrix.zeros(2, 3).mapInPlace(v -> rng.nextGaussian());
        }
        Bidirectional.Output plain = layer.forward(xs);
        Bidirectional.Output full = layer.forward(xs, null, null, new int[] {5, 5});
        for (int t = 0; t < xs.length; t++) {
            assertArrayEquals(plain.outputs()[t].data(), full.outputs()[t].data(), "step " + t);
        }
    }

    private static void check(JsonObject c) {
        String kind = c.get("kind").getAsString();
        boolean lstm = kind.equals("lstm");
        boolean two = c.get("bidirectional").getAsBoolean();
        int input = c.get("input_size").getAsInt();
        int hidden = c.get("hidden_size").getAsInt();
        int layers = c.get("layers").getAsInt();
        Random seeded = new Random(0);   // overwritten by PyTorch's weights, by name
        Stacked stack = switch (kind) {
            case "rnn" -> Stacked.rnn(input, hidden, layers, 0.0, two, seeded);
            case "lstm" -> Stacked.lstm(input, hidden, layers, 0.0, two, seeded);
            default -> Stacked.gru(input, hidden, layers, 0.0, two, seeded);
        };
        Reference.loadParameters(stack, c.getAsJsonObject("parameters"));
        int[] lengths = Reference.ints(c.get("lengths"));
        Matrix[] xs = Reference.sequence(c.get("input"));
        Matrix[] h0 = Reference.sequence(c.get("h0"));
        Matrix[] c0 = lstm ? Reference.sequence(c.get("c0")) : null;
        State[] start = new State[h0.length];
        for (int i = 0; i < h0.length; i++) {
            start[i] = new State(h0[i], lstm ? c0[i] : null);
        }
        Stacked.Output out = stack.forward(xs, start, lengths);
        Reference.assertClose("output", Reference.sequence(c.get("output")), out.outputs());
        Reference.assertClose("h_n", Reference.sequence(c.get("h_n")), out.hN());
        if (lstm) {
            Reference.assertClose("c_n", Reference.sequence(c.get("c_n")), out.cN());
        }

        Matrix[] r = Reference.sequence(c.get("R"));
        Matrix[] s = Reference.sequence(c.get("S"));
        Matrix[] u = lstm ? Reference.sequence(c.get("U")) : null;
        State[] dLast = new State[s.length];
        for (int i = 0; i < s.length; i++) {
            dLast[i] = new State(s[i], lstm ? u[i] : null);
        }
        stack.zeroGrad();
        stack.forward(xs);   // a later forward pass must not change what backward(out, ...) differentiates
        Stacked.Gradients g = stack.backward(out, r, dLast);

        JsonObject grads = c.getAsJsonObject("grad");
        for (Map.Entry<String, Parameter> e : stack.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())), e.getValue().grad());
        }
        Reference.assertClose("grad input", Reference.sequence(grads.get("input")), g.dInputs());
        Matrix[] dh0 = Reference.sequence(grads.get("h0"));
        Matrix[] dc0 = lstm ? Reference.sequence(grads.get("c0")) : null;
        for (int i = 0; i < dh0.length; i++) {
            Reference.assertClose("grad h0 [" + i + "]", dh0[i], g.dInitial()[i].h());
            if (lstm) {
                Reference.assertClose("grad c0 [" + i + "]", dc0[i], g.dInitial()[i].c());
            }
        }
    }
}
