package rnnbook.parity;

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
import rnnbook.nn.Cell;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Matrix;

/**
 * {@link Recurrent} over rows of different lengths against PyTorch's packed sequences ({@code pack_padded_sequence}
 * with unsorted lengths, {@code pad_packed_sequence} back): outputs zero past a row's length, h_n (c_n) the state at
 * each row's last step, and the gradients of every parameter, of the padded input, of h0 and c0, for
 * L = Σ output ⊙ R + Σ h_n ⊙ S (+ Σ c_n ⊙ U) with R nonzero at padded steps. Both roads are checked: the fast one
 * the vanilla, LSTM and GRU cells take, and the step-by-step one every other cell takes (the same cell, hidden
 * behind a plain {@link Cell}).
 */
@Timeout(60)
class LengthsParityTest {
    private static final JsonObject DOCUMENT = Reference.load("lengths.json");

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return Reference.cases(DOCUMENT, "lengths").stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.get("name").getAsString() + " fast road", () -> check(c, false)),
                DynamicTest.dynamicTest(c.get("name").getAsString() + " step by step", () -> check(c, true))));
    }

    @Test
    void referenceCoversTheThreeCells() {
        assertEquals(3, Reference.cases(DOCUMENT, "lengths").stream().map(c -> c.get("kind").getAsString())
                .distinct().count());
    }

    @Test
    void lengthsOutsideTheSequenceAreRefusedByRow() {
        Recurrent rnn = new Recurrent(new RnnCell(2, 3, new Random(1)));
        Matrix[] xs = {Matrix.zeros(2, 2), Matrix.zeros(2, 2)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rnn.forward(xs, null, new int[] {2, 3}));
        assertEquals("Recurrent lengths: row 1 has length 3, outside [1, 2] for a sequence of 2 steps",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rnn.forward(xs, null, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> rnn.forward(xs, null, new int[] {0, 1}));
    }

    private static void check(JsonObject c, boolean stepByStep) {
        String kind = c.get("kind").getAsString();
        boolean lstm = kind.equals("lstm");
        int input = c.get("input_size").getAsInt();
        int hidden = c.get("hidden_size").getAsInt();
        Random seeded = new Random(0);   // overwritten by PyTorch's weights, by name
        Cell cell = switch (kind) {
            case "rnn" -> new RnnCell(input, hidden, seeded);
            case "lstm" -> new LstmCell(input, hidden, seeded);
            default -> new GruCell(input, hidden, seeded);
        };
        Recurrent rnn = new Recurrent(stepByStep ? plain(cell) : cell);
        Reference.loadParameters(rnn, c.getAsJsonObject("parameters"));
        int[] lengths = Reference.ints(c.get("lengths"));

        Matrix[] xs = Reference.sequence(c.get("input"));
        State h0 = new State(Reference.sequence(c.get("h0"))[0], lstm ? Reference.sequence(c.get("c0"))[0] : null);
        Recurrent.Output out = rnn.forward(xs, h0, lengths);
        Reference.assertClose("output", Reference.sequence(c.get("output")), out.outputs());
        Reference.assertClose("h_n", Reference.sequence(c.get("h_n"))[0], out.last().h());
        if (lstm) {
            Reference.assertClose("c_n", Reference.sequence(c.get("c_n"))[0], out.last().c());
        }

        Matrix[] r = Reference.sequence(c.get("R"));
        Matrix s = Reference.sequence(c.get("S"))[0];
        Matrix u = lstm ? Reference.sequence(c.get("U"))[0] : null;
        rnn.zeroGrad();
        rnn.forward(xs);   // a later forward pass must not change what backward(out, ...) differentiates
        Recurrent.Gradients g = rnn.backward(out, r, new State(s, u));

        JsonObject grads = c.getAsJsonObject("grad");
        for (Map.Entry<String, Parameter> e : rnn.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())), e.getValue().grad());
        }
        Reference.assertClose("grad input", Reference.sequence(grads.get("input")), g.dInputs());
        Reference.assertClose("grad h0", Reference.sequence(grads.get("h0"))[0], g.dInitial().h());
        if (lstm) {
            Reference.assertClose("grad c0", Reference.sequence(grads.get("c0"))[0], g.dInitial().c());
        }
    }

    /** The same cell seen only as a {@link Cell}, so that {@link Recurrent} unrolls it one step at a time. */
    private static Cell plain(Cell cell) {
        return new Cell() {
            @Override
            public int inputSize() {
                return cell.inputSize();
            }

            @Override
            public int hiddenSize() {
                return cell.hiddenSize();
            }

            @Override
            public boolean hasCellState() {
                return cell.hasCellState();
            }

            @Override
            public Step forward(Matrix x, State prev) {
                return cell.forward(x, prev);
            }

            @Override
            public StepGrad backward(Step step, State dState) {
                return cell.backward(step, dState);
            }

            @Override
            public Map<String, Parameter> namedParameters() {
                return cell.namedParameters();
            }
        };
    }
}
