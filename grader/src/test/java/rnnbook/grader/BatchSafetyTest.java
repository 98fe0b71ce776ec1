package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's batch faults: graders side by side, a child that cannot start, names that collide, files that are
 * not regular, resume after the tests changed, parsing that must stay linear, the whole-submission time limit,
 * notebooks graded as JShell would hold them, and grading one assignment.
 */
@Timeout(600)
class BatchSafetyTest {
    @TempDir
    Path tmp;

    private Path references(Path dir, int n) {
        for (int i = 0; i < n; i++) {
            Fixture.submission(dir.resolve("ref-" + i), Exercise::solution);
        }
        return dir;
    }

    @Test
    void twoGradersSideBySideEachGradeExactly() throws Exception {
        Path a = references(tmp.resolve("a"), 3);
        Path b = references(tmp.resolve("b"), 3);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Drnnbook.exercises.dir=" + Fixture.catalog().root(), "-Drnnbook.grader.dir=" + Prepared.home(),
                "-Drnnbook.grader.testTimeoutMs=" + ChildRun.TEST_TIMEOUT_MS,
                "rnnbook.grader.Cli", "grade", "--batch", b.toString(), "--out", tmp.resolve("out-b").toString(),
                "--jobs", "1", "--no-similarity"));
        Process other = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("other.log").toFile()).start();
        Batch.Summary mine = Batch.run(Fixture.grader(), a, tmp.resolve("out-a"), 1, false, System.out);
        assertTrue(other.waitFor(300, TimeUnit.SECONDS), "the other grader did not finish");
        String log = Files.readString(tmp.resolve("other.log"));
        assertEquals(0, other.exitValue(), log);
        assertEquals(0, mine.failed());
        for (Results.Submission s : mine.all()) {
            assertEquals(s.maxScore(), s.score(), s.name());
        }
        for (int i = 0; i < 3; i++) {
            Results.Submission s = Reports.readGrade(tmp.resolve("out-b").resolve("ref-" + i));
            assertEquals(s.maxScore(), s.score(), "the other grader's ref-" + i + ": " + log);
        }
    }

    @Test
    void aChildThatCannotStartIsAGraderErrorNeverAGrade() throws Exception {
        Path in = references(tmp.resolve("in"), 1);
        Grader broken = new Grader(Fixture.grader().prepared(),
                Fixture.grader().sandbox().withJavaHome(tmp.resolve("no-jdk-here")));
        Batch.Summary s = Batch.run(broken, in, tmp.resolve("out"), 1, false, System.out);
        assertEquals(1, s.failed());
        assertEquals(0, s.graded());
        assertFalse(Files.exists(tmp.resolve("out").resolve("ref-0").resolve(".fingerprint")));
        assertFalse(Files.exists(tmp.resolve("out").resolve("ref-0").resolve("grade.json")));
        Batch.Summary again = Batch.run(Fixture.grader(), in, tmp.resolve("out"), 1, false, System.out);
        assertEquals(1, again.graded());
        assertEquals(Fixture.fullMarks(), again.all().get(0).score());
    }

    @Test
    void namesNeverCollideAndOnlyRegularFilesAreRead() throws Exception {
        Path in = tmp.resolve("in");
        Fixture.submission(in.resolve("victim"), Exercise::solution);
        Files.write(in.resolve("victim.zip"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0});
        Fixture.write(in.resolve("gradebook.csv.zip").getParent(), "gradebook.csv.zip", "not a zip");
        Files.createSymbolicLink(in.resolve("zero.zip"), Path.of("/dev/zero"));
        assertEquals(0, new ProcessBuilder("mkfifo", in.resolve("fifo.ipynb").toString()).start().waitFor());
        Path out = tmp.resolve("out");
        Batch.Summary s = Batch.run(Fixture.grader(), in, out, 2, false, System.out);
        assertEquals(0, s.failed());
        assertEquals(Fixture.fullMarks(), Reports.readGrade(out.resolve("victim")).score());
        assertEquals(0, Reports.readGrade(out.resolve("victim.zip")).score());
        assertTrue(Files.isRegularFile(out.resolve("gradebook.csv")));
        assertTrue(Files.isDirectory(out.resolve("gradebook.csv.zip")));
        assertEquals(3, s.all().size());
    }

    @Test
    void resumeRegradesWhenTheTestsOrTheGraderChanged() throws Exception {
        Path in = references(tmp.resolve("in"), 1);
        Path out = tmp.resolve("out");
        assertEquals(1, Batch.run(Fixture.grader(), in, out, 1, false, System.out).graded());
        assertEquals(1, Batch.run(Fixture.grader(), in, out, 1, false, System.out).resumed());
        Path marker = out.resolve("ref-0").resolve(".fingerprint");
        String print = Files.readString(marker);
        Files.writeString(marker, print.substring(0, print.indexOf(' ')) + " an-older-grader-or-other-tests");
        assertEquals(1, Batch.run(Fixture.grader(), in, out, 1, false, System.out).graded());
        // the grader's part of the fingerprint covers every hidden test's points
        Path copy = tmp.resolve("exercises");
        copyTree(Fixture.catalog().root(), copy);
        Prepared.deleteTree(copy.resolve("target"));
        assertEquals(Prepared.hashOf(Fixture.catalog()), Prepared.hashOf(Catalog.load(copy)));
        Path hidden = copy.resolve("02-the-cell/rnn-step/hidden/RnnStepGraded.java");
        Files.writeString(hidden, Files.readString(hidden).replaceFirst("@Points\\(1\\)", "@Points(4)"));
        assertNotEquals(Prepared.hashOf(Fixture.catalog()), Prepared.hashOf(Catalog.load(copy)));
    }

    @Test
    @Timeout(20)
    void parsingStaysLinear() throws Exception {
        String rnnRef = Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow().solution());
        String blank = "\n".repeat(64_000) + rnnRef.replace("package rnnbook.exercises;", "");
        Path dir = Fixture.write(tmp.resolve("blank"), "RnnStep.java", blank).getParent();
        Ingest.Submission s = Ingest.read(dir, Fixture.catalog());
        assertTrue(s.entries().get("rnn-step").text() != null);
        Path big = tmp.resolve("big.ipynb");
        try (var w = Files.newBufferedWriter(big)) {
            w.write("{\"cells\": [");
            String cell = "{\"cell_type\": \"code\", \"source\": \"" + "x".repeat(1000) + "\"},";
            for (int i = 0; i < 100_000; i++) {
                w.write(cell);
            }
            w.write("{}]}");
        }
        Ingest.Submission nb = Ingest.read(big, Fixture.catalog());
        assertTrue(String.join(" ", nb.problems()).contains("larger than"), nb.problems().toString());
    }

    @Test
    void aCompileBombCostsOnlyItsOwnExercise() throws Exception {
        String ref = Files.readString(Fixture.catalog().byId("parameter-count").orElseThrow().solution());
        String bomb = ref.replaceFirst("public final class ParameterCount \\{", "public final class ParameterCount {\n"
                + "    static long bomb() { return 1" + "+(1".repeat(20_000) + ")".repeat(20_000) + "; }");
        Path in = tmp.resolve("in");
        for (String n : List.of("bomb-1", "bomb-2")) {
            Fixture.submission(in.resolve(n), Exercise::solution);
            Files.writeString(in.resolve(n).resolve("ParameterCount.java"), bomb);
        }
        Batch.Summary s = Batch.run(Fixture.grader(), in, tmp.resolve("out"), 2, true, System.out);
        assertEquals(0, s.failed());
        for (Results.Submission r : s.all()) {
            Results.Exercise pc = r.exercise("parameter-count");
            assertEquals(Results.Status.COMPILE_ERROR, pc.status());
            assertTrue(pc.compileErrors().get(0).message().contains("nested far too deeply"),
                    pc.compileErrors().toString());
            assertEquals(r.maxScore() - pc.maxScore(), r.score(), "the other exercises keep their marks");
        }
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve("similarity.txt")));
    }

    /**
     * Constant folding doubles a string 26 times (512 MB, 1 GB of allocation on the way): javac in the grader's
     * own JVM took that memory from the grader (3.4 GB of RSS at 27 doublings, then the grader's heap ran out).
     * Now it runs out of memory in the compiler's child alone: a compile error of that exercise, and the next
     * submission is graded normally.
     */
    @Test
    void aCompileBombThatFillsMemoryCostsOnlyItsOwnExerciseNeverTheGrader() throws Exception {
        StringBuilder fold = new StringBuilder("    static final String A0 = \"xxxxxxxx\";\n");
        for (int i = 1; i <= 26; i++) {
            fold.append("    static final String A").append(i).append(" = A").append(i - 1).append(" + A")
                    .append(i - 1).append(";\n");
        }
        String ref = Files.readString(Fixture.catalog().byId("parameter-count").orElseThrow().solution());
        String bomb = ref.replaceFirst("public final class ParameterCount \\{", "public final class ParameterCount {\n"
                + fold + "    static int bomb() { return A26.length(); }");
        Path in = tmp.resolve("in");
        // an honest submission first, so the bomb meets a warm compiler child that has served before
        Fixture.submission(in.resolve("0-honest"), Exercise::solution);
        Fixture.submission(in.resolve("a-bomb"), Exercise::solution);
        Files.writeString(in.resolve("a-bomb").resolve("ParameterCount.java"), bomb);
        Fixture.submission(in.resolve("b-honest"), Exercise::solution);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getTotalThreadAllocatedBytes();
        Batch.Summary s = Batch.run(Fixture.grader(), in, tmp.resolve("out"), 1, false, System.out);
        long allocated = threads.getTotalThreadAllocatedBytes() - before;
        System.out.println("grader JVM allocated " + allocated / 1_000_000 + " MB grading the bomb and two honest ones");
        assertEquals(0, s.failed());
        Results.Submission b = s.all().stream().filter(r -> r.name().equals("a-bomb")).findFirst().orElseThrow();
        Results.Exercise pc = b.exercise("parameter-count");
        assertEquals(Results.Status.COMPILE_ERROR, pc.status());
        assertTrue(pc.compileErrors().get(0).message().contains("ran out of memory"), pc.compileErrors().toString());
        assertEquals(b.maxScore() - pc.maxScore(), b.score(), "the bomb's other exercises keep their marks");
        for (String honest : List.of("0-honest", "b-honest")) {
            Results.Submission h = s.all().stream().filter(r -> r.name().equals(honest)).findFirst().orElseThrow();
            assertEquals(h.maxScore(), h.score(), honest);
        }
        // the folded string alone is 512 MB; grading both submissions in the grader allocates far less
        assertTrue(allocated < 300_000_000L, "the grader JVM allocated " + allocated + " bytes");
    }

    @Test
    void aSubmissionThatStallsStopsAtItsTimeLimit() throws Exception {
        String slow = Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow().solution())
                .replace("public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {",
                        "public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {\n"
                        + "        try { Thread.sleep(1500); } catch (InterruptedException e) { }");
        Path dir = Fixture.write(tmp.resolve("slow"), "RnnStep.java", slow).getParent();
        long t0 = System.nanoTime();
        Results.Submission r = Fixture.grader().withTimeLimit(6_000).grade(dir, "slow", 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 30, "took " + seconds + " s");
        assertEquals(0, r.exercise("rnn-step").score());
        assertTrue(r.exercise("rnn-step").message().contains("time limit"), r.exercise("rnn-step").message());
        assertTrue(Reports.text(r).contains("Time: "), Reports.text(r));
    }

    @Test
    void aNotebookIsGradedAsJShellHoldsItAndAnAssignmentHasItsOwnMaximum() throws Exception {
        String nb = Files.readString(Fixture.catalog().root().resolve("02-the-cell/02-the-cell-exercises.ipynb"));
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(nb).getAsJsonObject();
        com.google.gson.JsonArray cells = o.getAsJsonArray("cells");
        String rnn = Notebooks.classForJShell(Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow()
                .solution()));
        String mem = Notebooks.classForJShell(Files.readString(Fixture.catalog().byId("memory-decay").orElseThrow()
                .solution()));
        // an import in an earlier cell, a helper class in its own cell, the solution in a new untagged cell
        // after the (untouched, tagged) starter cell: JShell would hold the new definition
        cells.add(code("import java.util.Arrays;\nimport java.util.function.DoubleUnaryOperator;"));
        cells.add(code("final class Squash {\n    static final DoubleUnaryOperator F = Math::tanh;\n}"));
        cells.add(code(rnn.replace(".map(Math::tanh)", ".map(Squash.F::applyAsDouble)")));
        cells.add(code(mem));
        Path file = tmp.resolve("02-the-cell-exercises.ipynb");
        Files.writeString(file, o.toString());
        Grader chapter = Fixture.grader().only(List.of("memory-decay", "rnn-step"));
        Results.Submission r = chapter.grade(file, "nb", 0);
        assertEquals(21, r.maxScore(), Reports.text(r));
        assertEquals(21, r.score(), Reports.text(r));
        long codeCells = 0;
        for (var c : cells) {
            codeCells += c.getAsJsonObject().get("cell_type").getAsString().equals("code") ? 1 : 0;
        }
        Ingest.Submission in = Ingest.read(file, Fixture.catalog());
        assertEquals(file.getFileName() + " code cell " + (codeCells - 1), in.entries().get("rnn-step").origin());
    }

    private static com.google.gson.JsonObject code(String src) {
        com.google.gson.JsonObject c = new com.google.gson.JsonObject();
        c.addProperty("cell_type", "code");
        c.add("metadata", new com.google.gson.JsonObject());
        c.add("outputs", new com.google.gson.JsonArray());
        c.addProperty("source", src);
        return c;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
