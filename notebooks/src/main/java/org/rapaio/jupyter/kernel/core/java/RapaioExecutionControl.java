package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;
import rnnbook.kernel.StreamBatcher;

/**
 * Runs each JShell snippet of a cell on an engine thread inside the kernel's JVM; replaces rapaio-jupyter-kernel
 * 3.0.1's class of the same name (same public members, read from its bytecode with {@code javap -p}).
 *
 * <p>Why this class exists: Kernel &gt; Interrupt broke the kernel. The kernel's interrupt calls {@link #interrupt}
 * and then {@link #stop} (twice: once itself, once through {@code JShell.stop()}), and the original {@code stop}
 * shut the executor down. The running snippet went on (a loop that never checks its interrupt flag ignores
 * {@code Future.cancel(true)}), and every later snippet was refused by the closed executor: cells got numbers but
 * printed nothing, until a restart. JShell's contract for {@code ExecutionControl.stop()} is "interrupt a running
 * invoke", which is what it does here: cancel the snippet's future (this wakes code that sleeps or waits), give it
 * {@link #GRACE_MILLIS} to end, then {@code Thread.stop()} it, as JShell's own in-process execution control does
 * (deprecated, yet the only way to end a busy loop in Java 17; the engine's helper thread tolerates a caller stopped
 * mid-product, see {@code rnnbook.tensor.SecondCore}). The shell thread waits until the snippet has really ended
 * before it answers, so the next cell never runs beside a dying one. The executor shuts down in {@link #close}.
 *
 * <p>An interrupt stops the rest of the cell too. JShell runs a cell as one snippet per statement, each compiled
 * before it runs; on a loaded machine a cell spends seconds compiling, and an interrupt that arrived while no
 * statement ran used to find nothing to stop: the cell went on to its end (a learner pressing Interrupt at the start
 * of a training cell saw it train to the end). The shell marks each cell's start and end ({@link #cellStarts},
 * {@link #cellEnds}); an interrupt during a cell with no statement running is kept, and the cell's next statement
 * is refused as interrupted instead of run. An interrupt between cells is dropped, so it never stops the next cell.
 *
 * <p>It also tells {@link StreamBatcher} when a statement runs, so printed text is batched by run time, not by
 * compile time.
 */
public class RapaioExecutionControl extends DirectExecutionControl {

    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";
    /** How long an interrupted snippet may take to end on its own before its thread is stopped. */
    static final long GRACE_MILLIS = 300;
    /** How long to wait for a stopped thread to unwind (a thread inside native code cannot be stopped). */
    static final long UNWIND_MILLIS = 10_000;
    private static final AtomicInteger ID = new AtomicInteger(0);

    private final ExecutorService executor;
    private final long timeoutTime;
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    /** Whether a cell is being executed (set by the shell thread), and whether it was interrupted meanwhile. */
    private static volatile boolean inCell;
    private static volatile boolean interruptedCell;

    public RapaioExecutionControl(long timeoutTime) {
        this.timeoutTime = timeoutTime;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "Engine-thread-" + ID.getAndIncrement());
            t.setDaemon(true);   // a snippet stuck in native code must not keep a shut-down kernel alive
            return t;
        });
    }

    public long getTimeout() {
        return timeoutTime;
    }

    public Object takeResult(String key) {
        Object result = results.remove(key);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + key);
        }
        return result;
    }

    @Override
    protected String invoke(Method methodCall) throws Exception {
        String id = UUID.randomUUID().toString();
        Object value = execute(id, methodCall);
        results.put(id, value);
        return id;
    }

    /** The shell starts executing a cell: an interrupt from before it is forgotten. */
    public static void cellStarts() {
        interruptedCell = false;
        inCell = true;
    }

    /** The cell has been answered. */
    public static void cellEnds() {
        inCell = false;
        interruptedCell = false;
    }

    private Object execute(String id, Method methodCall) throws Exception {
        if (executor.isShutdown()) {
            throw new StoppedException();
        }
        if (interruptedCell) {   // interrupted while an earlier statement of this cell compiled: do not run the rest
            throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, new StackTraceElement[0]);
        }
        Invocation invocation = new Invocation(methodCall);
        invocation.future = executor.submit(invocation);
        running.put(id, invocation);
        try {
            return timeoutTime > 0 ? invocation.future.get(timeoutTime, TimeUnit.MILLISECONDS) : invocation.future.get();
        } catch (CancellationException e) {
            invocation.awaitEnd(GRACE_MILLIS + UNWIND_MILLIS);
            throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException) {
                throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
            }
            if (cause instanceof InvocationTargetException) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            } else if (cause instanceof SPIResolutionException spiResCause) {
                throw new ResolutionException(spiResCause.id(), cause.getStackTrace());
            } else {
                throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
            }
        } catch (TimeoutException e) {
            invocation.halt();
            throw new UserException("Execution timed out", TIMEOUT_MARKER, e.getStackTrace());
        } finally {
            running.remove(id, invocation);
        }
    }

    /** Asks the running snippet to end (cancels its future, which interrupts its thread); does not wait. */
    public void interrupt() {
        markInterrupted();
        running.values().forEach(Invocation::cancel);
    }

    private static void markInterrupted() {
        if (inCell) {
            interruptedCell = true;
        }
    }

    /** Ends the running snippet: cancel, a short grace, then {@code Thread.stop()}. The executor stays usable. */
    @Override
    public void stop() {
        markInterrupted();
        running.values().forEach(Invocation::halt);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
        super.close();
    }

    /** One snippet's run on an engine thread: which thread runs it, and whether it has ended. */
    private static final class Invocation implements Callable<Object> {
        private final Method method;
        private volatile Future<Object> future;
        private Thread thread;
        private boolean cancelled;
        private boolean started;
        private boolean ended;

        Invocation(Method method) {
            this.method = method;
        }

        @Override
        public Object call() throws Exception {
            synchronized (this) {
                if (cancelled) {   // cancelled between submit and start: the snippet never runs
                    throw new CancellationException();
                }
                started = true;
                thread = Thread.currentThread();
            }
            StreamBatcher.statementStarts();
            try {
                return method.invoke(null);
            } finally {
                StreamBatcher.statementEnds();
                synchronized (this) {
                    ended = true;
                    thread = null;
                    notifyAll();
                }
            }
        }

        void cancel() {
            synchronized (this) {
                cancelled = true;
            }
            Future<Object> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        @SuppressWarnings({"removal", "deprecation"})
        void halt() {
            cancel();
            if (awaitEnd(GRACE_MILLIS)) {
                return;
            }
            synchronized (this) {
                if (!ended && thread != null) {
                    thread.stop();
                }
            }
            awaitEnd(UNWIND_MILLIS);
        }

        /** True when the snippet has ended (or never started) within the given time. */
        synchronized boolean awaitEnd(long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (started && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
