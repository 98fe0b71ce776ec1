package rnnbook.runner.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Takes the Launcher's verdict for each test and sends it, with what a hidden test recorded, over the channel:
 * {@code V} lines (test, name, rows, cols, tolerance, the values as exact bit patterns) and then one {@code R} line
 * (test, status, the thrown type, the learner's own stack frames, and, for public checks only, the assertion
 * message). No message of an exception from submitted code is read, and no overridable method of a throwable
 * class the submission defined is called: only its type is reported.
 */
final class Listener implements TestExecutionListener {
    static final int DEFAULT_TIMEOUT_MS = 10_000;

    private final Channel channel;
    private final String job;
    private final boolean hidden;
    private final Map<String, Integer> timeoutMs;
    private final ClassLoader engine;
    private volatile String current;
    private volatile long startedNanos;

    Listener(Channel channel, String job, boolean hidden, Map<String, Integer> timeoutMs, ClassLoader engine) {
        this.engine = engine;
        this.channel = channel;
        this.job = job;
        this.hidden = hidden;
        this.timeoutMs = timeoutMs;
    }

    private static String name(TestIdentifier id) {
        return id.getSource().filter(s -> s instanceof MethodSource).map(s -> ((MethodSource) s).getMethodName())
                .orElse(null);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        String test = name(id);
        // before anything of the test class runs (a static initializer or @BeforeAll may already call the
        // submission): the grader blames an unexplained kill on the submission only after such a line
        channel.send("T", job, test == null ? "" : test);
        if (id.isTest() && test != null) {
            Recorder.begin();
            startedNanos = System.nanoTime();
            current = test;
        }
    }

    /** True (and the overrun test reported) when the running test passed its time limit. */
    boolean overran() {
        String test = current;
        if (test == null) {
            return false;
        }
        long limit = timeoutMs.getOrDefault(test, DEFAULT_TIMEOUT_MS);
        if ((System.nanoTime() - startedNanos) / 1_000_000 <= limit) {
            return false;
        }
        current = null;
        channel.send("R", job, test, "TIMEOUT", "", "", "");
        return true;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String test = name(id);
        if (!id.isTest() || test == null || !test.equals(current)) {
            return;
        }
        current = null;
        for (Map.Entry<String, Recorder.Value> e : Recorder.end().entrySet()) {
            Recorder.Value v = e.getValue();
            StringBuilder data = new StringBuilder();
            for (double d : v.data()) {
                data.append(data.length() == 0 ? "" : ",").append(Long.toHexString(Double.doubleToRawLongBits(d)));
            }
            channel.send("V", job, test, e.getKey(), Integer.toString(v.rows()), Integer.toString(v.cols()),
                    Long.toHexString(Double.doubleToRawLongBits(v.tolerance())),
                    v.problem() == null ? "" : v.problem(), data.toString());
        }
        Throwable t = result.getThrowable().orElse(null);
        String type = t == null ? "" : t.getClass().getName();
        channel.send("R", job, test, result.getStatus().name(), type, frames(t, engine), hidden ? "" : message(t));
    }

    /** Public checks only: the assertion message, when the assertion type is the JDK's, JUnit's or ours. */
    private static String message(Throwable t) {
        if (!(t instanceof AssertionError)) {
            return "";
        }
        ClassLoader l = t.getClass().getClassLoader();
        if (l != null && l != Listener.class.getClassLoader()) {
            return "";
        }
        String m = t.getMessage();
        return m == null ? "" : m.length() > 1500 ? m.substring(0, 1500) + "..." : m;
    }

    /**
     * Up to five frames of the submission's own classes ("class|method|file|line"), for throwable types of the
     * JDK, the engine or JUnit (whose stack traces are plain data); none for a type the submission defined.
     */
    private static String frames(Throwable t, ClassLoader engine) {
        if (t == null) {
            return "";
        }
        ClassLoader l = t.getClass().getClassLoader();
        if (l != null && l != engine && l != Listener.class.getClassLoader()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        try {
            for (StackTraceElement f : t.getStackTrace()) {
                if ("submission".equals(f.getClassLoaderName()) && out.size() < 5) {
                    out.add(f.getClassName() + "|" + f.getMethodName() + "|" + f.getFileName() + "|"
                            + f.getLineNumber());
                }
            }
        } catch (RuntimeException e) {
            return "";
        }
        return String.join(";", out);
    }
}
