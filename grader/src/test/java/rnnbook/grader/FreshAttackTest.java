package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third round of attacks, not seen by the earlier suites. Each is a submission whose rnn-step is correct only
 * when its attack works ({@link HostileTest#gated}), or whose attack aims at the grader itself (a thread or a
 * shutdown hook that outlives the test, closing the channel, extra files a build tool would act on, the names of
 * the runner's and JUnit's own classes). Every one is graded in one batch beside honest exercises: the attack
 * earns nothing, is never a grader error (that would leave it ungraded and regraded forever), and the honest
 * exercises of the same submission keep full marks.
 */
@Timeout(600)
class FreshAttackTest {
    @TempDir
    static Path tmp;
    static final Map<String, Results.Submission> GRADED = new HashMap<>();
    static final List<String> EXERCISES = List.of("parameter-count", "rnn-step", "clip-norm");
    static Batch.Summary summary;
    static String log;

    static Map<String, String> attacks() {
        Map<String, String> a = new LinkedHashMap<>();
        // the secret or the runner's state through the hidden test's own class loader and module
        a.put("runner-internals", HostileTest.gated("""
                for (Class<?> c : StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList())) {
                    ClassLoader l = c.getClassLoader();
                    for (String n : new String[] {"rnnbook.runner.internal.Channel", "rnnbook.runner.internal.Recorder",
                            "rnnbook.runner.internal.Listener", "rnnbook.runner.internal.Child"}) {
                        try {
                            Class<?> k = Class.forName(n, false, l == null ? ClassLoader.getSystemClassLoader() : l);
                            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                                try {
                                    f.setAccessible(true);
                                    return true;
                                } catch (RuntimeException e) { }
                            }
                        } catch (Throwable e) { }
                    }
                }
                return false;
                """));
        // the process's own view: /proc (the secret is on the runner's heap; environ and cmdline of anyone)
        a.put("proc-and-environment", HostileTest.gated("""
                for (String p : new String[] {"/proc/self/environ", "/proc/self/cmdline", "/proc/1/cmdline",
                        "/proc/self/fd/0", "/proc/self/mem", "/proc/self/maps"}) {
                    try {
                        if (java.nio.file.Files.newInputStream(java.nio.file.Path.of(p)).read() >= 0) return true;
                    } catch (Exception e) { }
                }
                return System.getenv().keySet().stream().anyMatch(k -> k.toUpperCase().contains("SECRET")
                        || k.toUpperCase().contains("RNNBOOK"));
                """));
        // every thread's stack: a frame of the runner that holds the secret in a local is not readable, but
        // a thread name or a frame's string might carry it
        a.put("thread-names", HostileTest.gated("""
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().matches(".*[0-9a-f]{16,}.*")) return true;
                }
                return false;
                """));
        // a thread that outlives its test and halts the child with 137 (which looks like a kill from outside)
        // while the next exercise runs or starts
        for (int ms : new int[] {30, 1500}) {
            a.put("late-halt-" + ms, HostileTest.gated("""
                    Thread t = new Thread(() -> {
                        try { Thread.sleep(%d); } catch (InterruptedException e) { }
                        Runtime.getRuntime().halt(137);
                    });
                    t.setDaemon(true);
                    t.start();
                    return true;
                    """.formatted(ms)));
        }
        // a shutdown hook that would stall the child's exit, or halt it with 137 once every result is in
        a.put("shutdown-hooks", HostileTest.gated("""
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { Thread.sleep(600_000); } catch (InterruptedException e) { }
                }));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(137)));
                return true;
                """));
        // the channel itself: closing standard output (the child's results travel on it)
        a.put("close-channel", HostileTest.gated("""
                System.out.close();
                try { new java.io.FileOutputStream(java.io.FileDescriptor.out).close(); } catch (Exception e) { }
                return true;
                """));
        // finalizers and cleaners that run on the GC's threads, after the test that made them
        a.put("cleaner", HostileTest.gated("""
                java.lang.ref.Cleaner.create().register(new Object(), () -> Runtime.getRuntime().halt(137));
                System.gc();
                return true;
                """));
        return a;
    }

    /** A class of the submission's own named like the runner's, JUnit's and the hidden test's classes. */
    static String shadows() {
        String solution = Fixture.read(Fixture.catalog().byId("rnn-step").orElseThrow().solution());
        return solution + """

                final class RnnStepGraded {
                    static { Runtime.getRuntime().halt(0); }
                }

                final class Record {
                    static void value(String name, Object v) { }
                }

                final class Assertions {
                    static void assertEquals(Object a, Object b) { }
                }
                """;
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    @BeforeAll
    static void gradeTheAttacks() throws Exception {
        Path in = tmp.resolve("subs");
        Exercise pc = Fixture.catalog().byId("parameter-count").orElseThrow();
        Exercise clip = Fixture.catalog().byId("clip-norm").orElseThrow();
        Map<String, String> all = new LinkedHashMap<>(attacks());
        all.put("shadow-names", shadows());
        for (Map.Entry<String, String> e : all.entrySet()) {
            Path dir = in.resolve(e.getKey());
            Fixture.write(dir, "RnnStep.java", e.getValue());
            Files.copy(pc.solution(), dir.resolve(pc.fileName()));
            Files.copy(clip.solution(), dir.resolve(clip.fileName()));
        }
        // a zip that a build tool would act on: module-info, an annotation processor registered as a service, a
        // Maven pom with a plugin; the grader compiles only the exercise files, with -proc:none
        String processor = """
                package rnnbook.exercises;
                public final class Evil extends javax.annotation.processing.AbstractProcessor {
                    static { Runtime.getRuntime().halt(0); }
                    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a,
                            javax.annotation.processing.RoundEnvironment r) { return false; }
                }
                """;
        Files.write(in.resolve("build-files.zip"), zip(Map.of(
                "RnnStep.java", HostileTest.gated("return false;"),
                "ParameterCount.java", Fixture.read(pc.solution()),
                "ClipNorm.java", Fixture.read(clip.solution()),
                "module-info.java", "module evil { requires jdk.unsupported; }",
                "META-INF/services/javax.annotation.processing.Processor", "rnnbook.exercises.Evil\n",
                "Evil.java", processor,
                "pom.xml", "<project><build><plugins><plugin><artifactId>exec</artifactId></plugin></plugins></build>"
                        + "</project>")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary = Batch.run(Fixture.grader().only(EXERCISES), in, tmp.resolve("out"), 2, false,
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        log = out.toString(StandardCharsets.UTF_8);
        System.out.print(log);
        summary.all().forEach(r -> GRADED.put(r.name(), r));
    }

    @Test
    void noAttackIsAGraderError() {
        assertEquals(0, summary.failed(), log);
        assertEquals(attacks().size() + 2, GRADED.size(), log);
    }

    /**
     * The attacks gated on a capability (the runner's internals, /proc, the environment, a secret in a thread's
     * name): none has it. The others (late threads, hooks, closing the channel, a cleaner) aim at the grader, not
     * at marks; they may keep what their correct answer earned before they struck.
     */
    static final List<String> CAPABILITIES = List.of("runner-internals", "proc-and-environment", "thread-names");

    @Test
    void noAttackEarnsAPointOfItsExercise() {
        for (String name : CAPABILITIES) {
            Results.Exercise rnn = GRADED.get(name).exercise("rnn-step");
            assertEquals(0, rnn.score(), name + ": " + rnn);
        }
        assertEquals(0, GRADED.get("build-files").exercise("rnn-step").score(), "the processor did not run");
    }

    @Test
    void theHonestExercisesBesideEachAttackKeepFullMarks() {
        for (Results.Submission r : GRADED.values()) {
            for (String id : List.of("parameter-count", "clip-norm")) {
                Results.Exercise e = r.exercise(id);
                assertEquals(e.maxScore(), e.score(), r.name() + " " + id + ": " + e);
            }
        }
    }

    /** Classes named like the hidden test, the runner's Record and JUnit's Assertions change nothing. */
    @Test
    void shadowingTheTestsNamesChangesNothing() {
        Results.Exercise rnn = GRADED.get("shadow-names").exercise("rnn-step");
        assertEquals(rnn.maxScore(), rnn.score(), rnn.toString());
    }

    /** A shutdown hook that sleeps for ten minutes does not hold the slot: the runner ends with halt. */
    @Test
    void aShutdownHookDoesNotHoldTheSlot() {
        Results.Submission r = GRADED.get("shutdown-hooks");
        assertTrue(r.millis() < 60_000, "graded in " + r.millis() + " ms");
    }
}
