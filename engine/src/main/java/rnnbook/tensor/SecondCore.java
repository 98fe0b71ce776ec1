package rnnbook.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
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
 */
final class SecondCore {
    private SecondCore() {
    }

    /** How long the helper keeps polling for new work before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final AtomicBoolean CLAIMED = new AtomicBoolean();
    private static volatile Runnable task;
    private static volatile long posted;      // how many tasks have been handed over
    private static volatile long completed;   // how many of them the helper has finished (it alone writes this)
    private static volatile Throwable failure;
    private static volatile boolean parked;
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
            // so that its completion is never taken for ours
            while (completed != posted) {
                Thread.onSpinWait();
            }
            failure = null;
            long ticket = posted + 1;
            task = theirs;
            posted = ticket;
            if (parked) {
                LockSupport.unpark(HELPER);
            }
            try {
                mine.run();
            } finally {   // even when mine failed: the helper must be done before another caller can post
                while (completed != ticket) {
                    Thread.onSpinWait();
                }
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

    private static void loop() {
        long idleSince = System.nanoTime();
        while (true) {
            Runnable work = task;
            if (work != null) {
                task = null;
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
            if (task == null) {   // checked again after announcing: a task posted meanwhile is not missed
                LockSupport.park(SecondCore.class);
            }
            parked = false;
            idleSince = System.nanoTime();
        }
    }
}
