package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.Parameter;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;

/**
 * {@link Clip#gradNorm} against PyTorch's {@code clip_grad_norm_}: the total norm it returns and the gradients
 * after clipping, for a max norm below the total (clipped), above it (left alone), equal to it and just above it
 * (scaled: PyTorch's coefficient max_norm / (total + 1e-6) clamped to 1, always applied).
 */
class ClipParityTest {
    @TestFactory
    Stream<DynamicTest> matchesPyTorchClipGradNorm() {
        return Stream.of("rnn.json", "api.json").flatMap(file -> Reference.cases(Reference.load(file),
                "clip_grad_norm").stream().map(c -> DynamicTest.dynamicTest(file + " " + c.get("name").getAsString(),
                () -> check(c))));
    }

    /**
     * PyTorch's rule is always applied: a total of exactly max_norm is still scaled, by 5 / (5 + 1e-6). The
     * reference has that case (api.json); the check here is that it is really there and really scaled.
     */
    @Test
    void aTotalOfExactlyMaxNormIsScaledAsInPyTorch() {
        JsonObject c = Reference.cases(Reference.load("api.json"), "clip_grad_norm").stream()
                .filter(x -> x.get("name").getAsString().equals("total_exactly_max_norm")).findFirst().orElseThrow();
        assertEquals(c.get("max_norm").getAsDouble(), c.get("total_norm").getAsDouble(), 0.0);
        double scaled = Reference.matrix(c.getAsJsonObject("clipped").get("bias")).get(0, 0);
        assertEquals(-3.0 * 5 / (5 + 1e-6), scaled, 1e-15);
        check(c);
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
