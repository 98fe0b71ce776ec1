package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/**
 * Public checks of edit-distance (worked by hand): {@code ./book check edit-distance}, Maven or an IDE.
 * Letters stand for token ids: K AE T is {1, 2, 3}.
 */
@Timeout(5)
class EditDistanceCheck {

    @Test
    @DisplayName("an empty sequence: as many edits as the other is long")
    void empty() {
        Expect.equal("distance([], [1, 2, 3])", 3, EditDistance.distance(new int[0], new int[] {1, 2, 3}),
                "D[0][j] = j: three insertions");
        Expect.equal("distance([4, 5], [])", 2, EditDistance.distance(new int[] {4, 5}, new int[0]),
                "D[i][0] = i: two deletions");
    }

    @Test
    @DisplayName("K AE T against K AE B: one substitution; K AE against K AE T: one insertion")
    void oneEdit() {
        Expect.equal("distance(K AE T, K AE B)", 1, EditDistance.distance(new int[] {1, 2, 3}, new int[] {1, 2, 4}),
                "one substitution costs 1");
        Expect.equal("distance(K AE, K AE T)", 1, EditDistance.distance(new int[] {1, 2}, new int[] {1, 2, 3}),
                "one insertion costs 1");
    }

    @Test
    @DisplayName("kitten to sitting takes three edits, flaw to lawn two")
    void classics() {
        Expect.equal("distance(kitten, sitting)", 3,
                EditDistance.distance("kitten".chars().toArray(), "sitting".chars().toArray()),
                "k->s, e->i, insert g");
        Expect.equal("distance(flaw, lawn)", 2,
                EditDistance.distance("flaw".chars().toArray(), "lawn".chars().toArray()),
                "delete f, insert n: cheaper than four substitutions");
    }

    @Test
    @DisplayName("phoneme error rate: 1 substitution + 1 deletion over 3 + 2 reference phonemes = 0.4")
    void rate() {
        int[][] predicted = {{1, 2, 4}, {5}};
        int[][] reference = {{1, 2, 3}, {5, 6}};
        Expect.near("phoneme error rate", 0.4, EditDistance.phonemeErrorRate(predicted, reference), 1e-12,
                "sum the distances (1 + 1) and divide by the total reference length (3 + 2), not the mean per word");
    }
}
