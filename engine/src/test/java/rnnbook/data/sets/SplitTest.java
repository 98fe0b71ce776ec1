package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SplitTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    @Test
    void aShuffledSplitIsAPartitionFixedByItsSeed() {
        Split<Integer> a = Split.shuffled(HUNDRED, 42, 0.8, 0.1);
        assertEquals(80, a.train().size());
        assertEquals(10, a.validation().size());
        assertEquals(10, a.test().size());
        List<Integer> together = new ArrayList<>(a.train());
        together.addAll(a.validation());
        together.addAll(a.test());
        assertEquals(100, new HashSet<>(together).size(), "every item once");
        assertEquals(a, Split.shuffled(HUNDRED, 42, 0.8, 0.1), "same seed, same split");
        assertNotEquals(a.test(), Split.shuffled(HUNDRED, 43, 0.8, 0.1).test(), "another seed, another split");
        assertNotEquals(HUNDRED.subList(0, 80), a.train(), "shuffled, not cut in order");
    }

    @Test
    void roundingGivesTheTestSplitTheRest() {
        // 7 items at 0.5 / 0.25: round(3.5) = 4 train, round(1.75) = 2 validation, 1 test
        Split<Integer> s = Split.chronological(HUNDRED.subList(0, 7), 0.5, 0.25);
        assertEquals(List.of(0, 1, 2, 3), s.train());
        assertEquals(List.of(4, 5), s.validation());
        assertEquals(List.of(6), s.test());
    }

    @Test
    void noValidationSplitOnlyWhenAskedFor() {
        Split<Integer> s = Split.shuffled(HUNDRED.subList(0, 10), 1, 0.8, 0);
        assertTrue(s.validation().isEmpty());
        assertEquals(2, s.test().size());
    }

    @Test
    void anEmptySplitIsAnError() {
        // 3 items at 0.6 / 0.3: 2 train, 1 validation, 0 test
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.shuffled(HUNDRED.subList(0, 3), 1, 0.6, 0.3));
        assertTrue(e.getMessage().startsWith("empty split: 3 items give train 2, validation 1, test 0"),
                e.getMessage());
        // 10 items, validation 0.01 rounds to none although one was asked for
        assertThrows(IllegalArgumentException.class, () -> Split.chronological(HUNDRED.subList(0, 10), 0.8, 0.01));
        assertThrows(IllegalArgumentException.class, () -> Split.chronological(HUNDRED, 0.9, 0.1));
    }
}
