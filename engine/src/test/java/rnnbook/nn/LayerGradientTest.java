package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rnnbook.check.GradientCheck;
import rnnbook.loss.Mse;
import rnnbook.loss.Reduction;
import rnnbook.tensor.Matrix;

/** Analytic gradients of the feed-forward layers and of MSE against central differences (relative error < 1e-7). */
class LayerGradientTest {

    /** L = Σ y ⊙ r for a fixed random r, so dL/dy = r reaches every output differently. */
    private static double weighted(Matrix y, Matrix r) {
        return y.mul(r).sum();
    }

    @Test
    void dense() {
        Random rng = new Random(11);
        Dense dense = new Dense(4, 3, rng);
        Matrix x = Init.uniform(5, 4, 1.0, rng);
        Matrix r = Init.uniform(5, 3, 1.0, rng);
        Matrix dx = dense.backward(dense.forwardPass(x), r);
        List<Parameter> checked = new ArrayList<>(dense.parameters());
        checked.add(new Parameter("x", x, dx));
        GradientCheck.Report report = GradientCheck.check(checked, () -> weighted(dense.forward(x), r));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    /** Repeated ids must add their gradients into the same row. */
    @Test
    void embeddingWithRepeatedIds() {
        Random rng = new Random(12);
        Embedding embedding = new Embedding(5, 3, rng);
        int[] ids = {1, 3, 1, 0, 1};
        Matrix r = Init.uniform(ids.length, 3, 1.0, rng);
        embedding.forward(ids);
        embedding.backward(ids, r);
        GradientCheck.Report report = GradientCheck.check(embedding.parameters(),
                () -> weighted(embedding.forward(ids), r));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        // row 2 and row 4 were never looked up: their gradient stays exactly zero
        assertTrue(embedding.weight().grad().rowAt(2).maxAbs() == 0 && embedding.weight().grad().rowAt(4).maxAbs() == 0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationAsALayer(Activation activation) {
        Random rng = new Random(13);
        Layer layer = activation.layer();
        Matrix x = Init.uniform(4, 6, 2.0, rng);
        // keep inputs away from relu's kink at 0, where the derivative is undefined
        x.mapInPlace(v -> Math.abs(v) < 0.1 ? v + Math.copySign(0.2, v) : v);
        Matrix r = Init.uniform(4, 6, 1.0, rng);
        Matrix dx = layer.backward(layer.forwardPass(x), r);
        GradientCheck.Report report = GradientCheck.check(List.of(new Parameter("x", x, dx)),
                () -> weighted(layer.forward(x), r));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Reduction.class, names = {"MEAN", "SUM"})
    void mse(Reduction reduction) {
        Random rng = new Random(14);
        Matrix prediction = Init.uniform(3, 4, 1.0, rng);
        Matrix target = Init.uniform(3, 4, 1.0, rng);
        Mse loss = new Mse(reduction);
        Matrix dPrediction = loss.backward(loss.forwardPass(prediction, target));
        GradientCheck.Report report = GradientCheck.check(List.of(new Parameter("prediction", prediction,
                dPrediction)), () -> new Mse(reduction).forward(prediction, target));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }
}
