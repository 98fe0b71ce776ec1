package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The helper thread that takes half of a product: failures come back to the caller, and callers don't mix. */
class SecondCoreTest {

    @Test
    void aFailureOnTheHelperIsThrownToTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecondCore.run(() -> { }, () -> {
                    throw boom;
                }));
        assertSame(boom, e);
        int[] ran = new int[2];
        SecondCore.run(() -> ran[0]++, () -> ran[1]++);   // and it still works afterwards
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    /** A failure on the calling side still waits for the helper's half, so no half-done product is left behind. */
    @Test
    void aFailureOnTheCallerWaitsForTheHelper() {
        java.util.concurrent.atomic.AtomicInteger helperDone = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(ArithmeticException.class, () -> SecondCore.run(() -> {
            throw new ArithmeticException("mine");
        }, () -> {
            long until = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            helperDone.incrementAndGet();
        }));
        assertEquals(1, helperDone.get(), "run returned before the helper finished its half");
    }

    @Test
    void theHelperWakesAfterParking() throws InterruptedException {
        Thread.sleep(5 * SecondCore.SPIN_NANOS / 1_000_000 + 5);   // long enough for the helper to park
        int[] ran = new int[2];
        SecondCore.run(() -> ran[0]++, () -> ran[1]++);
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    /**
     * A lost wake-up (the helper parked, the unpark never arrives) is not a caller spinning forever, nor an error:
     * after the take time-out the caller computes the untaken half itself, that half never runs a second time on the
     * helper, and the next product uses the helper again.
     */
    @Test
    void aLostWakeUpCostsTimeNotTheProduct() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!SecondCore.isParked()) {   // the helper parks SPIN_NANOS after its last work
            assertTrue(System.nanoTime() < deadline, "the helper never parked");
            Thread.onSpinWait();
        }
        int[] ran = new int[3];
        Thread[] ranOn = new Thread[1];
        long lateBefore = SecondCore.lateHalves();
        SecondCore.takeTimeoutNanos = 50_000_000;
        SecondCore.loseNextWakeUp = true;
        try {
            SecondCore.run(() -> ran[0]++, () -> {
                ran[1]++;
                ranOn[0] = Thread.currentThread();
            });
        } finally {
            SecondCore.takeTimeoutNanos = SecondCore.TAKE_TIMEOUT_NANOS;
            SecondCore.loseNextWakeUp = false;
        }
        assertArrayEquals(new int[] {1, 1, 0}, ran, "both halves ran, once each");
        assertEquals(Thread.currentThread(), ranOn[0], "the untaken half ran on the caller");
        assertEquals(lateBefore + 1, SecondCore.lateHalves());
        SecondCore.run(() -> { }, () -> ran[2]++);
        assertArrayEquals(new int[] {1, 1, 1}, ran, "the taken-back half ran again, or the next one did not run");
    }

    /** Four threads multiplying at once (only one can hold the helper) each get their own right answer. */
    @Test
    void concurrentCallersEachGetTheirOwnProduct() throws Exception {
        Random rng = new Random(9);
        int m = 64;
        int k = 96;
        int n = 80;
        List<Matrix[]> jobs = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            Matrix a = Matrix.zeros(m, k);
            Matrix b = Matrix.zeros(k, n);
            for (int i = 0; i < a.size(); i++) {
                a.data()[i] = rng.nextDouble();
            }
            for (int i = 0; i < b.size(); i++) {
                b.data()[i] = rng.nextDouble();
            }
            Matrix expected = Matrix.zeros(m, n);
            Gemm.scalar(false, false, a.data(), b.data(), expected.data(), m, k, n);
            jobs.add(new Matrix[] {a, b, expected});
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Matrix[] job : jobs) {
                done.add(pool.submit(() -> {
                    for (int rep = 0; rep < 300; rep++) {
                        Matrix c = job[0].matmul(job[1]);
                        for (int i = 0; i < c.size(); i++) {
                            assertEquals(job[2].data()[i], c.data()[i], 1e-12 * Math.abs(job[2].data()[i]));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
