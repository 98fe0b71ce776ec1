package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/**
 * Hidden tests of edit-distance. Each runs the submission on seeded sequences and records what it returned; the
 * grader compares that with what the same test recorded against the reference solution.
 */
@Timeout(5)
class EditDistanceGraded {
    private static int[] random(Random rng, int length, int vocab) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = rng.nextInt(vocab);
        }
        return out;
    }

    @Test
    @DisplayName("distances to and from empty sequences")
    @Points(1)
    @Hint("the first row and column of the table: D[i][0] = i, D[0][j] = j")
    void a_empty() {
        Record.value("distance([], length 7)", EditDistance.distance(new int[0], random(new Random(121), 7, 5)));
        Record.value("distance(length 4, [])", EditDistance.distance(random(new Random(122), 4, 5), new int[0]));
    }

    @Test
    @DisplayName("distances between equal-length sequences, where substitutions dominate")
    @Points(2)
    @Hint("a substitution costs 1 only when the tokens differ")
    void b_sameLength() {
        Random rng = new Random(123);
        int[] distances = new int[20];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = EditDistance.distance(random(rng, 6, 4), random(rng, 6, 4));
        }
        Record.value("20 distances between sequences of 6", distances);
    }

    @Test
    @DisplayName("distances between sequences of different lengths, where insertions and deletions matter")
    @Points(3)
    @Hint("take the minimum of all three moves: delete (from above), insert (from the left), keep or substitute")
    void c_differentLengths() {
        Random rng = new Random(124);
        int[] distances = new int[30];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = EditDistance.distance(random(rng, 1 + rng.nextInt(9), 3), random(rng, 1 + rng.nextInt(9), 3));
        }
        Record.value("30 distances between sequences of 1 to 9", distances);
    }

    @Test
    @DisplayName("the phoneme error rate of 50 predicted pronunciations")
    @Points(3)
    @Hint("total edits over total reference phonemes: longer words weigh more than in a mean of per-word rates")
    void d_rate() {
        Random rng = new Random(125);
        int[][] predicted = new int[50][];
        int[][] reference = new int[50][];
        for (int w = 0; w < 50; w++) {
            reference[w] = random(rng, 2 + rng.nextInt(9), 6);
            predicted[w] = random(rng, 1 + rng.nextInt(10), 6);
        }
        Record.value("phoneme error rate", EditDistance.phonemeErrorRate(predicted, reference));
    }
}
