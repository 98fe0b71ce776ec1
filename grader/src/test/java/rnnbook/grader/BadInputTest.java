package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, graded as one batch: each submission gets a clear message in its own report, the batch goes on, and
 * a second run resumes without touching what was written. Also: notebooks as submissions, and the shipped
 * exercise notebooks match what the generator makes from the starters.
 */
class BadInputTest {
    @TempDir
    static Path tmp;
    static Path in;
    static Path out;
    static Map<String, Results.Submission> graded = new HashMap<>();
    static Batch.Summary first;

    static Exercise ex(String id) {
        return Fixture.catalog().byId(id).orElseThrow();
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The chapter's notebook with every solution cell replaced by the reference solution. */
    static String solvedNotebook(String chapter) throws Exception {
        Path nb = Fixture.catalog().root().resolve(chapter).resolve(chapter + "-exercises.ipynb");
        JsonObject o = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
        for (var c : o.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            JsonObject meta = cell.getAsJsonObject("metadata");
            if (meta.has("tags")) {
                String id = meta.getAsJsonArray("tags").get(0).getAsString().substring("solution:".length());
                JsonArray src = new JsonArray();
                src.add(Notebooks.classForJShell(Files.readString(ex(id).solution())));
                cell.add("source", src);
            }
        }
        return o.toString();
    }

    @BeforeAll
    static void gradeBatch() throws Exception {
        in = tmp.resolve("subs");
        out = tmp.resolve("out");
        Files.createDirectories(in);
        String rnnRef = Files.readString(ex("rnn-step").solution());
        byte[] memRef = Files.readAllBytes(ex("memory-decay").solution());
        Files.write(in.resolve("zip-slip.zip"), zip(Map.of("../../escaped/RnnStep.java", rnnRef.getBytes(),
                "/abs/RnnStep.java", rnnRef.getBytes(), "work/MemoryDecay.java", memRef)));
        byte[] bomb = new byte[40 << 20];
        java.util.Arrays.fill(bomb, (byte) ' ');
        Files.write(in.resolve("zip-bomb.zip"), zip(Map.of("RnnStep.java", bomb, "MemoryDecay.java", memRef)));
        Files.write(in.resolve("not-a-zip.zip"), "hello".getBytes());
        byte[] latin1 = rnnRef.replace("Reference solution", "R\u00e9f\u00e9rence").getBytes(StandardCharsets.ISO_8859_1);
        Files.createDirectories(in.resolve("latin1"));
        Files.write(in.resolve("latin1").resolve("RnnStep.java"), latin1);
        Fixture.write(in.resolve("wrong-package"), "RnnStep.java", rnnRef.replace("package rnnbook.exercises;",
                "package com.example;"));
        Fixture.write(in.resolve("wrong-class"), "RnnStep.java", rnnRef.replace("class RnnStep", "class RnnStepper")
                .replace("private RnnStep()", "private RnnStepper()"));
        Fixture.write(in.resolve("wrong-case"), "Rnnstep.java", rnnRef);
        Fixture.write(in.resolve("missing-method"), "RnnStep.java", rnnRef.replace("Matrix step(", "Matrix forward("));
        Fixture.write(in.resolve("syntax-error"), "RnnStep.java", rnnRef.replace("return a.map(Math::tanh);",
                "return a.map(Math::tanh)"));
        Files.copy(ex("memory-decay").solution(), in.resolve("syntax-error").resolve("MemoryDecay.java"));
        Files.writeString(in.resolve("broken.ipynb"), "{\"cells\": [ this is not json");
        Files.writeString(in.resolve("solved.ipynb"), solvedNotebook("02-the-cell"));
        Files.copy(Fixture.catalog().root().resolve("03-training").resolve("03-training-exercises.ipynb"),
                in.resolve("untouched.ipynb"));
        Fixture.submission(in.resolve("honest"), Exercise::solution);
        first = Batch.run(Fixture.grader(), in, out, 2, true, System.out);
        first.all().forEach(r -> graded.put(r.name(), r));
    }

    static Results.Exercise rnn(String name) {
        return graded.get(name).exercise("rnn-step");
    }

    static String problems(String name) {
        return String.join("\n", graded.get(name).problems());
    }

    @Test
    void theBatchGradedEverySubmission() {
        assertEquals(13, first.all().size());
        assertEquals(0, first.failed());
        assertEquals(Fixture.fullMarks(), graded.get("honest").score());
    }

    @Test
    void zipSlipIsRefusedAndNothingEscapes() {
        assertTrue(problems("zip-slip").contains("unsafe path"), problems("zip-slip"));
        assertEquals(Results.Status.NOT_SUBMITTED, rnn("zip-slip").status());
        assertEquals(11, graded.get("zip-slip").exercise("memory-decay").score());
        assertFalse(Files.exists(tmp.resolve("escaped")));
    }

    @Test
    void zipBombIsRefused() {
        assertTrue(problems("zip-bomb").contains("zip bomb"), problems("zip-bomb"));
        assertEquals(11, graded.get("zip-bomb").exercise("memory-decay").score());
        assertTrue(problems("not-a-zip").contains("not a readable zip"), problems("not-a-zip"));
    }

    @Test
    void sourcesMustBeUtf8() {
        assertEquals(Results.Status.REJECTED, rnn("latin1").status());
        assertTrue(rnn("latin1").message().contains("not UTF-8"), rnn("latin1").message());
    }

    @Test
    void wrongNamesAreExplained() {
        assertTrue(rnn("wrong-package").message().contains("declares package com.example"), rnn("wrong-package").message());
        assertTrue(rnn("wrong-class").message().contains("does not declare class RnnStep"), rnn("wrong-class").message());
        assertTrue(problems("wrong-case").contains("did you mean RnnStep.java"), problems("wrong-case"));
    }

    @Test
    void compileErrorsCarryLineNumbersAndCostOnlyTheirExercise() throws Exception {
        Results.Exercise e = rnn("syntax-error");
        assertEquals(Results.Status.COMPILE_ERROR, e.status());
        int line = 1 + List.of(Files.readString(ex("rnn-step").solution()).split("\n")).indexOf(
                "        return a.map(Math::tanh);");
        assertEquals(line, e.compileErrors().get(0).line(), e.compileErrors().toString());
        assertEquals(11, graded.get("syntax-error").exercise("memory-decay").score());
        String text = Files.readString(out.resolve("syntax-error").resolve("report.txt"));
        assertTrue(text.contains("RnnStep.java:" + line), text);
        String tier = Fixture.grader().sandbox().tier().name().toLowerCase().replace('_', '-');
        assertTrue(text.contains("Sandbox: " + tier), "every report names the sandbox tier: " + text);
        Results.Exercise m = rnn("missing-method");
        assertEquals(Results.Status.COMPILE_ERROR, m.status());
        assertTrue(m.compileErrors().get(0).message().contains("does not have what the tests call"),
                m.compileErrors().toString());
    }

    @Test
    void notebooks() {
        assertTrue(problems("broken").contains("not valid JSON"), problems("broken"));
        Results.Submission solved = graded.get("solved");
        assertEquals(10, solved.exercise("rnn-step").score(), solved.exercise("rnn-step").toString());
        assertEquals(11, solved.exercise("memory-decay").score());
        assertEquals(Results.Status.NOT_SUBMITTED, solved.exercise("bptt").status());
        Results.Submission untouched = graded.get("untouched");
        assertEquals(Results.Status.GRADED, untouched.exercise("bptt").status());
        assertEquals(0, untouched.score());
    }

    @Test
    void shippedNotebooksMatchTheGenerator() throws Exception {
        for (Map.Entry<Path, String> e : Notebooks.generate(Fixture.catalog()).entrySet()) {
            assertEquals(e.getValue(), Files.readString(e.getKey()),
                    e.getKey() + " is stale: regenerate with ./book exercise-notebooks");
        }
    }

    @Test
    void gradescopeJsonAndJunitXmlAreWellFormed() throws Exception {
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("honest").resolve("results.json")))
                .getAsJsonObject();
        assertEquals(Fixture.fullMarks(), r.get("score").getAsInt());
        assertEquals(Fixture.fullMarks(), r.get("max_score").getAsInt());
        JsonObject t = r.getAsJsonArray("tests").get(0).getAsJsonObject();
        for (String k : List.of("name", "score", "max_score", "status", "output", "visibility")) {
            assertTrue(t.has(k), k);
        }
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("syntax-error").resolve("junit.xml").toFile());
    }

    /** ./book grade's results.json splits visibility as the autograder does: compile errors now, hidden tests later. */
    @Test
    void gradeResultsShowCompileErrorsNowAndHiddenTestsAfterPublication() throws Exception {
        JsonObject r = JsonParser.parseString(Files.readString(out.resolve("syntax-error").resolve("results.json")))
                .getAsJsonObject();
        int compiles = 0;
        int hidden = 0;
        for (var e : r.getAsJsonArray("tests")) {
            JsonObject t = e.getAsJsonObject();
            if (t.get("name").getAsString().endsWith(": compiles")) {
                compiles++;
                assertEquals("visible", t.get("visibility").getAsString(), t.toString());
                assertEquals(0, t.get("max_score").getAsInt(), t.toString());
            } else {
                hidden++;
                assertEquals("after_published", t.get("visibility").getAsString(), t.toString());
            }
        }
        assertEquals(Fixture.catalog().exercises().size(), compiles);
        assertTrue(hidden > 0);
        boolean shown = false;
        for (var e : r.getAsJsonArray("tests")) {
            JsonObject t = e.getAsJsonObject();
            shown |= t.get("status").getAsString().equals("failed") && t.get("visibility").getAsString()
                    .equals("visible") && t.get("output").getAsString().contains("does not compile");
        }
        assertTrue(shown, "a visible failed compile entry naming the error: " + r);
    }

    @Test
    void aSecondRunResumesAndKeepsWhatWasWritten() throws Exception {
        Path report = out.resolve("honest").resolve("report.txt");
        long before = Files.getLastModifiedTime(report).toMillis();
        Fixture.write(in.resolve("late"), "MemoryDecay.java", Files.readString(ex("memory-decay").solution()));
        Batch.Summary again = Batch.run(Fixture.grader(), in, out, 2, false, System.out);
        assertEquals(1, again.graded());
        assertEquals(13, again.resumed());
        assertEquals(before, Files.getLastModifiedTime(report).toMillis());
        List<String> book = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(15, book.size());
    }
}
