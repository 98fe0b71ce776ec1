package rnnbook.parity;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.tensor.Matrix;

/**
 * {@link SoftmaxCrossEntropy} against PyTorch's {@code CrossEntropyLoss}: mean, sum and none, rows with
 * ignore_index -100, and logits of magnitude 300 (where a naive softmax overflows).
 */
class CrossEntropyParityTest {
    @TestFactory
    Stream<DynamicTest> matchesPyTorchCrossEntropy() {
        return Stream.of("rnn.json", "api.json").flatMap(file -> Reference.cases(Reference.load(file),
                "cross_entropy").stream().map(c -> DynamicTest.dynamicTest(file + " " + c.get("name").getAsString(),
                () -> check(c))));
    }

    private static void check(JsonObject c) {
        Reduction reduction = switch (c.get("reduction").getAsString()) {
            case "mean" -> Reduction.MEAN;
            case "sum" -> Reduction.SUM;
            case "none" -> Reduction.NONE;
            default -> throw new IllegalArgumentException("unknown reduction in " + c.get("name"));
        };
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(reduction, c.get("ignore_index").getAsInt());
        Matrix logits = Reference.matrix(c.get("logits"));
        int[] targets = Reference.ints(c.get("targets"));
        SoftmaxCrossEntropy.Pass pass = loss.forwardPass(logits, targets);
        if (reduction == Reduction.NONE) {   // one loss per row; the gradient of Σ_i upstream_i loss_i
            Reference.assertClose("losses", Reference.matrix(c.get("loss")), Matrix.row(pass.losses()));
            double[] upstream = Reference.vector(c.getAsJsonArray("upstream"));
            Reference.assertClose("dL/dlogits", Reference.matrix(c.get("grad")), loss.backward(pass, upstream));
            return;
        }
        Reference.assertClose("loss", c.get("loss").getAsDouble(), pass.loss());
        Reference.assertClose("dL/dlogits", Reference.matrix(c.get("grad")), loss.backward(pass));
        Reference.assertClose("loss by forward", c.get("loss").getAsDouble(), loss.forward(logits, targets));
    }
}
