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

/**
 * The parent side of a test run: starts a confined child JVM, hands it the per-run secret and the compiled tests
 * on stdin, and reads back only the stdout lines that start with the secret. Output is capped, every exercise
 * has a deadline, and an exercise whose end marker never arrives (exit, crash, kill, cap) earns nothing; the
 * exercises after it run again in a fresh child.
 */
public final class ChildRun {
    /** Per-test limit enforced by the runner; the parent's per-exercise deadline is derived from it. */
    public static final int TEST_TIMEOUT_MS = Integer.getInteger("rnnbook.grader.testTimeoutMs", 10_000);
    static final long OUTPUT_CAP = 1L << 20;
    static final long STARTUP_MS = 20_000;

    /** One exercise to run: its id, its test classes, the folder holding the submission's classes. */
    public record Job(String exerciseId, Prepared.Tests tests, Path classes) {
    }

    /** What came back for one exercise: per test, null = no authenticated result. */
    public record Outcome(Map<String, String[]> results, boolean finished, String failure) {
    }

    /** Timings for the benchmark: child starts and wall time. */
    public static final java.util.concurrent.atomic.AtomicLong CHILD_STARTS = new java.util.concurrent.atomic.AtomicLong();
    public static final java.util.concurrent.atomic.AtomicLong CHILD_NANOS = new java.util.concurrent.atomic.AtomicLong();
    /** From starting the process to its first authenticated line: JVM start-up inside the sandbox. */
    public static final java.util.concurrent.atomic.AtomicLong STARTUP_NANOS = new java.util.concurrent.atomic.AtomicLong();

    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildRun() {
    }

    public static Map<String, Outcome> run(Sandbox sandbox, int slot, Prepared prepared, Path runDir, List<Job> jobs) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Job> remaining = new ArrayList<>(jobs);
        int attempts = 0;
        while (!remaining.isEmpty() && attempts++ <= jobs.size()) {
            Attempt a = new Attempt(sandbox, slot, prepared, runDir, remaining);
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
                a.execute();
            }
            List<Job> next = new ArrayList<>();
            boolean blamed = false;
            for (Job j : remaining) {
                Map<String, String[]> res = a.results.getOrDefault(j.exerciseId(), new LinkedHashMap<>());
                if (a.ended.contains(j.exerciseId())) {
                    outcomes.put(j.exerciseId(), new Outcome(res, true, null));
                } else if (a.started.contains(j.exerciseId()) || (!blamed && a.started.isEmpty())) {
                    // the child died inside this exercise (or before any): it alone is charged
                    outcomes.put(j.exerciseId(), new Outcome(Map.of(), false, a.failure()));
                    blamed = true;
                } else {
                    next.add(j);
                }
            }
            remaining = next;
        }
        for (Job j : remaining) {
            outcomes.put(j.exerciseId(), new Outcome(Map.of(), false, "not run: the test runner kept failing"));
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
        final Map<String, Map<String, String[]>> results = new LinkedHashMap<>();
        final List<String> started = new ArrayList<>();
        final List<String> ended = new ArrayList<>();
        final StringBuilder stderr = new StringBuilder();
        String killedFor;
        int exit = Integer.MIN_VALUE;

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
            return "the test run ended early (exit code " + exit + hint
                    + "): System.exit, a crash, or a broken limit; this exercise gets no points";
        }

        void execute() {
            long t0 = System.nanoTime();
            CHILD_STARTS.incrementAndGet();
            Path scratch = sandbox.scratchFor(runDir);
            List<String> javaArgs = List.of("-Xmx256m", "-Xss1m", "-XX:MaxMetaspaceSize=96m",
                    "-XX:CompressedClassSpaceSize=48m", "-XX:ReservedCodeCacheSize=32m",
                    "-XX:MaxDirectMemorySize=8m", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC",
                    // the engine's SIMD path, as in the notebooks, the site build and the benchmarks; it needs C2 (with
                    // the quick JIT only, -XX:TieredStopAtLevel=1, the Vector API runs about 30x slower than scalar code)
                    "--add-modules", "jdk.incubator.vector", "-XX:-UsePerfData",
                    "-XX:+DisableAttachMechanism", "-Xshare:auto", "-Djava.io.tmpdir=" + scratch,
                    "-Dfile.encoding=UTF-8", "-Duser.home=" + scratch, "--limit-modules", "java.base,jdk.incubator.vector",
                    "--module-path", prepared.runner().toString(), "-m",
                    "rnnbook.runner/rnnbook.runner.internal.Child", prepared.engine().toString());
            List<Path> binds = List.of(prepared.engine(), prepared.runner(), runDir);
            List<String> cmd = sandbox.command(slot, scratch, binds, javaArgs);
            sandbox.reclaim(slot);   // the slot's uid must own nothing before its thread limit applies again
            Process p;
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.directory(sandbox.tier() == Sandbox.Tier.BUBBLEWRAP ? runDir.toFile() : scratch.toFile());
                pb.environment().clear();
                pb.environment().put("LANG", "C.UTF-8");
                pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
                p = pb.start();
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
            long deadline = System.currentTimeMillis() + STARTUP_MS + budget(0);
            int current = 0;
            try {
                while (true) {
                    long wait = deadline - System.currentTimeMillis();
                    String line = wait <= 0 ? null : lines.poll(wait, TimeUnit.MILLISECONDS);
                    if (line == null) {
                        if (wait <= 0) {
                            killedFor = "the tests took longer than the time allowed and were stopped"
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
                    String[] f = line.substring(prefix.length()).split("\t", -1);
                    for (int i = 1; i < f.length; i++) {
                        f[i] = unescape(f[i]);
                    }
                    switch (f[0]) {
                        case "S" -> {
                            if (started.isEmpty()) {
                                STARTUP_NANOS.addAndGet(System.nanoTime() - t0);
                            }
                            started.add(f[1]);
                            deadline = System.currentTimeMillis() + budget(current++);
                        }
                        case "R" -> {
                            if (f.length >= 5 && started.contains(f[1]) && !ended.contains(f[1])) {
                                results.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                                        .putIfAbsent(f[2], new String[] {f[3], f[4]});
                            }
                        }
                        case "E" -> ended.add(f[1]);
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
            return (long) TEST_TIMEOUT_MS * (jobs.get(index).tests().specs().size() + 1) + 10_000;
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
                d.writeInt(j.tests().classes().size());
                for (Map.Entry<String, byte[]> c : j.tests().classes().entrySet()) {
                    d.writeUTF(c.getKey());
                    d.writeInt(c.getValue().length);
                    d.write(c.getValue());
                }
                d.writeInt(TEST_TIMEOUT_MS);
            }
            d.flush();
            return bytes.toByteArray();
        }

        static final String EOF = "\u0000EOF";
        volatile boolean overCap;

        void readLines(InputStream in, BlockingQueue<String> lines, Process p) {
            long total = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > OUTPUT_CAP) {
                        overCap = true;
                        kill(p);
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else if (line.size() < 65536) {
                            line.write(buf[i]);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
            lines.add(EOF);
        }

        void readErr(InputStream in, Process p) {
            long total = 0;
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > OUTPUT_CAP) {
                        overCap = true;
                        kill(p);
                        break;
                    }
                    synchronized (stderr) {
                        if (stderr.length() < 8192) {
                            stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }
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
