package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnbook.tensor.Matrix;

/**
 * A forward pass's {@code Output} is what its backward differentiates: running another forward pass in between
 * (an evaluation, a decoding pass on other data) changes no gradient. Checked for {@link Recurrent},
 * {@link Bidirectional} and {@link Stacked}, against the same backward run right after its own forward.
 */
@Timeout(60)
class KeptPassTest {

    private static List<double[]> grads(Module m) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            out.add(p.grad().data().clone());
        }
        return out;
    }

    private static void sameGrads(List<double[]> expected, Module m, String what) {
        List<double[]> actual = grads(m);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + " gradient " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"recurrent", "bidirectional", "stacked"})
    void aLaterForwardPassDoesNotChangeWhatBackwardDifferentiates(String kind) {
        Random rng = new Random(5);
        Matrix[] xs = Fixtures.sequence(6, 3, 4, rng);
        Matrix[] other = Fixtures.sequence(4, 2, 4, rng);   // another length and batch: a stale pass would show
        Matrix[] dOut = Fixtures.sequence(6, 3, kind.equals("bidirectional") ? 10 : 5, rng);
        Function<Random, Module> make = switch (kind) {
            case "recurrent" -> r -> new Recurrent(new LstmCell(4, 5, r));
            case "bidirectional" -> r -> new Bidirectional(new GruCell(4, 5, r), new GruCell(4, 5, r));
            default -> r -> Stacked.lstm(4, 5, 2, 0.0, false, r);
        };

        Module direct = make.apply(new Random(9));
        Module kept = make.apply(new Random(9));
        Matrix[] dx;
        Matrix[] dxKept;
        if (direct instanceof Recurrent a && kept instanceof Recurrent b) {
            dx = a.backward(a.forward(xs), dOut, null).dInputs();
            Recurrent.Output pass = b.forward(xs);
            b.forward(other);
            dxKept = b.backward(pass, dOut, null).dInputs();
        } else if (direct instanceof Bidirectional a && kept instanceof Bidirectional b) {
            dx = a.backward(a.forward(xs), dOut, null, null).dInputs();
            Bidirectional.Output pass = b.forward(xs);
            b.forward(other);
            dxKept = b.backward(pass, dOut, null, null).dInputs();
        } else {
            Stacked a = (Stacked) direct;
            Stacked b = (Stacked) kept;
            dx = a.backward(a.forward(xs), dOut, null).dInputs();
            Stacked.Output pass = b.forward(xs);
            b.forward(other);
            dxKept = b.backward(pass, dOut, null).dInputs();
        }
        sameGrads(grads(direct), kept, kind);
        for (int t = 0; t < xs.length; t++) {
            assertArrayEquals(dx[t].data(), dxKept[t].data(), kind + " dx at step " + t);
        }
    }
}
