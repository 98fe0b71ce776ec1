package rnnbook.nn;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import rnnbook.tensor.Matrix;

/**
 * The gate-gradient matrices one backward pass of a {@link FastRoad} writes in full and uses up before it returns
 * (dG_t of every step, read again only by the weight-gradient products after the walk), kept for the next pass
 * instead of allocated anew.
 *
 * <p>Why: a new array is memory no cache holds, which the JVM first fills with zeros; the gate gradients are most
 * of what a backward pass allocates (35 x 2 x (64, 768) at the GRU 64x35x256x256 step, 27 MB). Reusing them made
 * that step 2-4% faster (two builds run side by side in one JVM, fastest steps 73.3-74.2 ms against 74.6-75.6).
 *
 * <p>They are held softly, so the garbage collector can take them back when memory runs short. One pass at a time
 * uses them: {@link #begin} claims them for the calling thread, {@link #end} gives them back; a pass on another
 * thread meanwhile gets new matrices from {@link #take}, as before.
 */
final class GateScratch {
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private SoftReference<List<Matrix>> kept = new SoftReference<>(null);
    private List<Matrix> held;   // while a pass owns them
    private int used;

    /** Claims the kept matrices for a backward pass on this thread, unless a pass on another thread holds them. */
    void begin() {
        if (!owner.compareAndSet(null, Thread.currentThread())) {
            return;
        }
        held = kept.get();
        if (held == null) {
            held = new ArrayList<>();
            kept = new SoftReference<>(held);
        }
        used = 0;
    }

    /**
     * The pass's next (rows, cols) matrix. Its entries are whatever the last pass left in it, so it is only for a
     * matrix the caller overwrites in full; a new zero matrix when this thread's pass does not own the scratch.
     */
    Matrix take(int rows, int cols) {
        if (owner.get() != Thread.currentThread()) {
            return Matrix.zeros(rows, cols);
        }
        if (used < held.size() && held.get(used).rows() == rows && held.get(used).cols() == cols) {
            return held.get(used++);
        }
        Matrix m = Matrix.zeros(rows, cols);
        if (used < held.size()) {
            held.set(used, m);
        } else {
            held.add(m);
        }
        used++;
        return m;
    }

    /** Ends this thread's pass: the matrices it took are the next pass's to reuse. */
    void end() {
        if (owner.get() == Thread.currentThread()) {
            held = null;
            owner.set(null);
        }
    }
}
