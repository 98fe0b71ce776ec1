package rnnbook.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Shuffled mini-batches of independent examples (classification-style data). Each epoch is a fresh permutation
 * drawn from the caller's seeded {@link Random}, so a run repeats exactly; the last batch of an epoch may be
 * smaller.
 */
public final class Batches {
    private Batches() {
    }

    /** A permutation of 0..n-1 cut into batches of {@code batchSize} indices. */
    public static List<int[]> shuffledIndices(int n, int batchSize, Random rng) {
        if (n < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need n >= 0 and batchSize >= 1, got n " + n + ", batchSize "
                    + batchSize);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {   // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int[] batch = new int[Math.min(batchSize, n - start)];
            System.arraycopy(order, start, batch, 0, batch.length);
            out.add(batch);
        }
        return Collections.unmodifiableList(out);
    }

    /** The examples themselves, shuffled and cut into batches. */
    public static <T> List<List<T>> shuffled(List<T> examples, int batchSize, Random rng) {
        List<List<T>> out = new ArrayList<>();
        for (int[] idx : shuffledIndices(examples.size(), batchSize, rng)) {
            List<T> batch = new ArrayList<>(idx.length);
            for (int i : idx) {
                batch.add(examples.get(i));
            }
            out.add(Collections.unmodifiableList(batch));
        }
        return Collections.unmodifiableList(out);
    }
}
