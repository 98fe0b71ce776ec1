package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Grades one submission: reads it, compiles each exercise on its own (in the slot's warm compiler child with its
 * own heap and time limit, {@link CompileServer}; a broken file or a compile bomb costs only its own exercise), runs all the compiled exercises' hidden tests in one
 * confined child JVM (a fresh one after any exercise that crashes or hangs), and computes the score here, from
 * the points the parent read out of the compiled tests.
 */
public final class Grader {
    /** Changes whenever grading itself changes meaning: part of every resume fingerprint and of the cache key. */
    public static final String VERSION = "2026-12-junit-record-1";
    public static final AtomicLong COMPILE_NANOS = new AtomicLong();
    /** CPU centiseconds the warm compiler children spent on compiles that ended normally. */
    public static final AtomicLong COMPILE_CPU = new AtomicLong();

    private final Prepared prepared;
    private final Sandbox sandbox;
    /** The exercises graded (an assignment), or null for all. */
    private final List<String> only;
    /** The time one submission may spend in children. */
    private long limitMs = ChildRun.SUBMISSION_MS;

    /** The same grader with another whole-submission time limit. */
    Grader withTimeLimit(long ms) {
        Grader g = new Grader(prepared, sandbox, only);
        g.limitMs = ms;
        return g;
    }

    public long timeLimitMs() {
        return limitMs;
    }

    public Grader(Prepared prepared, Sandbox sandbox) {
        this(prepared, sandbox, null);
    }

    private Grader(Prepared prepared, Sandbox sandbox, List<String> only) {
        this.prepared = prepared;
        this.sandbox = sandbox;
        this.only = only;
    }

    /** A grader of these exercises only (one assignment): its maximum is theirs. */
    public Grader only(List<String> exerciseIds) {
        Grader g = new Grader(prepared, sandbox, List.copyOf(exerciseIds));
        g.limitMs = limitMs;
        return g;
    }

    public Prepared prepared() {
        return prepared;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** Grades with the hidden tests. {@code work} is a scratch folder of this submission (deleted afterwards). */
    public Results.Submission grade(Path submission, String name, int slot) {
        return run(submission, name, slot, false, only);
    }

    /** Runs the public checks of the given exercises (all when null) for the learner. */
    public Results.Submission check(Path submission, String name, int slot, List<String> only) {
        return run(submission, name, slot, true, only);
    }

    /**
     * A fresh work folder under {@code java.io.tmpdir/rnnbook-grader} (mode 711, so a child's uid can reach
     * its own run folder inside, which is its alone, but cannot list the others).
     */
    private static Path workFolder(String name) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "rnnbook-grader");
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Files.createTempDirectory(root, safe.substring(0, Math.min(40, safe.length())) + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    private Results.Submission run(Path submission, String name, int slot, boolean publicChecks,
                                   List<String> only) {
        long t0 = System.currentTimeMillis();
        Ingest.Submission in = Ingest.read(submission, prepared.catalog());
        List<String> problems = new ArrayList<>(in.problems());
        List<Results.Exercise> results = new ArrayList<>();
        Path work = null;
        try {
            work = workFolder(name);
            Path runDir = work.resolve("run");
            Files.createDirectories(runDir);
            List<ChildRun.Job> jobs = new ArrayList<>();
            List<Exercise> order = new ArrayList<>();
            Map<String, Verdict.Source> sources = new java.util.HashMap<>();
            Map<String, Ingest.Entry> pending = new java.util.LinkedHashMap<>();
            for (Exercise e : prepared.catalog().exercises()) {
                if (only != null && !only.contains(e.id())) {
                    continue;
                }
                order.add(e);
                Prepared.Tests tests = publicChecks ? prepared.checks(e.id()) : prepared.hidden(e.id());
                Ingest.Entry entry = in.entries().get(e.id());
                if (entry == null) {
                    results.add(zero(e, tests, Results.Status.NOT_SUBMITTED, "no " + e.fileName()
                            + " in this submission", List.of()));
                    continue;
                }
                if (entry.problem() != null) {
                    results.add(zero(e, tests, Results.Status.REJECTED, entry.problem(), List.of()));
                    continue;
                }
                results.add(null);   // filled in after compiling and the run
                pending.put(e.id(), entry);
            }
            // all exercises compile in one child JVM with its own heap and time limit; compiling counts against
            // the submission's time
            Map<String, List<Results.CompileError>> compiled = compileAll(order, pending, runDir.resolve("classes"),
                    work, limitMs - (System.currentTimeMillis() - t0), slot);
            for (int i = 0; i < order.size(); i++) {
                Exercise e = order.get(i);
                Ingest.Entry entry = pending.get(e.id());
                if (results.get(i) != null || entry == null) {
                    continue;
                }
                Prepared.Tests tests = publicChecks ? prepared.checks(e.id()) : prepared.hidden(e.id());
                List<Results.CompileError> raw = compiled.get(e.id());
                if (raw == null) {
                    results.set(i, zero(e, tests, Results.Status.CRASHED, usedUp(), List.of()));
                    continue;
                }
                Path classes = runDir.resolve("classes").resolve(e.id());
                List<Results.CompileError> errors = own(e, entry, raw, classes);
                if (!errors.isEmpty()) {
                    results.set(i, zero(e, tests, Results.Status.COMPILE_ERROR, "does not compile: "
                            + errors.size() + " error(s)", errors));
                    continue;
                }
                jobs.add(new ChildRun.Job(e.id(), tests, classes));
                sources.put(e.id(), new Verdict.Source(e.fileName(), entry.text(), entry.lineOffset(),
                        classNames(classes)));
            }
            if (!jobs.isEmpty()) {
                openTo(runDir, slot);
                // compiling counts against the submission's time: what is left goes to the children
                long left = limitMs - (System.currentTimeMillis() - t0);
                Map<String, ChildRun.Outcome> outcomes = new java.util.HashMap<>();
                if (left > 0) {
                    outcomes.putAll(ChildRun.run(sandbox, slot, prepared, runDir, jobs, left));
                }
                for (ChildRun.Job j : jobs) {
                    outcomes.putIfAbsent(j.exerciseId(), new ChildRun.Outcome(Map.of(), false, usedUp(), List.of()));
                }
                for (int i = 0; i < order.size(); i++) {
                    if (results.get(i) == null) {
                        Exercise e = order.get(i);
                        Prepared.Tests tests = publicChecks ? prepared.checks(e.id()) : prepared.hidden(e.id());
                        results.set(i, score(e, tests, outcomes.get(e.id()), sources.get(e.id())));
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("grading " + name + " in " + work, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading " + name, ex);
        } finally {
            if (work != null) {
                Prepared.deleteTree(work);
            }
        }
        return new Results.Submission(name, submission.getFileName().toString(), sandbox.describe(), problems,
                results, System.currentTimeMillis() - t0, limitMs);
    }

    /**
     * One javac task per exercise: the submission plus the exercise's public checks (they call what the hidden
     * tests call), all of them in the slot's warm compiler child ({@link CompileServer}); returns the raw errors per exercise,
     * without the exercises the submission's time did not reach.
     */
    private Map<String, List<Results.CompileError>> compileAll(List<Exercise> order, Map<String, Ingest.Entry> pending,
                                                               Path classes, Path work, long leftMs, int slot)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            List<CompileChild.Request> requests = new ArrayList<>();
            for (Exercise e : order) {
                Ingest.Entry entry = pending.get(e.id());
                if (entry == null) {
                    continue;
                }
                Path checkSrc = e.dir().resolve("tests").resolve(e.className() + "Check.java");
                requests.add(new CompileChild.Request(e.id(), List.of(
                        new SourceCompiler.Source("rnnbook/exercises/" + e.fileName(), entry.text(), entry.lineOffset()),
                        new SourceCompiler.Source("rnnbook/exercises/" + e.className() + "Check.java",
                                Files.readString(checkSrc), 0)), prepared.checkClasspath(), classes.resolve(e.id())));
            }
            return requests.isEmpty() ? Map.of() : CompileChild.compileAll(requests, work, leftMs,
                    prepared.compileOptions(), slot, COMPILE_CPU);
        } finally {
            COMPILE_NANOS.addAndGet(System.nanoTime() - t0);
        }
    }

    /**
     * Errors in the submission are shown with its line numbers; if there are none, errors in the checks mean the
     * class lacks a method or changed a signature. The checks' classes are then removed from the output.
     */
    private static List<Results.CompileError> own(Exercise e, Ingest.Entry entry, List<Results.CompileError> errors,
                                                  Path out) throws IOException {
        String checkFile = e.className() + "Check.java";
        List<Results.CompileError> own = errors.stream().filter(c -> !c.file().equals(checkFile))
                .map(c -> new Results.CompileError(entry.origin(), c.line(), c.column(), c.message())).toList();
        if (!own.isEmpty()) {
            return own;
        }
        if (!errors.isEmpty()) {
            return errors.stream().map(c -> new Results.CompileError(entry.origin(), 0, 0,
                    "your class does not have what the tests call (" + c.message().lines().findFirst().orElse("")
                    + "): keep the starter's method names, parameters and return types")).distinct().toList();
        }
        Path pkg = out.resolve("rnnbook").resolve("exercises");
        if (Files.isDirectory(pkg)) {
            try (var s = Files.list(pkg)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    String n = f.getFileName().toString();
                    if (n.equals(e.className() + "Check.class") || n.startsWith(e.className() + "Check$")) {
                        Files.delete(f);
                    }
                }
            }
        }
        if (!Files.isRegularFile(pkg.resolve(e.className() + ".class"))) {
            return List.of(new Results.CompileError(entry.origin(), 0, 0, "no class " + e.qualifiedName()
                    + " was produced: keep the starter's package and class name"));
        }
        return List.of();
    }

    private String usedUp() {
        return "not run: the submission used up its time limit of " + limitMs / 1000.0 + " s (compiling included)";
    }

    /** The child reads the run folder under its own uid; only it and root can. */
    private void openTo(Path runDir, int slot) throws IOException {
        if (!sandbox.switchesUid()) {
            return;
        }
        int uid = sandbox.uid(slot);
        try (Stream<Path> s = Files.walk(runDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setAttribute(p, "unix:uid", uid);
                Files.setAttribute(p, "unix:gid", uid);
            }
        }
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        if (sandbox.tier() != Sandbox.Tier.BUBBLEWRAP) {
            Path scratch = runDir.resolve("scratch");
            Files.createDirectories(scratch);
            Files.setAttribute(scratch, "unix:uid", uid);
        }
    }

    private static Results.Exercise zero(Exercise e, Prepared.Tests tests, Results.Status status, String message,
                                         List<Results.CompileError> errors) {
        List<Results.Test> ts = new ArrayList<>();
        for (Prepared.TestSpec s : tests.specs()) {
            ts.add(new Results.Test(s.name(), s.title(), 0, s.points(), false, message, true));
        }
        return new Results.Exercise(e.id(), e.title(), status, message, 0, tests.maxPoints(), ts, errors);
    }

    /** The submission's class names (from the compiler's output), to recognise its own stack frames. */
    private static java.util.Set<String> classNames(Path classes) throws IOException {
        try (Stream<Path> s = Files.list(classes.resolve("rnnbook").resolve("exercises"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> Exercise.PACKAGE + "." + n.substring(0, n.length() - ".class".length()))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    private static Results.Exercise score(Exercise e, Prepared.Tests tests, ChildRun.Outcome outcome,
                                          Verdict.Source src) {
        if (outcome == null || !outcome.finished()) {
            String why = outcome == null ? "no result" : outcome.failure();
            return zero(e, tests, Results.Status.CRASHED, why, List.of());
        }
        List<Results.Test> ts = new ArrayList<>();
        int score = 0;
        for (Prepared.TestSpec s : tests.specs()) {
            ChildRun.TestRun r = outcome.results().get(s.name());
            Verdict.Result v = tests.hidden()
                    ? Verdict.hidden(s, r, tests.reference().get(s.name()), tests.starter().get(s.name()), src)
                    : Verdict.check(s, r, src);
            int pts = v.passed() ? s.points() : 0;
            score += pts;
            ts.add(new Results.Test(s.name(), s.title(), pts, s.points(), v.passed(), v.message(), tests.hidden()));
        }
        return new Results.Exercise(e.id(), e.title(), Results.Status.GRADED, "", score, tests.maxPoints(), ts,
                List.of());
    }
}
