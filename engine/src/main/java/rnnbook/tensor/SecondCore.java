package rnnbook.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread that takes half of a matrix product, so a product uses both cores of a two-core machine.
 *
 * <p>Why not the common fork-join pool: its idle workers sleep, and waking one costs tens of microseconds, as much
 * as a whole step's product h · W_hhᵀ at batch 32 takes. This thread instead keeps polling for a short while
 * ({@link #SPIN_NANOS}) after each piece of work, as OpenMP's threads under OpenBLAS do, so during a training
 * loop, where products come every few microseconds, it is always awake; once work stops it parks and costs
 * nothing. Only one caller at a time can hand work over; a second concurrent caller simply does all of its own
 * work (results are the same either way: the halves are disjoint rows, each computed in a fixed order).
 *
 * <p>The caller's waits are bounded: when the helper has not <em>taken</em> a posted half within
 * {@link #TAKE_TIMEOUT_NANOS} (a lost wake-up, or a helper descheduled on a machine loaded far beyond its cores),
 * the caller takes the half back and computes it itself: the product is the same, only slower, and nothing spins
 * forever. A helper that died is an {@link IllegalStateException}. How long a half takes to <em>compute</em> is
 * not bounded here (a big product may take seconds); a test's time-out covers that.
 */
final class SecondCore {
    private SecondCore() {
    }

    /** How long the helper keeps polling for new work before it parks. */
    static final long SPIN_NANOS = 200_000;

    /** How long a posted half may wait to be taken before the caller computes it itself (a woken thread takes
     * microseconds; seconds mean a lost wake-up or a machine with ten times more work than cores). */
    static final long TAKE_TIMEOUT_NANOS = 2_000_000_000L;

    private static final AtomicBoolean CLAIMED = new AtomicBoolean();
    /** The posted half; whoever swaps it to null (the helper to run it, or the caller to take it back) owns it. */
    private static final AtomicReference<Runnable> TASK = new AtomicReference<>();
    private static volatile long posted;      // how many tasks have been handed over (the claim holder writes this)
    private static volatile long completed;   // how many of them the helper has finished (it alone writes this)
    private static volatile Throwable failure;
    private static volatile boolean parked;
    /** How many posted halves the caller took back and computed itself (the helper was too late to take them). */
    private static final java.util.concurrent.atomic.AtomicLong LATE = new java.util.concurrent.atomic.AtomicLong();
    /** Tests only: swallow the next wake-up, as a lost one would be. */
    static volatile boolean loseNextWakeUp;
    /** Tests only: the take time-out in force ({@link #TAKE_TIMEOUT_NANOS} unless a test shortens it). */
    static volatile long takeTimeoutNanos = TAKE_TIMEOUT_NANOS;
    private static final Thread HELPER = start();

    private static Thread start() {
        Thread t = new Thread(SecondCore::loop, "rnnbook-second-core");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code theirs} on the helper and {@code mine} on the calling thread; returns when both are done. */
    static void run(Runnable mine, Runnable theirs) {
        if (!CLAIMED.compareAndSet(false, true)) {   // another thread holds the helper: do everything here
            mine.run();
            theirs.run();
            return;
        }
        try {
            // a caller stopped mid-product (a notebook cell interrupted) may have left its half running: wait for it,
            // so that its completion is never taken for ours (a half of it never taken is dropped: nobody waits for it)
            awaitCompleted(posted);
            failure = null;
            long ticket = posted + 1;
            TASK.set(theirs);
            posted = ticket;
            if (parked) {
                if (loseNextWakeUp) {
                    loseNextWakeUp = false;
                } else {
                    LockSupport.unpark(HELPER);
                }
            }
            Runnable late;
            try {
                mine.run();
            } finally {   // even when mine failed: the helper must be done before another caller can post
                late = awaitCompleted(ticket);
            }
            if (late != null) {   // the helper never took it: its rows are ours to compute
                LATE.incrementAndGet();
                late.run();
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        } finally {
            CLAIMED.set(false);
        }
    }

    /** Work on rows [from, to) of a matrix. */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * Elementwise work on {@code rows} rows of {@code perRow} entries each, split between both cores when there are
     * at least {@link #SPLIT_ENTRIES} entries: an LSTM step's gates from batch 16 at hidden 128 (below that, handing
     * half over costs about as much as it saves). The split falls at a multiple of eight rows, so a loop over the entries
     * of the first half ends without a partial vector and the second half's vectors start where a loop over the
     * whole matrix would start them: each entry is computed exactly as it would be on one core.
     */
    static void splitRows(int rows, int perRow, RowRange body) {   // (or columns: any range of separate work)
        int half = (rows / 2) & ~7;
        if (!Gemm.PARALLEL || half == 0 || (long) rows * perRow < SPLIT_ENTRIES) {
            body.run(0, rows);
            return;
        }
        run(() -> body.run(0, half), () -> body.run(half, rows));
    }

    /**
     * The fewest entries {@link #splitRows} shares out: the SIMD sigmoid and tanh measured 1.6 and 2.2 ns an entry,
     * and handing half over costs about a microsecond ({@link Gemm#PARALLEL_FLOPS}).
     */
    static final long SPLIT_ENTRIES = 8192;

    /** Whether the helper is parked now (tests wait for it before simulating a lost wake-up). */
    static boolean isParked() {
        return parked;
    }

    /** How many halves callers have computed themselves because the helper did not take them in time. */
    static long lateHalves() {
        return LATE.get();
    }

    /**
     * Spins until the helper has completed {@code ticket} tasks, or until a posted half has waited the take time-out
     * untaken: then it is taken back (it never runs on the helper later) and returned; null when the helper did it.
     */
    private static Runnable awaitCompleted(long ticket) {
        long start = 0;
        int spins = 0;
        while (completed != ticket) {
            Thread.onSpinWait();
            if (++spins % 4096 != 0) {   // look at the clock rarely: the usual wait is a few microseconds
                continue;
            }
            long now = System.nanoTime();
            if (start == 0) {
                start = now;
            } else if (now - start > takeTimeoutNanos && TASK.get() != null) {
                Runnable back = TASK.getAndSet(null);   // take the half back, so it never runs after we gave up
                if (back != null) {
                    posted = ticket - 1;
                    return back;
                }   // else the helper took it just now: keep waiting for it
            }
            if (!HELPER.isAlive()) {
                throw new IllegalStateException("SecondCore: the helper thread " + HELPER.getName() + " has died");
            }
        }
        return null;
    }

    private static void loop() {
        long idleSince = System.nanoTime();
        while (true) {
            Runnable work = TASK.get() == null ? null : TASK.getAndSet(null);
            if (work != null) {
                try {
                    work.run();
                } catch (Throwable t) {
                    failure = t;
                }
                completed = completed + 1;
                idleSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            parked = true;
            if (TASK.get() == null) {   // checked again after announcing: a task posted meanwhile is not missed
                LockSupport.park(SecondCore.class);
            }
            parked = false;
            idleSince = System.nanoTime();
        }
    }
}
