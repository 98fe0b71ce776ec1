package rnnbook.grader;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

/**
 * The parent side of a test run: starts a confined child JVM, hands it the per-run secret and the compiled tests
 * on stdin, and reads back only the stdout lines that start with the secret: per test the JUnit Launcher's
 * verdict and the values the test recorded. Output is capped, every exercise has a deadline, and an exercise whose
 * end marker never arrives (exit, crash, kill, cap) earns nothing; the exercises after it run again in a fresh
 * child. Whether a test passed is decided elsewhere ({@link Verdict}), by comparing with the reference run.
 */
public final class ChildRun {
    /** Per-test limit enforced by the runner; the parent's per-exercise deadline is derived from it. */
    public static final int TEST_TIMEOUT_MS = Integer.getInteger("rnnbook.grader.testTimeoutMs", 10_000);
    static final long OUTPUT_CAP = 1L << 20;
    static final long STARTUP_MS = 20_000;
    /** The child's heap and class-space limits (its class archive is dumped with the same, so it maps). */
    static final List<String> MEMORY_OPTIONS = List.of("-Xmx256m", "-XX:MaxMetaspaceSize=96m",
            "-XX:CompressedClassSpaceSize=48m", "-XX:+UseSerialGC");

    /** One exercise to run: its id, its test classes, the folder holding the submission's classes. */
    public record Job(String exerciseId, Prepared.Tests tests, Path classes) {
    }

    /** A recorded value: (rows, cols, row-major data), the recording test's tolerance, or a problem code. */
    public record Value(int rows, int cols, double[] data, double tolerance, String problem) {
    }

    /**
     * One test as the child reported it: the Launcher's status (SUCCESSFUL, FAILED, ABORTED, or TIMEOUT from the
     * runner), the thrown type, the submission's own frames, the assertion message (public checks only) and the
     * recorded values.
     */
    public record TestRun(String status, String type, String frames, String message, Map<String, Value> values) {
    }

    /** What came back for one exercise: per test (absent = no authenticated result), and the raw lines. */
    public record Outcome(Map<String, TestRun> results, boolean finished, String failure, List<String> lines) {
    }

    /** Reads a trusted run's lines kept in the grader cache. */
    static Map<String, TestRun> readRecorded(Path file) throws IOException {
        Map<String, TestRun> out = new LinkedHashMap<>();
        Map<String, Map<String, Value>> pending = new LinkedHashMap<>();
        for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parse(line, pending, out);
        }
        return out;
    }

    /** One result line (after the secret): V adds a value to its test, R closes the test. Malformed: ignored. */
    static void parse(String rest, Map<String, Map<String, Value>> pending, Map<String, TestRun> done) {
        String[] f = rest.split("\t", -1);
        for (int i = 1; i < f.length; i++) {
            f[i] = unescape(f[i]);
        }
        try {
            if (f[0].equals("V") && f.length == 9 && !done.containsKey(f[2])) {
                String[] hex = f[8].isEmpty() ? new String[0] : f[8].split(",");
                double[] data = new double[hex.length];
                for (int i = 0; i < hex.length; i++) {
                    data[i] = Double.longBitsToDouble(Long.parseUnsignedLong(hex[i], 16));
                }
                int rows = Integer.parseInt(f[4]);
                int cols = Integer.parseInt(f[5]);
                String problem = f[7].isEmpty() ? null : f[7];
                if (problem == null && (rows < 0 || cols < 0 || (long) rows * cols != data.length)) {
                    problem = "malformed";
                }
                pending.computeIfAbsent(f[2], k -> new LinkedHashMap<>()).putIfAbsent(f[3], new Value(rows, cols,
                        data, Double.longBitsToDouble(Long.parseUnsignedLong(f[6], 16)), problem));
            } else if (f[0].equals("R") && f.length == 7 && !done.containsKey(f[2])) {
                Map<String, Value> values = pending.remove(f[2]);
                done.put(f[2], new TestRun(f[3], f[4], f[5], f[6], values == null ? Map.of() : Map.copyOf(values)));
            }
        } catch (RuntimeException malformed) {
            // a line that does not parse is no result: the test then has none
        }
    }

    /** Timings for the benchmark: child starts and wall time. */
    public static final java.util.concurrent.atomic.AtomicLong CHILD_STARTS = new java.util.concurrent.atomic.AtomicLong();
    public static final java.util.concurrent.atomic.AtomicLong CHILD_NANOS = new java.util.concurrent.atomic.AtomicLong();
    /** From starting the process to its first authenticated line: JVM start-up inside the sandbox. */
    public static final java.util.concurrent.atomic.AtomicLong STARTUP_NANOS = new java.util.concurrent.atomic.AtomicLong();
    /**
     * CPU ticks (1/100 s) of the sandboxed children, read from /proc when a child sends its last line: bubblewrap
     * does not pass its sandboxed process's CPU time on to the grader, so the benchmark would not see it otherwise.
     */
    public static final java.util.concurrent.atomic.AtomicLong SANDBOXED_CPU_TICKS = new java.util.concurrent.atomic.AtomicLong();
    /** Of that: freeing the slot's uid and starting the process (prlimit, setpriv, bubblewrap, the JVM's exec). */
    public static final java.util.concurrent.atomic.AtomicLong SPAWN_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildRun() {
    }

    /** The time one submission may take in children, all exercises together (its report shows the time used). */
    public static final long SUBMISSION_MS = Long.getLong("rnnbook.grader.submissionMs", 120_000);

    /** A child that could not start, or was killed by something the grader did not do: not the submission's fault. */
    public static class InfrastructureError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InfrastructureError(String message) {
            super(message);
        }
    }

    public static Map<String, Outcome> run(Sandbox sandbox, int slot, Prepared prepared, Path runDir, List<Job> jobs) {
        return run(sandbox, slot, prepared, runDir, jobs, SUBMISSION_MS);
    }

    /** Runs the jobs within {@code limitMs} in all (a fresh child after any that did not finish). */
    public static Map<String, Outcome> run(Sandbox sandbox, int slot, Prepared prepared, Path runDir, List<Job> jobs,
                                           long limitMs) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Job> remaining = new ArrayList<>(jobs);
        int attempts = 0;
        long until = System.currentTimeMillis() + limitMs;
        while (!remaining.isEmpty() && attempts++ <= jobs.size() && System.currentTimeMillis() < until) {
            Attempt a = new Attempt(sandbox, slot, prepared, runDir, remaining);
            a.until = until;
            a.execute();
            for (int retry = 0; retry < 5 && a.started.isEmpty() && a.killedFor == null && a.couldNotStart(); retry++) {
                // the previous child of this slot's uid was still being torn down: its threads count against
                // the uid's process limit until the kernel reaps them. Not the submission's fault: try again.
                try {
                    Thread.sleep(300L * (retry + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                a = new Attempt(sandbox, slot, prepared, runDir, remaining);
                a.until = until;
                a.execute();
            }
            if (a.started.isEmpty()) {
                // the runner announces an exercise before it loads any submitted class: a child that never got
                // that far failed to start (EAGAIN, no JVM, the sandbox refused), which is never the submission's
                throw new InfrastructureError("a child JVM did not start (" + (a.killedFor != null ? a.killedFor
                        : a.startError()) + ")");
            }
            if (a.killedFor == null && a.exit == 137 && !a.killedByUs && !a.learnerRan) {
                // 137 is SIGKILL (or halt(137), which looks the same): before any test ran, no submitted code had
                // run in this child, so the kill came from outside (the OOM killer, an administrator): not the
                // submission's fault. Once a test has started, the submission's code may have halted with 137
                // itself; then it is charged like any other early exit, below.
                throw new InfrastructureError("a child was killed by a signal the grader did not send");
            }
            List<Job> next = new ArrayList<>();
            boolean blamed = false;
            for (Job j : remaining) {
                Map<String, TestRun> res = a.results.getOrDefault(j.exerciseId(), new LinkedHashMap<>());
                List<String> raw = a.raw.getOrDefault(j.exerciseId(), List.of());
                if (a.ended.contains(j.exerciseId())) {
                    outcomes.put(j.exerciseId(), new Outcome(res, true, null, raw));
                } else if (a.started.contains(j.exerciseId()) || (!blamed && a.started.isEmpty())) {
                    // the child died inside this exercise (or before any): it alone is charged
                    outcomes.put(j.exerciseId(), new Outcome(Map.of(), false, a.failure(), List.of()));
                    blamed = true;
                } else {
                    next.add(j);
                }
            }
            remaining = next;
        }
        for (Job j : remaining) {
            outcomes.put(j.exerciseId(), new Outcome(Map.of(), false, System.currentTimeMillis() >= until
                    ? "not run: the submission used up its time limit of " + limitMs / 1000.0 + " s"
                    : "not run: the test runner kept failing", List.of()));
        }
        return outcomes;
    }

    /** One child process. */
    private static final class Attempt {
        final Sandbox sandbox;
        final int slot;
        final Prepared prepared;
        final Path runDir;
        final List<Job> jobs;
        final String secret;
        final Map<String, Map<String, TestRun>> results = new LinkedHashMap<>();
        final Map<String, Map<String, Map<String, Value>>> pending = new LinkedHashMap<>();
        final Map<String, List<String>> raw = new LinkedHashMap<>();
        final List<String> started = new ArrayList<>();
        final List<String> ended = new ArrayList<>();
        final StringBuilder stderr = new StringBuilder();
        String killedFor;
        int exit = Integer.MIN_VALUE;
        long until = Long.MAX_VALUE;
        /** Set once the child reported that a test started: from then on submitted code may have run. */
        boolean learnerRan;
        /** Set when the grader itself ended the child (deadline, output cap, after the last result). */
        volatile boolean killedByUs;

        String startError() {
            String err = stderr.toString();
            int i = Math.max(err.indexOf("pthread_create"), err.indexOf("Error occurred"));
            return (i < 0 ? err : err.substring(i)).lines().findFirst().orElse("no output").strip();
        }

        Attempt(Sandbox sandbox, int slot, Prepared prepared, Path runDir, List<Job> jobs) {
            this.sandbox = sandbox;
            this.slot = slot;
            this.prepared = prepared;
            this.runDir = runDir;
            this.jobs = jobs;
            byte[] s = new byte[24];
            RANDOM.nextBytes(s);
            this.secret = HexFormat.of().formatHex(s);
        }

        boolean couldNotStart() {
            String err = stderr.toString();
            return err.contains("pthread_create failed") || err.contains("unable to create native thread")
                    || err.contains("Error occurred during initialization of VM");
        }

        String failure() {
            if (killedFor != null) {
                return killedFor;
            }
            String err = stderr.toString().trim();
            String hint = "";
            if (err.contains("OutOfMemoryError") || err.contains("Java heap space")) {
                hint = " (out of memory)";
            } else if (err.contains("StackOverflowError")) {
                hint = " (stack overflow)";
            }
            if (exit == 137) {
                return "the test run was ended while your code ran (exit code 137: Runtime.halt(137), or killed for"
                        + " using too much memory); this exercise gets no points";
            }
            return "the test run ended early (exit code " + exit + hint
                    + "): System.exit, a crash, or a broken limit; this exercise gets no points";
        }

        void execute() {
            long t0 = System.nanoTime();
            CHILD_STARTS.incrementAndGet();
            Path scratch = sandbox.scratchFor(runDir);
            if (sandbox.tier() != Sandbox.Tier.BUBBLEWRAP) {
                try {
                    java.nio.file.Files.createDirectories(scratch);
                } catch (IOException e) {
                    killedFor = "the test runner could not start: no scratch folder";
                    return;
                }
            }
            Prepared.Launch launch = prepared.launch();
            Sandbox confined = sandbox.withImage(launch.javaHome());
            List<String> javaArgs = new ArrayList<>(MEMORY_OPTIONS);
            javaArgs.addAll(List.of("-Xss1m", "-XX:ReservedCodeCacheSize=32m",
                    "-XX:MaxDirectMemorySize=8m", "-XX:ActiveProcessorCount=1",
                    // The scalar path with the quick JIT: a child lives for a few small products, where C2's warm-up
                    // (4.2 s against 1.1 s measured) costs more than SIMD saves, and the Vector API without C2 runs
                    // about 30x slower than scalar code. The reference run uses the same flags, so values compare alike.
                    "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData",
                    "-XX:+DisableAttachMechanism", "-Xshare:auto", "-Djava.io.tmpdir=" + scratch,
                    "-Dfile.encoding=UTF-8", "-Duser.home=" + scratch));
            javaArgs.addAll(launch.options());
            javaArgs.addAll(List.of("-m", "rnnbook.runner/rnnbook.runner.internal.Child",
                    prepared.tensorOnly().toString()));
            // only rnnbook.tensor goes into the sandbox: no engine class (RnnCell, Clip, ...) is there to call
            List<Path> binds = new ArrayList<>(List.of(prepared.tensorOnly(), runDir));
            binds.addAll(launch.binds());
            List<String> cmd = confined.command(slot, scratch, binds, javaArgs);
            sandbox.reclaim(slot);   // the slot's uid must own nothing before its thread limit applies again
            Process p;
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.directory(sandbox.tier() == Sandbox.Tier.BUBBLEWRAP ? runDir.toFile() : scratch.toFile());
                pb.environment().clear();
                pb.environment().put("LANG", "C.UTF-8");
                pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
                p = pb.start();
                SPAWN_NANOS.addAndGet(System.nanoTime() - t0);
            } catch (IOException e) {
                killedFor = "the test runner could not start: " + e.getMessage();
                return;
            }
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread out = new Thread(() -> readLines(p.getInputStream(), lines, p), "child-out");
            Thread err = new Thread(() -> readErr(p.getErrorStream(), p), "child-err");
            out.setDaemon(true);
            err.setDaemon(true);
            out.start();
            err.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(payload());
            } catch (IOException e) {
                // the child died before reading: its exit is handled below
            }
            String prefix = secret + " ";
            long deadline = Math.min(until, System.currentTimeMillis() + STARTUP_MS + budget(0));
            int current = 0;
            try {
                while (true) {
                    long wait = deadline - System.currentTimeMillis();
                    String line = wait <= 0 ? null : lines.poll(wait, TimeUnit.MILLISECONDS);
                    if (line == null) {
                        if (System.currentTimeMillis() >= deadline) {
                            killedFor = deadline >= until ? "the submission used up its whole time limit"
                                    + "; this exercise gets no points"
                                    : "the tests took longer than the time allowed and were stopped"
                                    + " (an endless loop?); this exercise gets no points";
                        }
                        break;
                    }
                    if (line.equals(EOF)) {
                        break;
                    }
                    if (!line.startsWith(prefix)) {
                        continue;   // the submission's own output: ignored, counted against the cap
                    }
                    String rest = line.substring(prefix.length());
                    String[] f = rest.split("\t", -1);
                    for (int i = 1; i < f.length; i++) {
                        f[i] = unescape(f[i]);
                    }
                    switch (f[0]) {
                        case "S" -> {
                            if (started.isEmpty()) {
                                STARTUP_NANOS.addAndGet(System.nanoTime() - t0);
                            }
                            started.add(f[1]);
                            deadline = Math.min(until, System.currentTimeMillis() + budget(current++));
                        }
                        case "R", "V" -> {
                            if (f.length >= 3 && started.contains(f[1]) && !ended.contains(f[1])) {
                                parse(rest, pending.computeIfAbsent(f[1], k -> new LinkedHashMap<>()),
                                        results.computeIfAbsent(f[1], k -> new LinkedHashMap<>()));
                                raw.computeIfAbsent(f[1], k -> new ArrayList<>()).add(rest);
                            }
                        }
                        case "T" -> learnerRan |= f.length >= 2 && started.contains(f[1]);
                        case "E" -> ended.add(f[1]);
                        case "D" -> {
                            if (sandbox.tier() == Sandbox.Tier.BUBBLEWRAP) {
                                SANDBOXED_CPU_TICKS.addAndGet(cpuTicks(p));
                            }
                        }
                        default -> {
                            // D (done), H (halting after an exercise), X (tests not loadable): nothing to record
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killedFor = "grading was interrupted";
            } finally {
                if (killedFor == null && overCap) {
                    killedFor = "the submission printed more than " + (OUTPUT_CAP >> 10)
                            + " KiB and was stopped; this exercise gets no points";
                }
                if (killedFor == null && !overCap && p.isAlive()) {
                    // its output ended: the child is exiting on its own (after its last line, or halted); let it
                    // finish, so that a child that died by itself is not taken for one the grader killed
                    try {
                        p.waitFor(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                killedByUs |= p.isAlive();
                kill(p);
                try {
                    exit = p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (overCap && killedFor == null) {
                    killedFor = "output cap exceeded";
                }
                CHILD_NANOS.addAndGet(System.nanoTime() - t0);
                if (Boolean.getBoolean("rnnbook.grader.debug")) {
                    System.err.println("[grader debug] " + String.join(" ", cmd) + "\n  exit " + exit + ", started "
                            + started + ", ended " + ended + ", stderr: " + stderr);
                }
            }
        }

        /** Deadline for the exercise at this index: every test at its limit, plus slack. */
        long budget(int index) {
            if (index >= jobs.size()) {
                return 10_000;
            }
            return jobs.get(index).tests().specs().stream().mapToLong(Prepared.TestSpec::timeoutMs).sum()
                    + TEST_TIMEOUT_MS + 10_000L;
        }

        byte[] payload() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(bytes);
            d.writeUTF(secret);
            d.writeInt(jobs.size());
            for (Job j : jobs) {
                d.writeUTF(j.exerciseId());
                d.writeUTF(j.classes().toString());
                d.writeUTF(j.tests().className());
                d.writeBoolean(j.tests().hidden());
                d.writeInt(j.tests().classes().size());
                for (Map.Entry<String, byte[]> c : j.tests().classes().entrySet()) {
                    d.writeUTF(c.getKey());
                    d.writeInt(c.getValue().length);
                    d.write(c.getValue());
                }
                d.writeInt(j.tests().specs().size());
                for (Prepared.TestSpec t : j.tests().specs()) {
                    d.writeUTF(t.name());
                    d.writeInt(t.timeoutMs());
                }
            }
            d.flush();
            return bytes.toByteArray();
        }

        static final String EOF = "\u0000EOF";
        volatile boolean overCap;

        void readLines(InputStream in, BlockingQueue<String> lines, Process p) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            pump(in, p, (buf, n) -> {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (line.size() < (256 << 10)) {
                        line.write(buf[i]);
                    }
                }
            });
            lines.add(EOF);
        }

        void readErr(InputStream in, Process p) {
            pump(in, p, (buf, n) -> {
                synchronized (stderr) {
                    if (stderr.length() < 8192) {
                        stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            });
        }

        /** Hands each chunk of one of the child's streams to {@code chunk} until it ends; past the output cap the
         * child is killed (by us) and the rest is not read. */
        private void pump(InputStream in, Process p, ObjIntConsumer<byte[]> chunk) {
            long total = 0;
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > OUTPUT_CAP) {
                        overCap = true;
                        killedByUs = true;
                        kill(p);
                        break;
                    }
                    chunk.accept(buf, n);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }
    }

    /** The CPU ticks (user + system, 1/100 s) of a process's live descendants, from /proc; 0 for what is gone. */
    static long cpuTicks(Process p) {
        long sum = 0;
        for (ProcessHandle h : (Iterable<ProcessHandle>) p.descendants()::iterator) {
            try {
                String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (man 5 proc)
            } catch (IOException | RuntimeException gone) {
                // ended while we looked
            }
        }
        return sum;
    }

    /** Kills the child and everything it started, and waits until they are gone (their uid's slots free up). */
    static void kill(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        all.add(p.toHandle());
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone already, or not ours to wait for
            }
        }
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
