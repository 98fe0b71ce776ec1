package rnnbook.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

/** Each task's targets recomputed from its inputs alone, the way a reader would check them by hand. */
class SyntheticTasksTest {

    @Test
    void addingTargetIsTheSumOfTheTwoMarkedValues() {
        AddingProblem task = new AddingProblem(20, 1);
        AddingProblem.Batch batch = task.batch(16);
        assertEquals(20, batch.inputs().length);
        for (int b = 0; b < 16; b++) {
            double sum = 0;
            int marks = 0;
            int firstHalf = 0;
            for (int t = 0; t < 20; t++) {
                double value = batch.inputs()[t].get(b, 0);
                double marker = batch.inputs()[t].get(b, 1);
                assertTrue(value >= 0 && value < 1);
                assertTrue(marker == 0 || marker == 1);
                if (marker == 1) {
                    sum += value;
                    marks++;
                    firstHalf += t < 10 ? 1 : 0;
                }
            }
            assertEquals(2, marks);
            assertEquals(1, firstHalf, "one mark in each half");
            assertEquals(sum, batch.target().get(b, 0), 1e-15);
        }
    }

    @Test
    void parityTargetIsTheXorOfTheBitsSoFar() {
        Parity.Batch batch = new Parity(12, 3).batch(8);
        for (int b = 0; b < 8; b++) {
            int ones = 0;
            for (int t = 0; t < 12; t++) {
                double bit = batch.inputs()[t].get(b, 0);
                assertTrue(bit == 0 || bit == 1);
                ones += (int) bit;
                assertEquals(ones % 2, batch.running()[t][b]);
                assertEquals(ones % 2, batch.flatRunning()[t * 8 + b]);
            }
            assertEquals(ones % 2, batch.last()[b]);
        }
    }

    /** 3 symbols to copy, gap 5: 2·3 + 5 + 1 = 12 steps, delimiter at step 8, recall at steps 9, 10, 11. */
    @Test
    void copyMemoryAsksBackTheSymbolsAfterTheDelimiter() {
        CopyMemory task = new CopyMemory(4, 3, 5, 9);
        CopyMemory.Batch batch = task.batch(6);
        assertEquals(12, batch.inputs().length);
        assertEquals(6, batch.inputs()[0].cols(), "blank, 4 symbols, delimiter");
        assertEquals(9, batch.recallStart());
        for (int b = 0; b < 6; b++) {
            int[] seen = new int[12];
            for (int t = 0; t < 12; t++) {
                Matrix row = batch.inputs()[t].rowAt(b);
                assertEquals(1.0, row.sum(), "one-hot");
                seen[t] = row.argmaxRows()[0];
            }
            for (int t = 0; t < 3; t++) {
                assertTrue(seen[t] >= 1 && seen[t] <= 4, "a symbol at step " + t);
                assertEquals(seen[t], batch.targets()[9 + t][b], "recalled in order");
            }
            assertEquals(5, seen[8], "the delimiter");
            for (int t = 0; t < 9; t++) {
                assertEquals(0, batch.targets()[t][b], "blank target before recall");
                assertEquals(-100, batch.recallOnlyTargets()[t * 6 + b]);
            }
            for (int t = 3; t < 12; t++) {
                if (t != 8) {
                    assertEquals(0, seen[t], "blank input at step " + t);
                }
            }
        }
        assertEquals(1.0, batch.recallAccuracy(batch.targets()));
    }

    /** A sine satisfies x_{t+1} + x_{t-1} = 2 cos(ω dt) x_t: the same ratio at every step of an example. */
    @Test
    void sineTargetsAreTheNextValuesOfOneSinusoid() {
        SineWaves.Batch batch = new SineWaves(30, 4).batch(5);
        for (int b = 0; b < 5; b++) {
            for (int t = 0; t + 1 < 30; t++) {
                assertEquals(batch.inputs()[t + 1].get(b, 0), batch.targets()[t].get(b, 0), 1e-12);
            }
            double ratio = Double.NaN;
            for (int t = 1; t + 1 < 30; t++) {
                double x = batch.inputs()[t].get(b, 0);
                if (Math.abs(x) < 0.2) {
                    continue;
                }
                double r = (batch.inputs()[t + 1].get(b, 0) + batch.inputs()[t - 1].get(b, 0)) / (2 * x);
                if (Double.isNaN(ratio)) {
                    ratio = r;
                }
                assertEquals(ratio, r, 1e-9);
            }
            // ω in [0.5, 1.5] with dt = 0.25
            assertTrue(ratio <= Math.cos(0.5 * 0.25) + 1e-12 && ratio >= Math.cos(1.5 * 0.25) - 1e-12);
        }
    }

    @Test
    void tasksRepeatWithTheSeed() {
        assertEquals(new AddingProblem(10, 5).batch(3).target(), new AddingProblem(10, 5).batch(3).target());
        assertEquals(new SineWaves(10, 5).batch(3).inputs()[4], new SineWaves(10, 5).batch(3).inputs()[4]);
    }

    @Test
    void koreanTextKeepsTheLongDependencyExample() {
        String k = Texts.korean();
        int start = k.indexOf("나는 한국 사람이야");
        int end = k.indexOf("나는 한국어를 잘해");
        assertTrue(start >= 0 && end > start + 50, "the clue comes long before the sentence that needs it");
        assertTrue(Texts.english().length() > 2000);
    }
}
