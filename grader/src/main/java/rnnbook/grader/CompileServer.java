package rnnbook.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A warm compiler child ({@link CompileChild} in its serving mode), kept per grading slot and reused from one
 * submission to the next: a fresh JVM per submission spent most of its time loading and warming javac, not
 * compiling. It is still a child with its own heap cap, and each submission's compile still has its own time
 * limit; whatever ends it (a limit, a crash) ends only this child, and the next submission gets a fresh one.
 * Reuse is safe because nothing of a submission runs in it ({@code -proc:none}: javac only parses and writes
 * class files) and javac keeps no state from one task to the next but the JDK's and the classpath's index. A
 * child that has served before and then runs out of memory is not trusted to blame the submission: the caller
 * compiles again in a fresh child ({@link #fresh()}) before charging anyone.
 */
final class CompileServer {
    /** Lines of the protocol start with this; anything else on the child's output (a JVM warning) is ignored. */
    static final String PREFIX = "rnnbook-compile ";
    /** A child serves at most this many submissions, then a fresh one takes over (bounds any slow leak). */
    static final int MAX_SERVED = 100;

    /** Compiler children started, for the benchmark's figures and tests. */
    static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

    private static final Map<Integer, CompileServer> IDLE = new HashMap<>();
    private static final Object NO_LINE = new Object();

    /** How a compile request ended. */
    enum Reply {
        DONE, DONE_AND_RETIRED, TIMED_OUT, DIED;

        /** The child finished the request (whether or not it lives on). */
        boolean compiled() {
            return this == DONE || this == DONE_AND_RETIRED;
        }
    }

    private final Process process;
    private final Writer in;
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final List<String> jvmOptions;
    private int served;

    private CompileServer(List<String> jvmOptions) throws IOException {
        this.jvmOptions = List.copyOf(jvmOptions);
        STARTS.incrementAndGet();
        process = JvmChild.start(CompileChild.class, CompileChild.heap(), CompileChild.childOptions(jvmOptions, true),
                List.of("--serve"), true);
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.startsWith(PREFIX)) {
                        lines.add(l.substring(PREFIX.length()));
                    }
                }
            } catch (IOException ignored) {
                // the child is gone; the end marker below says so
            }
            lines.add(NO_LINE);
        }, "compile-server-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The idle server of this slot, or a fresh one (started with these JVM options). */
    static CompileServer take(int slot, List<String> jvmOptions) throws IOException {
        synchronized (IDLE) {
            CompileServer s = IDLE.remove(slot);
            if (s != null && s.process.isAlive() && s.jvmOptions.equals(jvmOptions)) {
                return s;
            }
            if (s != null) {
                s.kill();
            }
        }
        return new CompileServer(jvmOptions);
    }

    /** Gives a live server back to its slot for the next submission. */
    void give(int slot) {
        synchronized (IDLE) {
            CompileServer old = IDLE.put(slot, this);
            if (old != null && old != this) {
                old.kill();
            }
        }
    }

    /**
     * Ends the idle servers of these slots (closing their input, which makes them exit) and waits for them, so
     * their CPU time is counted among this process's ended children.
     */
    static void retire(List<Integer> slots) {
        for (int slot : slots) {
            CompileServer s;
            synchronized (IDLE) {
                s = IDLE.remove(slot);
            }
            if (s != null) {
                s.retireThis();
            }
        }
    }

    /** True when this child has compiled nothing before: its failure is the request's own. */
    boolean fresh() {
        return served == 0;
    }

    /**
     * Compiles the requests in {@code requests} (written by {@link CompileChild}) into {@code dir}, waiting at
     * most {@code limitMs}. On {@link Reply#TIMED_OUT} and {@link Reply#DIED} the child is gone.
     */
    Reply compile(Path requests, Path dir, long limitMs) throws InterruptedException {
        served++;
        double cpu0 = cpuSeconds();
        requestCpu = Double.NaN;
        try {
            in.write(requests + "\t" + dir + "\n");
            in.flush();
        } catch (IOException e) {
            kill();
            return Reply.DIED;
        }
        Object line = lines.poll(Math.max(1, limitMs), TimeUnit.MILLISECONDS);
        double cpu1 = cpuSeconds();
        requestCpu = cpu1 > 0 ? Math.max(0, cpu1 - cpu0) : Double.NaN;
        if (line == null) {
            kill();
            return Reply.TIMED_OUT;
        }
        if (line == NO_LINE || !((String) line).startsWith("end")) {
            kill();
            return Reply.DIED;
        }
        if (line.equals("end retire") || served >= MAX_SERVED) {
            retireThis();
            return Reply.DONE_AND_RETIRED;
        }
        return Reply.DONE;
    }

    private double requestCpu = Double.NaN;

    /**
     * CPU seconds the child used for its last request, read before it was ended (NaN where /proc cannot be read):
     * beside the request's wall time, it tells compiling from waiting for a core on a busy machine.
     */
    double requestCpuSeconds() {
        return requestCpu;
    }

    /** The exit code of a child that {@link Reply#DIED} (waiting briefly for it), or -1. */
    int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** CPU seconds this child has used so far (user + system, from /proc), or 0 where that cannot be read. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void retireThis() {
        try {
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    void kill() {
        ChildRun.kill(process);
    }
}
