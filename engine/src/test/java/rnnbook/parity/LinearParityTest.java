package rnnbook.parity;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * {@link Dense} against PyTorch's {@code nn.Linear}, with and without bias: the output and the gradients of every
 * parameter and of the input for L = Σ y ⊙ R. A bias-free layer must have exactly PyTorch's parameters (weight
 * only), which loading by name checks.
 */
class LinearParityTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorchLinear() {
        return Reference.cases(Reference.load("api.json"), "linear").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    private static void check(JsonObject c) {
        Dense dense = new Dense(c.get("input_size").getAsInt(), c.get("output_size").getAsInt(),
                c.get("bias").getAsBoolean(), new Random(0));   // weights overwritten by PyTorch's, by name
        Reference.loadParameters(dense, c.getAsJsonObject("parameters"));
        Matrix x = Reference.matrix(c.get("input"));
        Matrix y = dense.forward(x);
        Reference.assertClose("output", Reference.matrix(c.get("output")), y);
        dense.zeroGrad();
        Matrix dx = dense.backward(Reference.matrix(c.get("R")));
        JsonObject grads = c.getAsJsonObject("grad");
        for (Map.Entry<String, Parameter> e : dense.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())), e.getValue().grad());
        }
        Reference.assertClose("grad input", Reference.matrix(grads.get("input")), dx);
    }
}
