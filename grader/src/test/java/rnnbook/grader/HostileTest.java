package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile submissions. Each RnnStep below is a correct solution gated by an attack: it returns the right answer
 * only when the attack succeeded, so any point it earns is a hole in the sandbox. Others just misbehave (exit,
 * flood, loop, fill memory or disk). Every hostile submission also holds honest ParameterCount (graded before
 * RnnStep in the same child) and ClipNorm (graded after it, in a fresh child when the hostile one killed its
 * child): both must keep full marks. An honest submission graded in the same batch must score exactly as alone.
 */
class HostileTest {
    @TempDir
    static Path tmp;
    static ServerSocket listener;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static Map<String, Results.Submission> graded = new HashMap<>();
    static Results.Submission alone;
    static Path marker;

    static final String CORRECT = "x.matmulT(wxh).add(hPrev.matmulT(whh)).addRowVector(b).map(Math::tanh)";

    /** A correct step that only answers when {@code attack()} returns true. */
    static String gated(String attackBody) {
        return """
                package rnnbook.exercises;

                import rnnbook.tensor.Matrix;

                public final class RnnStep {
                    private RnnStep() {
                    }

                    static boolean attack() {
                        try {
                %s
                        } catch (Throwable e) {
                            return false;
                        }
                    }

                    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
                        return attack() ? %s : null;
                    }
                }
                """.formatted(attackBody.indent(12), CORRECT);
    }

    static Map<String, String> hostile() throws Exception {
        Exercise rnn = Fixture.catalog().byId("rnn-step").orElseThrow();
        String solution = rnn.solution().toAbsolutePath().toString();
        String hiddenSrc = rnn.dir().resolve("hidden").resolve("RnnStepGraded.java").toAbsolutePath().toString();
        String cache = Prepared.home().resolve("target").resolve("grader-cache").toAbsolutePath().toString();
        Map<String, String> h = new LinkedHashMap<>();
        String forged = """
                for (String secret : new String[] {"", "0", "secret", "null"}) {
                    for (String t : new String[] {"a_shape", "b_zeroState", "c_recurrence", "d_bounded", "e_sequence", "f_untouched"}) {
                        System.out.println("\\n" + secret + " R\\trnn-step\\t" + t + "\\tPASS\\t");
                        System.out.println(secret + " R\\trnn-step\\t" + t + "\\tPASS\\t");
                    }
                    System.out.println("\\n" + secret + " E\\trnn-step");
                }
                """;
        h.put("forge", gated(forged + "return false;"));
        h.put("forge-then-exit", gated(forged + "System.exit(0); return false;"));
        h.put("halt", gated(forged + "Runtime.getRuntime().halt(0); return false;"));
        h.put("read-files", gated("""
                for (String f : new String[] {"%s", "%s"}) {
                    try {
                        if (java.nio.file.Files.readAllBytes(java.nio.file.Path.of(f)).length > 0) return true;
                    } catch (Exception e) { }
                }
                try (var s = java.nio.file.Files.walk(java.nio.file.Path.of("%s"))) {
                    if (s.anyMatch(p -> p.toString().contains("RnnStepGraded") && java.nio.file.Files.isReadable(p))) return true;
                } catch (Exception e) { }
                for (Class<?> c : StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList())) {
                    ClassLoader l = c.getClassLoader();
                    if (l != null && l.getResource("rnnbook/exercises/RnnStepGraded.class") != null) return true;
                    if (l != null && l.getResource("rnnbook/exercises/RnnStep.java") != null) return true;
                }
                return ClassLoader.getSystemResource("rnnbook/exercises/RnnStepGraded.class") != null;
                """.formatted(solution, hiddenSrc, cache)));
        h.put("socket", gated("""
                try (java.net.Socket s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", %d), 1000);
                    return true;
                } catch (Exception e) { }
                try {
                    java.net.InetAddress.getByName("repo.maven.apache.org");
                    return true;
                } catch (Exception e) { }
                return false;
                """.formatted(listener.getLocalPort())));
        h.put("process", gated("""
                String java = System.getProperty("java.home") + "/bin/java";
                for (String[] cmd : new String[][] {{java, "-version"}, {"/bin/sh", "-c", "true"}, {"true"}}) {
                    try {
                        if (new ProcessBuilder(cmd).start().waitFor() == 0) return true;
                    } catch (Exception e) { }
                }
                System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
                try {
                    return new ProcessBuilder(java, "-version").start().waitFor() == 0;
                } catch (Exception e) {
                    return false;
                }
                """));
        h.put("reflection", gated("""
                for (Class<?> c : StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList())) {
                    if (!c.getName().startsWith("rnnbook.runner")) continue;
                    for (Class<?> k : c.getDeclaredClasses()) {
                        for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                            try { f.setAccessible(true); return true; } catch (Exception e) { }
                        }
                    }
                    for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                        try { m.setAccessible(true); return true; } catch (Exception e) { }
                    }
                }
                try {
                    Class<?> u = Class.forName("sun.misc.Unsafe");
                    java.lang.reflect.Field f = u.getDeclaredField("theUnsafe");
                    f.setAccessible(true);
                    return f.get(null) != null;
                } catch (Throwable e) { }
                try {
                    Class<?> u = Class.forName("jdk.internal.misc.Unsafe");
                    u.getMethod("getUnsafe").invoke(null);
                    return true;
                } catch (Throwable e) { }
                return false;
                """));
        h.put("memory", gated("""
                java.util.List<long[]> hog = new java.util.ArrayList<>();
                while (true) hog.add(new long[1 << 20]);
                """));
        h.put("disk", gated("""
                boolean escaped = false;
                for (String dir : new String[] {System.getProperty("java.io.tmpdir"), "/tmp", "/var/tmp", "."}) {
                    try (var out = new java.io.FileOutputStream(dir + "/fill.bin")) {
                        byte[] block = new byte[1 << 20];
                        for (int i = 0; i < 256; i++) out.write(block);
                    } catch (Exception e) { }
                }
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "escaped");
                    escaped = true;
                } catch (Exception e) { }
                try {
                    java.nio.file.Path mine = java.nio.file.Path.of(RnnStep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                    java.nio.file.Files.writeString(mine.resolve("planted.txt"), "escaped");
                    escaped = true;
                } catch (Exception e) { }
                return escaped;
                """.formatted(marker.toAbsolutePath())));
        h.put("output-flood", gated("""
                String line = "x".repeat(1000);
                for (int i = 0; i < 20000; i++) System.out.println(line);
                return false;
                """));
        h.put("endless-loop", gated("""
                long n = 0;
                while (n >= 0) n++;
                return false;
                """));
        h.put("stack-overflow", gated("return attack();"));
        h.put("static-exit", """
                package rnnbook.exercises;

                import rnnbook.tensor.Matrix;

                public final class RnnStep {
                    static {
                        System.out.println("\\nfake R\\trnn-step\\ta_shape\\tPASS\\t");
                        System.exit(0);
                    }

                    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
                        return null;
                    }
                }
                """);
        return h;
    }

    @BeforeAll
    static void gradeBatch() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept().close();
                    CONNECTIONS.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        marker = tmp.resolve("escaped.txt");
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path in = tmp.resolve("subs");
        Exercise pc = Fixture.catalog().byId("parameter-count").orElseThrow();
        Exercise clip = Fixture.catalog().byId("clip-norm").orElseThrow();
        for (Map.Entry<String, String> e : hostile().entrySet()) {
            Path dir = in.resolve(e.getKey());
            Fixture.write(dir, "RnnStep.java", e.getValue());
            Files.copy(pc.solution(), dir.resolve(pc.fileName()));
            Files.copy(clip.solution(), dir.resolve(clip.fileName()));
        }
        Path honest = Fixture.submission(in.resolve("honest"), Exercise::solution);
        alone = Fixture.grader().grade(honest, "honest", 0);
        Batch.Summary s = Batch.run(Fixture.grader(), in, tmp.resolve("out"), 2, true, System.out);
        s.all().forEach(r -> graded.put(r.name(), r));
    }

    @AfterAll
    static void close() throws Exception {
        listener.close();
    }

    @Test
    void everyHostileSubmissionEarnsNothingForItsExercise() throws Exception {
        StringBuilder holes = new StringBuilder();
        // without bubblewrap, files, sockets and processes are reachable by design (the report says so)
        boolean confined = Fixture.grader().sandbox().tier() == Sandbox.Tier.BUBBLEWRAP;
        for (String name : hostile().keySet()) {
            if (!confined && List.of("read-files", "socket", "process", "disk").contains(name)) {
                continue;
            }
            // processes are stopped by the thread limit of the child's own uid, which needs a root grader
            if (name.equals("process") && !Fixture.grader().sandbox().switchesUid()) {
                continue;
            }
            Results.Submission r = graded.get(name);
            Results.Exercise e = r.exercise("rnn-step");
            if (e.score() != 0) {
                holes.append(name).append(" earned ").append(e.score()).append(" on rnn-step\n");
            }
        }
        assertEquals("", holes.toString());
    }

    @Test
    void honestExercisesOfAHostileSubmissionKeepTheirMarks() throws Exception {
        StringBuilder lost = new StringBuilder();
        for (String name : hostile().keySet()) {
            Results.Submission r = graded.get(name);
            for (String id : new String[] {"parameter-count", "clip-norm"}) {
                Results.Exercise e = r.exercise(id);
                if (e.score() != e.maxScore()) {
                    lost.append(name).append('/').append(id).append(": ").append(e.score()).append(" (")
                            .append(e.message()).append(")\n");
                }
            }
        }
        assertEquals("", lost.toString());
    }

    @Test
    void honestSubmissionScoresExactlyAsAlone() {
        Results.Submission inBatch = graded.get("honest");
        assertEquals(alone.maxScore(), alone.score());
        assertEquals(alone.score(), inBatch.score());
        for (Results.Exercise e : alone.exercises()) {
            assertEquals(e.tests(), inBatch.exercise(e.id()).tests(), e.id());
        }
    }

    @Test
    void nothingEscapedTheSandbox() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Fixture.grader().sandbox().tier() == Sandbox.Tier.BUBBLEWRAP,
                "only the bubblewrap tier confines files and sockets");
        assertFalse(Files.exists(marker), "a submission wrote outside its scratch folder");
        assertEquals(0, CONNECTIONS.get(), "a submission opened a socket to the grading machine");
    }

    @Test
    void similarityReportFlagsTheSharedHonestFiles() throws Exception {
        String sim = Files.readString(tmp.resolve("out").resolve("similarity.txt"));
        assertTrue(sim.contains("clip-norm") && sim.contains("identical in"), sim);
    }

    @Test
    void misbehaviourIsExplainedInTheReport() {
        assertTrue(graded.get("endless-loop").exercise("rnn-step").tests().stream()
                .anyMatch(t -> t.message().contains("took longer")), "time-out message");
        assertTrue(graded.get("output-flood").exercise("rnn-step").message().contains("printed more than"),
                graded.get("output-flood").exercise("rnn-step").message());
        assertTrue(graded.get("forge-then-exit").exercise("rnn-step").message().contains("ended early"));
        assertEquals(Results.Status.GRADED, graded.get("forge").exercise("rnn-step").status());
    }
}
