package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.Parameter;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;

/**
 * {@link Clip#gradNorm} against PyTorch's {@code clip_grad_norm_}: the total norm it returns and the gradients
 * after clipping, for a max norm below the total (clipped) and above it (left alone).
 */
class ClipParityTest {
    private static final JsonObject DOCUMENT = Reference.load("rnn.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorchClipGradNorm() {
        return Reference.cases(DOCUMENT, "clip_grad_norm").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    private static void check(JsonObject c) {
        JsonObject grads = c.getAsJsonObject("grads");
        List<Parameter> params = new ArrayList<>();
        for (String name : grads.keySet()) {
            Matrix g = Reference.matrix(grads.get(name));
            params.add(new Parameter(name, Matrix.zeros(g.rows(), g.cols()), g));
        }
        double total = Clip.gradNorm(params, c.get("max_norm").getAsDouble());
        Reference.assertClose("total norm", c.get("total_norm").getAsDouble(), total);
        JsonObject clipped = c.getAsJsonObject("clipped");
        assertEquals(grads.keySet(), clipped.keySet());
        for (Parameter p : params) {
            Reference.assertClose("clipped " + p.name(), Reference.matrix(clipped.get(p.name())), p.grad());
        }
    }
}
