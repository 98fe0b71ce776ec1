package rnnbook.chapters.ch10;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import rnnbook.optim.Adam;
import rnnbook.train.Trainer;

/** What the sentiment and the spam experiments share: training the GRU classifier and measuring it. */
public final class Classify {
    private Classify() {
    }

    // tag::train[]
    /**
     * Trains {@code model} on {@code rows} for {@code epochs} passes, in shuffled batches of 32 padded with id 0
     * (Adam 0.005, gradients clipped to norm 1). After each epoch it records the accuracy on {@code test}.
     */
    public static double[] trainGru(TextClassifier model, List<int[]> rows, int[] labels, Padded test, int epochs,
                                    long seed) {
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 0.005)).clipGradNorm(1.0).quiet();
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
        Random rng = new Random(seed);
        double[] heldOut = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, rng);
            int batches = (rows.size() + 31) / 32;
            int before = trainer.stepsDone();
            trainer.fit(batches, step -> {
                List<Integer> picked = order.subList((step.step() - before - 1) * 32,
                        Math.min(rows.size(), (step.step() - before) * 32));
                return model.lossAndBackward(Padded.of(picked.stream().map(rows::get).toList(),
                        picked.stream().mapToInt(i -> labels[i]).toArray(), 0));
            });
            heldOut[epoch] = accuracy(model.predict(test), test.labels());
        }
        return heldOut;
    }

    /** The fraction of predictions equal to their label. */
    public static double accuracy(int[] predicted, int[] labels) {
        if (predicted.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("accuracy: need as many predictions as labels, at least one, got "
                    + predicted.length + " and " + labels.length);
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
    // end::train[]
}
