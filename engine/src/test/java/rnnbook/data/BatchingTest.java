package rnnbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

class BatchingTest {

    /** Ids 100..120 (21 ids), 2 lanes of (21 - 1) / 2 = 10, windows of 4: lengths 4, 4, 2. */
    @Test
    void languageModelWindowsFollowTheLanes() {
        int[] ids = new int[21];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 100 + i;
        }
        LanguageModelBatches lm = new LanguageModelBatches(ids, 4, 2);
        assertEquals(10, lm.laneLength());
        assertEquals(3, lm.windowCount());
        LanguageModelBatches.Window w0 = lm.window(0);
        // lane 0 starts at id 100, lane 1 at id 110
        assertArrayEquals(new int[]{100, 110}, w0.inputs()[0]);
        assertArrayEquals(new int[]{103, 113}, w0.inputs()[3]);
        assertArrayEquals(new int[]{101, 111}, w0.targets()[0]);
        assertArrayEquals(new int[]{101, 111, 102, 112, 103, 113, 104, 114}, w0.flatTargets());
        LanguageModelBatches.Window w1 = lm.window(1);
        assertArrayEquals(new int[]{104, 114}, w1.inputs()[0], "window 1 continues where window 0 stopped");
        LanguageModelBatches.Window w2 = lm.window(2);
        assertEquals(2, w2.length());
        assertArrayEquals(new int[]{109, 119}, w2.inputs()[1]);
        assertArrayEquals(new int[]{110, 120}, w2.targets()[1], "the very last id is a target");
    }

    @Test
    void oneHotInputsMatchIds() {
        LanguageModelBatches lm = new LanguageModelBatches(new int[]{0, 2, 1, 3, 0}, 2, 2);
        Matrix[] xs = lm.window(0).oneHotInputs(4);
        assertEquals(2, xs.length);
        assertArrayEquals(new double[]{1, 0, 0, 0, 0, 1, 0, 0}, xs[0].data());   // ids 0 and 1
        assertArrayEquals(new double[]{0, 0, 1, 0, 0, 0, 0, 1}, xs[1].data());   // ids 2 and 3
    }

    @Test
    void tooShortStreamIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LanguageModelBatches(new int[]{1, 2}, 4, 3));
        assertEquals("a stream of 2 ids is too short for 3 lanes: need at least 4", e.getMessage());
    }

    @Test
    void shuffledBatchesCoverEveryExampleOnceAndRepeatWithTheSeed() {
        List<int[]> batches = Batches.shuffledIndices(10, 4, new Random(7));
        assertEquals(3, batches.size());
        assertEquals(2, batches.get(2).length);
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
        List<int[]> again = Batches.shuffledIndices(10, 4, new Random(7));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(batches.get(i), again.get(i));
        }
        int[] flat = batches.stream().flatMapToInt(Arrays::stream).toArray();
        assertNotEquals(Arrays.toString(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), Arrays.toString(flat),
                "the order is shuffled");
        List<List<String>> words = Batches.shuffled(List.of("a", "b", "c"), 2, new Random(1));
        assertEquals(3, words.get(0).size() + words.get(1).size());
    }
}
