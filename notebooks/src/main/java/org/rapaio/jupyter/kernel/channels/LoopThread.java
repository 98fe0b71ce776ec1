package org.rapaio.jupyter.kernel.channels;

/**
 * A corrected copy of rapaio-jupyter-kernel 3.0.1's {@code LoopThread}, the thread that polls one ZeroMQ channel
 * (shell, control, heartbeat) until the kernel shuts down.
 *
 * <p>Why this class exists: the original {@code start()} calls {@code super.start()} first and sets
 * {@code running = true} afterwards. The new thread may reach {@code run()} before that write, read
 * {@code running == false}, and return at once: that channel is then never polled, the kernel never answers
 * Jupyter's {@code kernel_info_request}, and the notebook waits forever ("Kernel didn't respond"), in roughly
 * 15% of starts on this machine. Here {@code running} is set <em>before</em> the thread starts, so the thread's
 * first read always sees {@code true} (a volatile write followed by {@code Thread.start()} happens-before
 * everything the started thread does).
 *
 * <p>How it takes effect: the notebooks build copies this class (only this class) into {@code target/kernel/patch},
 * and the kernelspec runs {@code java -cp target/kernel/patch:target/kernel/rapaio-jupyter-kernel.jar}, so the
 * class loader finds this version before the jar's. Everything else (constructor, {@code run}, {@code shutdown})
 * keeps the behaviour of the original, read from its bytecode with {@code javap -c}. When the kernel version
 * changes, compare the new jar's {@code LoopThread} with this file before keeping the patch.
 */
public final class LoopThread extends Thread {

    /** Written by {@link #start} and {@link #shutdown}, read by the loop: volatile so the loop sees both. */
    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    /** The fix: mark the loop running first, then start the thread that reads the mark. */
    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
