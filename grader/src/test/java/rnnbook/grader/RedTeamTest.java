package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks found after issue 17's fixes, each a submission graded through the batch path as a student would send
 * it: a name that a spreadsheet runs as a formula, a name holding a newline and a carriage return that forges a
 * score line in the report, and an exception whose forged stack frames spell a hidden input in their line numbers.
 */
@Timeout(600)
class RedTeamTest {
    @TempDir
    static Path tmp;
    static Path out;
    static final Map<String, Results.Submission> GRADED = new HashMap<>();
    static final String FORMULA = "=HYPERLINK(\"http:__evil.example\",\"open\")";
    static final String FORGED_SCORE = "nl\nScore: 999 of 74\r";

    /**
     * RnnStep that throws a RuntimeException whose four stack frames are its own class and method, with line
     * numbers 1 + each 16-bit quarter of the first hidden input's bit pattern (the file is padded with blank lines
     * so that every such line exists).
     */
    static String exfiltrating() {
        return """
                package rnnbook.exercises;

                import rnnbook.tensor.Matrix;

                public final class RnnStep {
                    private RnnStep() {
                    }

                    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
                        long bits = Double.doubleToRawLongBits(x.data()[0]);
                        StackTraceElement[] st = new StackTraceElement[4];
                        for (int i = 0; i < 4; i++) {
                            st[i] = new StackTraceElement("submission", null, null, "rnnbook.exercises.RnnStep",
                                    "step", "RnnStep.java", (int) ((bits >>> (16 * i)) & 0xffff) + 1);
                        }
                        RuntimeException e = new RuntimeException();
                        e.setStackTrace(st);
                        throw e;
                    }
                }
                """ + "\n".repeat(65_600);
    }

    @BeforeAll
    static void gradeTheAttacks() throws Exception {
        Path in = tmp.resolve("subs");
        String solution = Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow().solution());
        Fixture.write(in.resolve(FORMULA), "RnnStep.java", solution);
        Fixture.write(in.resolve(FORGED_SCORE), "RnnStep.java", solution);
        Fixture.write(in.resolve("exfiltrates"), "RnnStep.java", exfiltrating());
        out = tmp.resolve("out");
        Batch.Summary s = Batch.run(Fixture.grader().only(List.of("rnn-step")), in, out, 2, false, System.out);
        assertEquals(0, s.failed());
        s.all().forEach(r -> GRADED.put(r.name(), r));
    }

    @Test
    void aNameIsNeverAFormulaInTheGradebook() throws Exception {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        String row = rows.stream().filter(r -> r.contains("HYPERLINK")).findFirst().orElseThrow();
        assertTrue(row.startsWith("\"'=HYPERLINK") || row.startsWith("'=HYPERLINK"), row);
        for (String r : rows) {
            assertFalse(r.startsWith("=") || r.startsWith("\"=") || r.startsWith("@") || r.startsWith("+"), r);
        }
    }

    @Test
    void aNameCannotForgeLinesOfTheReport() throws Exception {
        String id = GRADED.keySet().stream().filter(n -> n.startsWith("nl")).findFirst().orElseThrow();
        assertEquals("nl_Score: 999 of 74_", id);
        String report = Files.readString(out.resolve(id).resolve("report.txt"));
        assertEquals(1, report.lines().filter(l -> l.startsWith("Score:")).count(), report);
        assertTrue(report.contains("Score: 10 / 10"), report);
        assertFalse(report.contains("\r"));
        String gradebook = Files.readString(out.resolve("gradebook.csv"));
        assertFalse(gradebook.contains("\r") || gradebook.contains("nl\n"), gradebook);
    }

    @Test
    void aHiddenTestShowsNoFrameSoLineNumbersCannotSpellAHiddenInput() {
        Results.Exercise e = GRADED.get("exfiltrates").exercise("rnn-step");
        assertEquals(0, e.score());
        for (Results.Test t : e.tests()) {
            assertFalse(t.message().contains("called from"), t.message());
            assertFalse(t.message().contains("line"), t.message());
            assertFalse(t.message().contains("("), t.message());
        }
    }

    /** The chapter 2 exercise notebook (starters) with {@code n} more code cells, each a tiny helper class. */
    static Path notebookWithHelpers(Path file, int n) throws Exception {
        String nb = Files.readString(Fixture.catalog().root().resolve("02-the-cell/02-the-cell-exercises.ipynb"));
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(nb).getAsJsonObject();
        com.google.gson.JsonArray cells = o.getAsJsonArray("cells");
        for (int i = 0; i < n; i++) {
            com.google.gson.JsonObject c = new com.google.gson.JsonObject();
            c.addProperty("cell_type", "code");
            c.add("metadata", new com.google.gson.JsonObject());
            c.addProperty("source", "final class H" + i + " { static int f() { return " + i + "; } }");
            cells.add(c);
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, o.toString());
    }

    @Test
    void thousandsOfHelperCellsAreRefusedNotCompiledForMinutes() throws Exception {
        // 20,000 one-line helper cells (3 MB): before, every exercise of the chapter compiled all of them in the
        // grader's process, 66 s of CPU for two exercises, outside the submission's time limit
        Path nb = notebookWithHelpers(tmp.resolve("helpers").resolve("many.ipynb"), 20_000);
        Ingest.Submission in = Ingest.read(nb, Fixture.catalog());
        for (String id : List.of("rnn-step", "memory-decay")) {
            String problem = in.entries().get(id).problem();
            assertTrue(problem != null && problem.contains("more than 1024 KiB of source"), id + ": " + problem);
        }
    }

    @Test
    void compilingCountsAgainstTheSubmissionsTimeLimit() throws Exception {
        // 4,000 helpers stay under the size cap, but compiling them takes seconds per exercise
        Path nb = notebookWithHelpers(tmp.resolve("helpers").resolve("some.ipynb"), 4_000);
        long t0 = System.nanoTime();
        Results.Submission r = Fixture.grader().withTimeLimit(1_000).grade(nb, "some", 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (String id : List.of("rnn-step", "memory-decay")) {
            Results.Exercise e = r.exercise(id);
            assertEquals(Results.Status.CRASHED, e.status(), id + ": " + e.message());
            assertTrue(e.message().contains("compiling included"), id + ": " + e.message());
        }
        assertTrue(seconds < 120, "took " + seconds + " s");
    }

    @Test
    /**
     * {@code halt(137)} looks like SIGKILL from outside (bubblewrap and the JVM both report 128 + 9). Submitted code
     * runs only after the child reported that a test started, so a 137 after that line is charged to the exercise
     * (and one before it stays a grader error: {@link ChildKillTest}).
     */
    void haltWith137IsChargedToTheSubmissionNotAGraderError() throws Exception {
        Path in = tmp.resolve("halt");
        String solution = Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow().solution());
        Fixture.write(in.resolve("halt137"), "RnnStep.java", solution.replace(
                "public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {",
                "public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {\n"
                        + "        Runtime.getRuntime().halt(137);"));
        Batch.Summary s = Batch.run(Fixture.grader().only(List.of("rnn-step")), in, tmp.resolve("halt-out"), 1,
                false, System.out);
        assertEquals(0, s.failed());
        assertEquals(0, s.all().get(0).score());
        Results.Exercise e = s.all().get(0).exercise("rnn-step");
        assertEquals(Results.Status.CRASHED, e.status(), e.message());
        assertTrue(e.message().contains("exit code 137"), e.message());
    }
}
