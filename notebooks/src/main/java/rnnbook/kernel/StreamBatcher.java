package rnnbook.kernel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers what a cell prints into few stream messages instead of one per {@code println}.
 *
 * <p>The kernel's {@code System.out} flushes on every line, and each flush used to become its own Jupyter stream
 * output (a saved notebook then held dozens of one-line outputs per cell). Here text waits until one of: the other
 * stream (stdout/stderr) or another cell writes (so the order of the two streams is kept), anything else is
 * published for the cell (a result, a chart, an error, "idle": the kernel calls {@link #flush} first), or
 * a statement has been running for {@link #PERIOD_MILLIS} (and then every period), so a long loop still shows its
 * progress as it goes. The clock counts the running statement only: JShell compiles each statement of a cell on
 * its own (0.1 to over 1 s each on a loaded machine), and a cell of a few quick printing statements must still give
 * one stream output however slow those compiles are. The execution control reports each statement's run
 * ({@link #statementStarts}, {@link #statementEnds}).
 *
 * @param <P> the parent message the text belongs to (compared by identity)
 */
public final class StreamBatcher<P> {
    /** Where a batch goes: the parent message, which stream, and the text. */
    public interface Sink<P> {
        void send(P parent, boolean stderr, String text);
    }

    public static final long PERIOD_MILLIS = 1000;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
    /** When the running statement started ({@code System.nanoTime()}), or 0 while none runs. */
    private static volatile long statementStarted;

    /** Called when a statement of a cell starts running (after its compile). */
    public static void statementStarts() {
        statementStarted = System.nanoTime();
    }

    /** Called when that statement has ended. */
    public static void statementEnds() {
        statementStarted = 0;
    }

    private final Sink<P> sink;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rnnbook-stream-batcher");
        t.setDaemon(true);
        return t;
    });
    private final StringBuilder text = new StringBuilder();
    private P parent;
    private boolean stderr;
    private ScheduledFuture<?> due;

    public StreamBatcher(Sink<P> sink) {
        this.sink = sink;
    }

    /** Adds printed text; sends what waited first when it belongs to another parent or stream. */
    public synchronized void write(P parent, boolean stderr, String s) {
        if (s.isEmpty()) {
            return;
        }
        if (text.length() > 0 && (parent != this.parent || stderr != this.stderr)) {
            flush();
        }
        this.parent = parent;
        this.stderr = stderr;
        text.append(s);
        if (due == null) {
            due = timer.schedule(this::tick, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The timer: sends when a statement has run a whole period, else looks again a period later. */
    private synchronized void tick() {
        long started = statementStarted;
        if (started != 0 && System.nanoTime() - started >= PERIOD_NANOS) {
            flush();
        } else if (text.length() > 0) {
            due = timer.schedule(this::tick, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            due = null;
        }
    }

    /** Sends the waiting text, if any, as one message. */
    public synchronized void flush() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        if (text.length() == 0) {
            return;
        }
        String s = text.toString();
        text.setLength(0);
        sink.send(parent, stderr, s);
    }
}
