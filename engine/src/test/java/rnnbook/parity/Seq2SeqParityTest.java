package rnnbook.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Parameter;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.seq2seq.Seq2Seq;
import rnnbook.tensor.Matrix;

/**
 * One teacher-forced training step of {@link Seq2Seq} against PyTorch (make_reference_seq2seq.py: packed encoder,
 * decoder from its final state, masked additive or dot attention, Linear read-out, mean cross-entropy ignoring
 * padding): the loss, the attention weights of every step and the gradient of every parameter, loaded and compared
 * by path. Ragged sources and targets (one empty) make the padding count.
 */
class Seq2SeqParityTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorchEncoderDecoder() {
        return Reference.cases(Reference.load("seq2seq.json"), "seq2seq").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
    }

    private static void check(JsonObject c) {
        CellFactory cell = switch (c.get("cell").getAsString()) {
            case "lstm" -> LstmCell::new;
            case "gru" -> GruCell::new;
            case "rnn" -> RnnCell::new;
            default -> throw new IllegalArgumentException(c.get("cell").getAsString());
        };
        Seq2Seq.AttentionKind kind = Seq2Seq.AttentionKind.valueOf(c.get("attention").getAsString().toUpperCase());
        JsonObject t = c.getAsJsonObject("tokens");
        int vocab = c.get("vocab").getAsInt();
        Seq2Seq model = new Seq2Seq(vocab, vocab, c.get("embed").getAsInt(), c.get("hidden").getAsInt(), cell, kind,
                new Seq2Seq.Tokens(t.get("pad").getAsInt(), t.get("bos").getAsInt(), t.get("eos").getAsInt()),
                new Random(0));   // weights overwritten by PyTorch's, by path
        Reference.loadParameters(model, c.getAsJsonObject("parameters"));
        int[][] sources = ragged(c.getAsJsonArray("sources"));
        int[][] targets = ragged(c.getAsJsonArray("targets"));

        model.zeroGrad();
        Seq2Seq.Pass pass = model.forward(sources, targets, 1.0, null);
        model.backward(pass);
        Reference.assertClose("loss", c.get("loss").getAsDouble(), pass.loss());
        List<Matrix> weights = pass.attentionWeights();
        JsonArray expected = c.getAsJsonArray("attention_weights");
        assertEquals(expected.size(), weights.size(), "attention steps");
        for (int s = 0; s < weights.size(); s++) {
            Reference.assertClose("attention weights at step " + s, Reference.matrix(expected.get(s)), weights.get(s));
        }
        JsonObject grads = c.getAsJsonObject("grads");
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Reference.assertClose("grad " + e.getKey(), Reference.matrix(grads.get(e.getKey())), e.getValue().grad());
        }
    }

    private static int[][] ragged(JsonArray rows) {
        int[][] out = new int[rows.size()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = Reference.ints(rows.get(b));
        }
        return out;
    }
}
