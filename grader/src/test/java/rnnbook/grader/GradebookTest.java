package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's gradebook from graded results made by hand (no grading runs here): statuses, statistics, failure
 * rates, the late rule, overrides kept across reruns, the Canvas export. Expected numbers are worked out by hand
 * in the comments.
 */
@Timeout(60)
class GradebookTest {
    @TempDir
    Path tmp;

    private static final Catalog CATALOG = Catalog.load(Catalog.defaultRoot());
    private static final Exercise RNN = CATALOG.byId("rnn-step").orElseThrow();
    private static final Exercise DECAY = CATALOG.byId("memory-decay").orElseThrow();
    private static final List<Exercise> CHAPTER_2 = List.of(DECAY, RNN);

    /** rnn-step: two tests, 4 + 6 points; memory-decay: one test of 11 points. */
    private static Results.Exercise rnn(Results.Status st, boolean first, boolean second, String message) {
        List<Results.Test> ts = List.of(new Results.Test("a", "by hand", first ? 4 : 0, 4, first, first ? "" : message, true),
                new Results.Test("b", "a batch", second ? 6 : 0, 6, second, second ? "" : message, true));
        return new Results.Exercise("rnn-step", "", st, st == Results.Status.GRADED ? "" : message,
                ts.stream().mapToInt(Results.Test::points).sum(), 10, ts, List.of());
    }

    private static Results.Exercise decay(Results.Status st, boolean pass, String message) {
        return new Results.Exercise("memory-decay", "", st, "", pass ? 11 : 0, 11,
                List.of(new Results.Test("m", "memory", pass ? 11 : 0, 11, pass, pass ? "" : message, true)), List.of());
    }

    private static Results.Submission sub(String name, Results.Exercise... ex) {
        return new Results.Submission(name, name, "bubblewrap", List.of(), List.of(ex), 1, 120_000);
    }

    private static List<Results.Submission> classOfFour() {
        String starter = "h_t: no value (the method returned nothing: is it still the starter?)";
        return List.of(
                sub("ann", rnn(Results.Status.GRADED, true, true, ""), decay(Results.Status.GRADED, true, "")),
                sub("bob", rnn(Results.Status.COMPILE_ERROR, false, false, "does not compile: 1 error(s)"),
                        decay(Results.Status.GRADED, false, starter)),
                sub("cat", rnn(Results.Status.GRADED, true, false, "h_t: largest error 0.5 at [0, 1]"),
                        decay(Results.Status.NOT_SUBMITTED, false, "no MemoryDecay.java in this submission")),
                sub("dan", rnn(Results.Status.GRADED, false, true, "h_t: largest error 2 at [1, 0]"),
                        decay(Results.Status.GRADED, false, "memory: largest error 0.1 at [0, 0]")));
    }

    @Test
    void statusesStatisticsAndFailureRates() {
        Gradebook g = Gradebook.of(CHAPTER_2, classOfFour(), null, null, Map.of());
        assertEquals(List.of(Gradebook.Status.GRADED, Gradebook.Status.GRADED), statuses(g, 0));
        assertEquals(List.of(Gradebook.Status.STARTER, Gradebook.Status.COMPILE_ERROR), statuses(g, 1));
        assertEquals(List.of(Gradebook.Status.MISSING, Gradebook.Status.GRADED), statuses(g, 2));
        // rnn-step points 10, 0, 4, 6: mean 5, median (4 + 6) / 2 = 5, min 0, max 10
        assertEquals(new Gradebook.Stats(5, 5, 0, 10), g.stats("rnn-step"));
        // memory-decay 11, 0, 0, 0: mean 2.75, median 0
        assertEquals(new Gradebook.Stats(2.75, 0, 0, 11), g.stats("memory-decay"));
        // totals 21, 0, 4, 6
        assertEquals(new Gradebook.Stats(7.75, 5, 0, 21), g.totals());
        // graded only: memory-decay's one test failed by bob (starter) and dan of 3 graded; rnn-step's tests by
        // one of three each (cat, dan)
        Gradebook.Failure top = g.failures().get(0);
        assertEquals("memory-decay", top.exercise());
        assertEquals(2, top.failed());
        assertEquals(3, top.graded());
        assertEquals(1.0 / 3, g.failures().get(1).rate(), 1e-15);
    }

    @Test
    void lateRuleFromTheTimestampsFile() {
        LatePolicy p = LatePolicy.parse("2026-12-10T23:59Z", "10%/day", "50%");
        Instant due = Instant.parse("2026-12-10T23:59:00Z");
        assertEquals(1.0, p.factor(due), "on the minute: on time");
        assertEquals(0.9, p.factor(due.plusSeconds(1)), 1e-15, "one second late starts a day");
        assertEquals(0.8, p.factor(due.plusSeconds(86_401)), 1e-15, "a day and a second: two days");
        assertEquals(0.5, p.factor(due.plusSeconds(30 * 86_400)), 1e-15, "capped at 50%");
        Gradebook g = Gradebook.of(CHAPTER_2, classOfFour(), Map.of("ann", due.minusSeconds(60),
                "bob", due, "cat", due.plusSeconds(3600), "dan", due.plusSeconds(3 * 86_400)), p, Map.of());
        assertEquals(21, g.rows().get(0).total());
        assertEquals(4 * 0.9, g.rows().get(2).total(), 1e-12);     // cat: 1 hour late
        assertEquals(6 * 0.7, g.rows().get(3).total(), 1e-12);     // dan: 3 days late
        assertEquals(3, g.rows().get(3).daysLate());
    }

    @Test
    void overridesApplyOnTopAndSurviveReruns() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("graded"));
        Path times = Files.writeString(tmp.resolve("times.csv"), "submission,time\nann,2026-12-10T20:00:00Z\n"
                + "bob,2026-12-10T20:00:00Z\ncat,2026-12-11T00:30:00Z\ndan,2026-12-12T00:30:00Z\n");
        GradebookFiles.Options o = new GradebookFiles.Options(LatePolicy.parse("2026-12-10T23:59Z", "10%/day", "50%"),
                times, null);
        GradebookFiles.write(out, tmp, CHAPTER_2, classOfFour(), o);
        Path overrides = out.resolve("overrides.csv");
        assertEquals(Overrides.HEADER, Files.readString(overrides), "an empty template the first time");
        // the instructor's decisions, a comment with a comma and quotes
        String mine = Overrides.HEADER + "bob,rnn-step,7,\"regraded by hand: a typo, \"\"tanh\"\" missed\"\n"
                + "dan,memory-decay,11,accepted an equivalent formula\n";
        Files.writeString(overrides, mine);
        for (int run = 0; run < 2; run++) {
            Gradebook g = GradebookFiles.write(out, tmp, CHAPTER_2, classOfFour(), o);
            assertEquals(mine, Files.readString(overrides), "a rerun never writes the overrides");
            assertEquals(7, g.rows().get(1).total(), "bob: the override replaces the compile error's 0");
            // dan: 2 days late (0.8): rnn-step 6 · 0.8 = 4.8; memory-decay overridden to 11
            assertEquals(4.8 + 11, g.rows().get(3).total(), 1e-12);
            String fin = Files.readString(out.resolve("final.csv"));
            assertTrue(fin.contains("bob,2026-12-10T20:00:00Z,0,0,starter,,7,override,\"regraded by hand: a typo, \"\"tanh\"\" missed\""), fin);
            String html = Files.readString(out.resolve("gradebook.html"));
            assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "histogram and failure chart");
            assertTrue(html.contains("the timestamps file times.csv"), "the report names where times came from");
            assertTrue(html.contains("2 applied"), html);
        }
        String canvas = Files.readString(out.resolve("canvas.csv"));
        List<String> lines = canvas.lines().toList();
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,02-the-cell memory-decay,02-the-cell rnn-step", lines.get(0));
        assertEquals("Points Possible,,,,,11,10", lines.get(1));
        assertEquals("dan,,,dan,,11,4.80", lines.get(5));
    }

    @Test
    void canvasExportTakesTheStudentsIdsFromCanvassOwnRoster() throws IOException {
        // Canvas's gradebook export: a byte-order mark, a "Points Possible" row, an assignment column of its own;
        // ann and bob are matched by SIS Login ID (whatever the case), cat by SIS User ID, dan by Canvas ID
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "\uFEFFStudent,ID,SIS User ID,SIS Login ID,"
                + "Section,Quiz 1 (311)\n    Points Possible,,,,,10\n\"Lee, Ann\",101,S-1,ANN,Mon lab,9\n"
                + "\"Bo, Bob\",102,S-2,bob,Tue lab,\nCat Cruz,103,cat,ccruz,Tue lab,7\nDan Dee,dan,S-4,ddee,Mon lab,\n"
                + "Eve Ek,105,S-5,eve,Mon lab,\n");
        Path out = Files.createDirectories(tmp.resolve("graded-roster"));
        GradebookFiles.write(out, tmp, CHAPTER_2, classOfFour(), new GradebookFiles.Options(null, null, null, roster));
        List<String> lines = Files.readString(out.resolve("canvas.csv")).lines().toList();
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,02-the-cell memory-decay,02-the-cell rnn-step",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("\"Lee, Ann\",101,S-1,ANN,Mon lab,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("\"Bo, Bob\",102,S-2,bob,Tue lab,"), lines.get(3));
        assertTrue(lines.get(4).startsWith("Cat Cruz,103,cat,ccruz,Tue lab,"), lines.get(4));
        assertTrue(lines.get(5).startsWith("Dan Dee,dan,S-4,ddee,Mon lab,"), lines.get(5));
        assertEquals(6, lines.size(), "students without a submission are not rows");

        Files.writeString(roster, "Student,ID,SIS User ID,SIS Login ID,Section\nAnn,101,S-1,ann,A\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradebookFiles.write(out,
                tmp, CHAPTER_2, classOfFour(), new GradebookFiles.Options(null, null, null, roster)));
        assertTrue(e.getMessage().contains("bob, cat, dan"), e.getMessage());
        Files.writeString(roster, "Student,ID,SIS Login ID,Section\nAnn,101,ann,A\n");
        e = assertThrows(IllegalArgumentException.class, () -> Roster.read(roster));
        assertTrue(e.getMessage().contains("no column \"SIS User ID\""), e.getMessage());
    }

    @Test
    void badOverridesAndRulesNameWhatIsWrong() throws IOException {
        Path f = Files.writeString(tmp.resolve("o.csv"), Overrides.HEADER + "eve,rnn-step,3,\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Overrides.read(f, java.util.Set.of("ann"), Map.of("rnn-step", 10)));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("eve"), e.getMessage());
        Files.writeString(f, "ann,rnn-step,12,too many\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> Overrides.read(f, java.util.Set.of("ann"), Map.of("rnn-step", 10)));
        assertTrue(e.getMessage().contains("from 0 to 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatePolicy.parse("10 December", "10%/day", null));
        assertTrue(e.getMessage().contains("--due"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatePolicy.parse("2026-12-10T23:59Z", "10%", null));
        assertTrue(e.getMessage().contains("--late-penalty"), e.getMessage());
    }

    @Test
    void histogramBinsCoverZeroToMax() {
        // max 20, 10 bins of 2: 0 → bin 0, 1.99 → 0, 2 → 1, 19.9 → 9, 20 → 9 (the last bin holds max)
        assertEquals(List.of(2, 1, 0, 0, 0, 0, 0, 0, 0, 2), boxed(GradebookHtml.bins(new double[] {0, 1.99, 2, 19.9, 20}, 20, 10)));
    }

    private static List<Integer> boxed(int[] xs) {
        List<Integer> l = new ArrayList<>();
        for (int x : xs) {
            l.add(x);
        }
        return l;
    }

    private static List<Gradebook.Status> statuses(Gradebook g, int row) {
        return g.rows().get(row).cells().stream().map(Gradebook.Cell::status).toList();
    }
}
