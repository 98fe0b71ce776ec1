package rnnbook.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.data.Labelled;
import rnnbook.data.Tasks;
import rnnbook.loss.Mse;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;
import rnnbook.train.Trainer;
import rnnbook.train.TrainingDivergedException;

/**
 * The many-to-one and many-to-many models: their parameter paths, and training through {@link Trainer} that
 * equals, bit for bit, the same updates written out by hand from the layers (independent code: no Trainer, no
 * model methods but the forward pass).
 */
class ModelsTest {

    private static ManyToOne classifier() {
        return new ManyToOne(new RnnCell(1, 6, new Random(3)), new Dense(6, 2, new Random(4)));
    }

    @Test
    void partsNameTheParameters() {
        assertEquals(List.of("rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                "head.weight", "head.bias"), List.copyOf(classifier().namedParameters().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ManyToMany(new RnnCell(1, 6, new Random(0)), new Dense(5, 1, new Random(0))));
        assertTrue(e.getMessage().contains("reads 5 features but the cell's hidden size is 6"), e.getMessage());
    }

    /** An epoch through the Trainer (with clipping) equals the loop written by hand, and returns the mean loss. */
    @Test
    void anEpochIsTheHandWrittenLoop() {
        Labelled data = Tasks.risingOrFalling(50, 8, new Random(1));   // 50 = 3 batches of 16 and one of 2
        ManyToOne model = classifier();
        double mean = model.trainEpoch(data, 16, new Adam(model.parameters(), 0.01), 0.5);

        ManyToOne byHand = classifier();
        Recurrent rnn = byHand.rnn();
        Dense head = byHand.head();
        Adam adam = new Adam(byHand.parameters(), 0.01);
        double total = 0;
        int batches = 0;
        for (int from = 0; from < data.size(); from += 16) {
            Labelled b = data.slice(from, Math.min(data.size(), from + 16));
            adam.zeroGrad();
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            total += ce.forward(head.forward(rnn.forward(b.xs()).last().h()), b.labels());
            rnn.backward(null, State.of(head.backward(ce.backward())));
            Clip.gradNorm(byHand.parameters(), 0.5);
            adam.step();
            batches++;
        }
        assertEquals(4, batches);
        assertEquals(total / batches, mean, 0.0);
        List<Parameter> a = model.parameters();
        List<Parameter> b = byHand.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).value().data(), a.get(i).value().data(), 0.0, a.get(i).path());
        }
    }

    /**
     * forward A, forward B, backward A gives A's gradients bit for bit (the pass is the record), and the deprecated
     * one-argument backward still follows the last logits call, which an accuracy evaluation no longer replaces.
     */
    @Test
    void aSecondForwardDoesNotChangeTheFirstBackward() {
        Labelled a = Tasks.risingOrFalling(6, 8, new Random(11));
        Labelled b = Tasks.risingOrFalling(6, 5, new Random(12));   // same batch, other length
        Matrix dLogits = Matrix.filled(6, 2, 0.25);
        ManyToOne alone = classifier();
        alone.backward(alone.forward(a.xs()), dLogits);
        ManyToOne interleaved = classifier();
        ManyToOne.Pass passA = interleaved.forward(a.xs());
        interleaved.forward(b.xs());
        interleaved.backward(passA, dLogits);
        ManyToOne legacy = classifier();
        legacy.logits(a.xs());
        legacy.accuracy(b);
        backwardDeprecated(legacy, dLogits);
        for (String path : alone.namedParameters().keySet()) {
            double[] want = alone.parameter(path).grad().data();
            assertTrue(alone.parameter(path).grad().maxAbs() > 0, path);
            assertArrayEquals(want, interleaved.parameter(path).grad().data(), 0.0, path);
            assertArrayEquals(want, legacy.parameter(path).grad().data(), 0.0, path);
        }
        assertThrows(IllegalStateException.class, () -> backwardDeprecated(classifier(), dLogits));
    }

    @SuppressWarnings("deprecation")
    private static void backwardDeprecated(ManyToOne model, Matrix dLogits) {
        model.backward(dLogits);
    }

    /** Steps are numbered on across trainStep calls, so a diverged step is named by its number. */
    @Test
    void trainStepGoesThroughTheTrainer() {
        ManyToMany model = new ManyToMany(new RnnCell(1, 4, new Random(5)), new Dense(4, 1, new Random(6)));
        ManyToMany byHand = new ManyToMany(new RnnCell(1, 4, new Random(5)), new Dense(4, 1, new Random(6)));
        Sgd sgd = new Sgd(model.parameters(), 0.1);
        Sgd sgdByHand = new Sgd(byHand.parameters(), 0.1);
        Random rng = new Random(7);
        for (int i = 0; i < 2; i++) {
            Matrix[][] batch = Tasks.delay(4, 5, rng);
            double loss = model.trainStep(batch[0], batch[1], sgd);
            sgdByHand.zeroGrad();
            Mse mse = new Mse();
            double expected = mse.forward(byHand.head().forward(Sequences.stack(byHand.rnn().forward(batch[0])
                    .outputs())), Sequences.stack(batch[1]));
            byHand.rnn().backward(Sequences.split(byHand.head().backward(mse.backward()), 5), null);
            sgdByHand.step();
            assertEquals(expected, loss, 0.0);
        }
        assertArrayEquals(byHand.head().weight().value().data(), model.head().weight().value().data(), 0.0);
        Matrix[][] bad = Tasks.delay(4, 5, rng);
        bad[1][2].set(1, 0, Double.NaN);   // a NaN target: the loss is NaN
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> model.trainStep(bad[0], bad[1], sgd));
        assertTrue(e.getMessage().contains("step 3"), e.getMessage());
    }

    @Test
    void tasksAreWhatTheySay() {
        Matrix[][] d = Tasks.delay(3, 6, 2, new Random(1));
        assertEquals(0.0, d[1][1].maxAbs(), 0.0);
        assertArrayEquals(d[0][3].data(), d[1][5].data(), 0.0);
        Labelled r = Tasks.rememberFirst(5, 3, 4, 2, new Random(2));
        assertEquals(5, r.length());
        assertArrayEquals(r.labels(), r.xs()[0].argmaxRows(), "the label is the first symbol");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tasks.delay(3, 0, new Random(0)))
                .getMessage().contains("length must be at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tasks.rememberFirst(3, -1, 4, 2,
                new Random(0))).getMessage().contains("gap"));
    }
}
