package rnnbook.data.sets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A train / validation / test split. {@link #shuffled} is for independent examples (sentences, names, e-mails): a
 * shuffle keyed by a seed, so the same seed gives the same split on every machine ({@link Random} and
 * {@link Collections#shuffle(List, Random)} are specified exactly). {@link #chronological} is for a time series:
 * no shuffle, the past trains and the future tests.
 *
 * <p>Sizes: {@code round(n * trainFraction)} and {@code round(n * validationFraction)}, the test set gets the
 * rest. A split that comes out empty is an error, except a validation fraction of exactly 0.
 */
public record Split<T>(List<T> train, List<T> validation, List<T> test) {

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** Shuffled with {@code new Random(seed)}, then cut in three. */
    public static <T> Split<T> shuffled(List<T> items, long seed, double trainFraction, double validationFraction) {
        List<T> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(seed));
        return cut(order, trainFraction, validationFraction);
    }

    /** In the given (time) order: the first part trains, the next validates, the last tests. */
    public static <T> Split<T> chronological(List<T> items, double trainFraction, double validationFraction) {
        return cut(items, trainFraction, validationFraction);
    }

    private static <T> Split<T> cut(List<T> items, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException("split fractions train " + trainFraction + ", validation "
                    + validationFraction + ": need train > 0, validation >= 0 and room left for a test split");
        }
        int n = items.size();
        int nTrain = (int) Math.round(n * trainFraction);
        int nValidation = (int) Math.round(n * validationFraction);
        int nTest = n - nTrain - nValidation;
        if (nTrain == 0 || nTest <= 0 || (validationFraction > 0 && nValidation == 0)) {
            throw new IllegalArgumentException("empty split: " + n + " items give train " + nTrain
                    + ", validation " + nValidation + ", test " + Math.max(nTest, 0)
                    + " (fractions " + trainFraction + " / " + validationFraction + "); more items are needed");
        }
        return new Split<>(items.subList(0, nTrain), items.subList(nTrain, nTrain + nValidation),
                items.subList(nTrain + nValidation, n));
    }
}
