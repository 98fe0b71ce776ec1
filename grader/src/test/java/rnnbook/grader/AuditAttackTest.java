package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on what the instructor reads, found by an audit after the red-team round: names that a spreadsheet runs
 * as formulas in final.csv and canvas.csv, two submissions that Canvas takes for one student, file names, zip
 * entry names and notebook tags that forge a "Score:" line in report.txt, a zip entry the grader inflated only to
 * skip it (a 2 MB zip held 2 GiB of zeros: half a minute of the grader's time at load, and the similarity report's
 * time limit with a few of them), and a newline in a submission's name that stopped the similarity report for the
 * whole batch (a copier's way to hide every copy). No grading run is needed: each goes through the code that reads
 * the submission or writes the output.
 */
@Timeout(300)
class AuditAttackTest {
    @TempDir
    Path tmp;

    private static final Catalog CATALOG = Catalog.load(Catalog.defaultRoot());
    private static final Exercise RNN = CATALOG.byId("rnn-step").orElseThrow();

    private static Results.Submission graded(String name, int points) {
        Results.Test t = new Results.Test("a", "by hand", points, 10, points == 10, "", true);
        return new Results.Submission(name, name, "bubblewrap", List.of(), List.of(new Results.Exercise("rnn-step", "",
                Results.Status.GRADED, "", points, 10, List.of(t), List.of())), 1, 120_000);
    }

    @Test
    void aNameIsNeverAFormulaInFinalOrCanvasCsv() {
        List<String> names = List.of("=HYPERLINK(\"http:__evil.example\",\"open\")", "@SUM(A1:A9)", "+1+1", "-2+3",
                "ann");
        Gradebook g = Gradebook.of(List.of(RNN), names.stream().map(n -> graded(n, 10)).toList(), null, null,
                Map.of());
        for (String csv : List.of(GradebookFiles.finalCsv(g), GradebookFiles.canvas(g, null))) {
            List<List<String>> rows = Csv.parse(csv);
            for (List<String> row : rows) {
                for (String field : row) {
                    assertFalse(!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0, field + " in " + csv);
                }
            }
            // still the names, as text, and the points still plain numbers
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("'" + names.get(0))), csv);
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("ann") && r.contains("10")), csv);
        }
    }

    @Test
    void twoSubmissionsOfOneStudentStopTheCanvasExport() throws Exception {
        Gradebook g = Gradebook.of(List.of(RNN), List.of(graded("BOB", 10), graded("ann", 3), graded("bob", 0)),
                null, null, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradebookFiles.canvas(g, null));
        assertTrue(e.getMessage().matches("(?s).*(BOB and bob|bob and BOB).*"), e.getMessage());
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "Student,ID,SIS User ID,SIS Login ID,Section\n"
                + "Ann A,1,s1,ann,S\nBob B,2,s2,bob,S\n");
        e = assertThrows(IllegalArgumentException.class, () -> GradebookFiles.canvas(g, Roster.read(roster)));
        assertTrue(e.getMessage().matches("(?s).*(BOB and bob|bob and BOB).*"), e.getMessage());
        // one submission per student is exported as before
        Gradebook ok = Gradebook.of(List.of(RNN), List.of(graded("ann", 3), graded("bob", 0)), null, null, Map.of());
        assertEquals(4, Csv.parse(GradebookFiles.canvas(ok, Roster.read(roster))).size());
    }

    @Test
    void namesAndTagsFromASubmissionCannotForgeAReportLine() throws Exception {
        String forged = "\nScore: 999 / 74\r";
        String notebook = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"tags\": [\"solution:x" + forged
                .replace("\n", "\\n").replace("\r", "\\r") + "\"]}, \"source\": \"int x = 1;\"}]}";
        Path zip = tmp.resolve("sub.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("notes" + forged + ".java", "nb.ipynb")) {
                z.putNextEntry(new ZipEntry(name));
                z.write((name.endsWith(".ipynb") ? notebook : "class A {}").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        List<String> problems = new ArrayList<>(Ingest.read(zip, CATALOG).problems());
        // a folder's file that is not UTF-8: its rejection names the file, folder included
        Path folder = tmp.resolve("folder");
        Files.createDirectories(folder.resolve("a" + forged));
        Files.write(folder.resolve("a" + forged).resolve("RnnStep.java"), new byte[] {'x', (byte) 0xff});
        Ingest.Submission in = Ingest.read(folder, CATALOG);
        problems.addAll(in.problems());
        Ingest.Entry rejected = in.entries().get("rnn-step");
        assertTrue(rejected != null, in.problems().toString());
        assertTrue(rejected.problem().contains("Score: 999"), rejected.problem());
        assertTrue(problems.stream().filter(p -> p.contains("Score: 999")).count() >= 2, problems.toString());
        Results.Exercise ex = new Results.Exercise("rnn-step", RNN.title(), Results.Status.REJECTED,
                rejected.problem(), 0, 10, List.of(), List.of(new Results.CompileError(rejected.origin(), 3, 1,
                "cannot find symbol" + forged + "  symbol: x")));
        String report = Reports.text(new Results.Submission("sub", "sub.zip", "bubblewrap", problems,
                List.of(ex), 1, 120_000));
        List<String> scoreLines = report.lines().filter(l -> l.startsWith("Score:")).toList();
        assertEquals(List.of("Score: 0 / 10"), scoreLines, report);
        assertFalse(report.contains("\r"), report);
    }

    @Test
    void aZipEntryThatIsNotASourceIsNeverInflated() throws Exception {
        // a deflated entry whose data is damaged: inflating it (as skipping it in a stream does) fails, so the
        // exercise after it is read only when the grader never inflates what it does not need
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] noise = new byte[1 << 16];
        new Random(17).nextBytes(noise);
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("data.bin"));
            z.write(noise);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("RnnStep.java"));
            z.write(Files.readAllBytes(RNN.solution()));
            z.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        int data = 30 + "data.bin".length();   // the first local header, then the entry's deflated data
        for (int i = data + 100; i < data + 4000; i++) {
            zip[i] = (byte) 0xff;
        }
        Path file = Files.write(tmp.resolve("damaged.zip"), zip);
        Ingest.Submission in = Ingest.read(file, CATALOG);
        assertTrue(in.entries().containsKey("rnn-step"), in.problems().toString());
        assertNull(in.entries().get("rnn-step").problem(), in.problems().toString());
        assertTrue(in.entries().get("rnn-step").text().contains("class RnnStep"));
        assertTrue(in.problems().isEmpty(), in.problems().toString());
    }

    @Test
    void aZipFromWindowsWithAFolderNamedInTheDosCodePageIsRead() throws Exception {
        Path file = tmp.resolve("windows.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file),
                java.nio.charset.Charset.forName("IBM437"))) {
            z.putNextEntry(new ZipEntry("\u00dcbung/RnnStep.java"));
            z.write(Files.readAllBytes(RNN.solution()));
            z.closeEntry();
        }
        Ingest.Submission in = Ingest.read(file, CATALOG);
        assertTrue(in.entries().containsKey("rnn-step"), in.problems().toString());
        assertNull(in.entries().get("rnn-step").problem(), in.entries().get("rnn-step").problem());
        assertEquals("\u00dcbung/RnnStep.java", in.entries().get("rnn-step").origin());
    }

    /**
     * A copy of another student's bptt with a dozen unused methods appended: JPlag's average similarity of the pair
     * is about 10 % (the padding counts in the mean of both files), so it was neither flagged nor listed; the share
     * of the shorter file found in the longer is still about 98 %.
     */
    @Test
    void aCopyPaddedWithUnusedCodeIsStillFlagged() throws Exception {
        Exercise bptt = CATALOG.byId("bptt").orElseThrow();
        String solution = Files.readString(bptt.solution());
        StringBuilder pad = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            pad.append("    private static double unused").append(k).append("(double x, double y) {\n");
            for (int i = 0; i < 6; i++) {
                pad.append(String.format("        double v%d = x * %d + y;%n        if (v%d > %d) { y = v%d - %d; }"
                        + " else { y = v%d + %d; }%n        for (int j = 0; j < %d; j++) { y += j; }%n",
                        i, i + k, i, i, i, k, i, i, i + 1));
            }
            pad.append("        return y;\n    }\n");
        }
        int end = solution.lastIndexOf('}');
        Path subs = tmp.resolve("subs");
        Fixture.write(subs.resolve("honest"), bptt.fileName(), solution);
        Fixture.write(subs.resolve("padded"), bptt.fileName(), solution.substring(0, end) + pad + "}\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Similarity.report(CATALOG, Batch.ids(Batch.submissions(subs, out), new ArrayList<>()), out);
        String report = Files.readString(out.resolve("similarity.txt"));
        String flagged = report.substring(report.indexOf("Near-identical (one file"));
        assertTrue(flagged.lines().anyMatch(l -> l.startsWith("bptt") && l.contains("honest") && l.contains("padded")),
                report);
    }

    @Test
    void aNewlineInASubmissionsNameDoesNotStopTheSimilarityReport() throws Exception {
        Path subs = tmp.resolve("subs");
        String solution = Files.readString(RNN.solution());
        for (String name : List.of("copy-a", "copy-b", "hides\ncopies")) {
            Fixture.write(subs.resolve(name), "RnnStep.java", solution);
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<String> notes = new ArrayList<>();
        Map<Path, String> ids = Batch.ids(Batch.submissions(subs, out, notes), notes);
        assertNull(SimilarityChild.run(CATALOG, ids, out));
        String report = Files.readString(out.resolve("similarity.txt"));
        assertTrue(report.contains("identical in 3 submissions: copy-a, copy-b, hides_copies"), report);
    }

    /** The warm compiler children of this JVM (pids). */
    private static java.util.Set<Long> compileServers() {
        return ProcessHandle.current().children().filter(p -> {
            try {
                List<String> args = List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                        .split("\0"));
                return args.contains("rnnbook.grader.CompileChild") && args.contains("--serve");
            } catch (java.io.IOException e) {
                return false;
            }
        }).map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    private static void signal(String sig, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /**
     * Two graders side by side at a load of 25 on 2 cores: compiling an honest submission took longer than its
     * whole time limit (a cold compiler child, then javac, each getting a few per cent of a core), and six of 24
     * generated submissions were saved with 0 ("crashed: used up its time limit") or short of points ("compilation
     * took longer than 60 s"). A compile that ran out
     * of time with its child starved of CPU (here: stopped, so it gets none) is a grader error, never the
     * submission's compile error.
     */
    @Test
    void aCompileStarvedOfCpuIsAGraderErrorNotTheSubmissions() throws Exception {
        int slot = 90;
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        java.util.function.Function<String, CompileChild.Request> request = id -> new CompileChild.Request(id,
                List.of(new SourceCompiler.Source("rnnbook/exercises/Plain.java",
                        "package rnnbook.exercises;\npublic final class Plain {\n}\n", 0)),
                List.of(), scratch.resolve(id));
        java.util.Set<Long> before = compileServers();
        var warm = CompileChild.compileAll(List.of(request.apply("one")), scratch, 120_000, List.of(), slot,
                new java.util.concurrent.atomic.AtomicLong());
        assertEquals(List.of(), warm.get("one"));
        java.util.Set<Long> started = compileServers();
        started.removeAll(before);
        assertEquals(1, started.size(), "one warm compiler child for the slot");
        long pid = started.iterator().next();
        signal("STOP", pid);
        System.setProperty("rnnbook.grader.compileSeconds", "3");
        try {
            ChildRun.InfrastructureError e = assertThrows(ChildRun.InfrastructureError.class,
                    () -> CompileChild.compileAll(List.of(request.apply("two")), scratch, 120_000, List.of(), slot,
                            new java.util.concurrent.atomic.AtomicLong()));
            assertTrue(e.getMessage().contains("too busy"), e.getMessage());
        } finally {
            System.clearProperty("rnnbook.grader.compileSeconds");
            signal("KILL", pid);
        }
    }
}
