package rnnbook.parity;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.tensor.Matrix;

/**
 * {@link SoftmaxCrossEntropy} against PyTorch's {@code CrossEntropyLoss}: mean and sum, rows with
 * ignore_index -100, and logits of magnitude 300 (where a naive softmax overflows).
 */
class CrossEntropyParityTest {
    private static final JsonObject DOCUMENT = Reference.load("rnn.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorchCrossEntropy() {
        return Reference.cases(DOCUMENT, "cross_entropy").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    private static void check(JsonObject c) {
        Reduction reduction = switch (c.get("reduction").getAsString()) {
            case "mean" -> Reduction.MEAN;
            case "sum" -> Reduction.SUM;
            default -> throw new IllegalArgumentException("unknown reduction in " + c.get("name"));
        };
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(reduction, c.get("ignore_index").getAsInt());
        Matrix logits = Reference.matrix(c.get("logits"));
        double value = loss.forward(logits, Reference.ints(c.get("targets")));
        Reference.assertClose("loss", c.get("loss").getAsDouble(), value);
        Reference.assertClose("dL/dlogits", Reference.matrix(c.get("grad")), loss.backward());
    }
}
