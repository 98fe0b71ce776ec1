package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.io.Parameters;
import rnnbook.nn.Stacked;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * A PyTorch {@code nn.LSTM(3, 4, num_layers=2, bidirectional=True)} state_dict, exported by
 * {@code src/main/python/export_state_dict.py}, loads as is into {@code Stacked.lstm(3, 4, 2, 0, true, rng)}
 * and reproduces PyTorch's outputs and final states to 1e-10.
 */
class StateDictLoadTest {
    private static final JsonObject CASE = Reference.load("state_dict.json").getAsJsonObject("state_dict");

    private static Path file() throws Exception {
        return Path.of(StateDictLoadTest.class.getResource("/reference/" + CASE.get("file").getAsString()).toURI());
    }

    @Test
    void exportedStateDictLoadsAndReproducesPyTorch() throws Exception {
        Stacked lstm = Stacked.lstm(3, 4, 2, 0.0, true, new Random(0));
        List<String> keys = new ArrayList<>();
        for (JsonElement k : CASE.getAsJsonArray("keys")) {
            keys.add(k.getAsString());
        }
        assertEquals(keys, new ArrayList<>(lstm.namedParameters().keySet()), "state_dict keys, in order");

        Parameters.load(file(), lstm);

        Matrix[] h0 = Reference.sequence(CASE.get("h0"));
        Matrix[] c0 = Reference.sequence(CASE.get("c0"));
        State[] initial = new State[h0.length];
        for (int i = 0; i < h0.length; i++) {
            initial[i] = new State(h0[i], c0[i]);
        }
        Stacked.Output out = lstm.eval().forward(Reference.sequence(CASE.get("input")), initial);
        Reference.assertClose("output", Reference.sequence(CASE.get("output")), out.outputs());
        Reference.assertClose("h_n", Reference.sequence(CASE.get("h_n")), out.hN());
        Reference.assertClose("c_n", Reference.sequence(CASE.get("c_n")), out.cN());
    }

    /** The same file does not fit a one-direction stack: the error names what is missing and what is extra. */
    @Test
    void wrongArchitectureIsNamed() throws Exception {
        Stacked oneWay = Stacked.lstm(3, 4, 2, 0.0, false, new Random(0));
        Parameters.MismatchException e = assertThrows(Parameters.MismatchException.class,
                () -> Parameters.load(file(), oneWay));
        assertTrue(e.unexpected().contains("weight_ih_l0_reverse"), e::getMessage);
        assertTrue(e.shapeMismatches().stream().anyMatch(s -> s.contains("weight_ih_l1")), e::getMessage);
    }
}
