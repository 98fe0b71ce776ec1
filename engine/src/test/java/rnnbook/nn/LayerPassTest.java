package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnbook.tensor.Matrix;

/**
 * A layer's {@link Layer.Pass} is what its backward differentiates: later forward passes of the same layer, on other
 * inputs of the same shape (so a layer that kept its last pass would silently use theirs), change neither dx nor
 * any parameter's gradient. Checked for {@link Dense}, {@link ActivationLayer} and a {@link Sequential} of both,
 * against a twin layer whose backward runs right after its own forward.
 */
@Timeout(60)
class LayerPassTest {

    private static List<double[]> grads(Module m) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            out.add(p.grad().data().clone());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense", "tanh", "sequential"})
    void aSecondForwardDoesNotChangeTheFirstBackward(String kind) {
        Function<Random, Layer> make = switch (kind) {
            case "dense" -> r -> new Dense(4, 3, r);
            case "tanh" -> r -> new ActivationLayer(Activation.TANH);
            default -> r -> Sequential.of(new Dense(4, 5, r), Activation.TANH.layer(), new Dense(5, 3, r));
        };
        Random rng = new Random(31);
        Matrix x = Init.uniform(2, 4, 1.0, rng);
        Matrix other = Init.uniform(2, 4, 1.0, rng);
        Matrix dy = Init.uniform(2, kind.equals("tanh") ? 4 : 3, 1.0, rng);

        Layer direct = make.apply(new Random(9));
        Matrix dx = direct.backward(direct.forwardPass(x), dy);

        Layer kept = make.apply(new Random(9));
        Layer.Pass pass = kept.forwardPass(x);
        kept.forwardPass(other);   // both forms of a later pass
        kept.forward(other);
        Matrix dxKept = kept.backward(pass, dy);

        assertArrayEquals(dx.data(), dxKept.data(), kind + " dx");
        List<double[]> expected = grads(direct);
        List<double[]> actual = grads(kept);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), kind + " gradient " + i);
        }
        // the later pass gives other gradients (dx for tanh, dW for dense): a kept last pass would show
        Layer stale = make.apply(new Random(9));
        Matrix dxOther = stale.backward(stale.forwardPass(other), dy);
        boolean weightsDiffer = !expected.isEmpty() && !java.util.Arrays.equals(grads(stale).get(0), expected.get(0));
        assertTrue(dxOther.sub(dx).maxAbs() > 1e-6 || weightsDiffer, kind + ": the check could not fail");
    }

    /** The pass of a sequence holds one pass per layer; a pass of another sequence is refused by name. */
    @Test
    void sequentialPassHoldsEveryLayersPass() {
        Random rng = new Random(3);
        Sequential net = Sequential.of(new Dense(3, 4, rng), Activation.RELU.layer(), new Dense(4, 2, rng));
        Layer.Pass pass = net.forwardPass(Init.uniform(5, 3, 1.0, rng));
        assertTrue(pass.inner().size() == 3 && pass.inner().get(2).y() == pass.y(), "one pass per layer");
        Sequential shorter = Sequential.of(new Dense(3, 2, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shorter.backward(pass, Matrix.zeros(5, 2)));
        assertTrue(e.getMessage().contains("3 layers' passes") && e.getMessage().contains("1 layers"), e.getMessage());
    }
}
