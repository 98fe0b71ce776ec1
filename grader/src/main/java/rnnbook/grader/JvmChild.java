package rnnbook.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A trusted helper JVM of the grader's own (the similarity report, the compiler), started with its own heap cap
 * and killed at a wall-clock limit: work on a submission that needs too much memory or time then fails in that
 * child alone, never in the grader. The child runs the grader's class path; it is not sandboxed (it runs no
 * submitted code: javac runs with {@code -proc:none}, JPlag only parses).
 */
final class JvmChild {
    /** The exit code of a JVM that {@code -XX:+ExitOnOutOfMemoryError} stopped. */
    static final int OUT_OF_MEMORY = 3;

    /** How the child ended: its exit code, or stopped at the time limit. */
    record Exit(boolean timedOut, int code) {
        boolean ok() {
            return !timedOut && code == 0;
        }

        boolean outOfMemory() {
            return !timedOut && code == OUT_OF_MEMORY;
        }
    }

    private JvmChild() {
    }

    /** The memory options of a child with this heap (a class archive for it is dumped with the same). */
    static List<String> options(String heap) {
        return List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC");
    }

    /** Runs {@code main} with {@code args} in a fresh JVM of at most {@code heap} and {@code limitMs}. */
    static Exit run(Class<?> main, String heap, long limitMs, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        Process p = start(main, heap, jvmOptions, args, false);
        try {
            if (!p.waitFor(Math.max(1, limitMs), TimeUnit.MILLISECONDS)) {
                ChildRun.kill(p);
                return new Exit(true, -1);
            }
            return new Exit(false, p.exitValue());
        } finally {
            if (p.isAlive()) {
                ChildRun.kill(p);
            }
        }
    }

    /**
     * Starts {@code main} in a fresh JVM of at most {@code heap}; its standard output is a pipe to the caller when
     * {@code talks}, else discarded (standard error always is).
     */
    static Process start(Class<?> main, String heap, List<String> jvmOptions, List<String> args, boolean talks)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options(heap));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.add(main.getName());
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        return (talks ? b : b.redirectOutput(ProcessBuilder.Redirect.DISCARD)).start();
    }
}
