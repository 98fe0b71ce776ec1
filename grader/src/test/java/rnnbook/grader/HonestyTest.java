package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that the hidden tests are honest, for every exercise: the reference solution earns full marks (and
 * passes every hand-worked public check), the untouched starter earns nothing, and every mutant fails exactly the tests its mutants.json entry names (and so
 * loses exactly their points). Submissions are batched (one holds the k-th mutant of every exercise) and graded
 * through the real batch path: sandbox, child JVM, reports, gradebook.
 */
class HonestyTest {
    static final int MUTANTS = 4;
    @TempDir
    static Path tmp;
    static Map<String, Results.Submission> graded = new HashMap<>();
    static Path out;

    @BeforeAll
    static void gradeAll() throws Exception {
        Path in = tmp.resolve("subs");
        Fixture.submission(in.resolve("reference"), Exercise::solution);
        Fixture.submission(in.resolve("starter"), Exercise::starter);
        for (int k = 0; k < MUTANTS; k++) {
            int kk = k;
            Fixture.submission(in.resolve("mutant-" + k),
                    e -> e.dir().resolve("mutants").resolve(Fixture.mutant(e, kk).getKey()).resolve(e.fileName()));
        }
        out = tmp.resolve("out");
        Batch.Summary s = Batch.run(Fixture.grader(), in, out, 2, false, System.out);
        assertEquals(0, s.failed());
        s.all().forEach(r -> graded.put(r.name(), r));
    }

    @Test
    void everyExerciseHasAtLeastThreeRealMutants() {
        for (Exercise e : Fixture.catalog().exercises()) {
            Map<String, List<String>> ms = Catalog.mutants(e);
            assertTrue(ms.size() >= 3, e.id() + " has " + ms.size() + " mutants");
            assertEquals(MUTANTS, ms.size(), e.id() + ": this test batches exactly " + MUTANTS + " mutants");
            String solution = Fixture.read(e.solution());
            for (String m : ms.keySet()) {
                String text = Fixture.read(e.dir().resolve("mutants").resolve(m).resolve(e.fileName()));
                assertNotEquals(solution, text, e.id() + "/" + m + " is the solution");
                assertTrue(text.contains("MUTANT"), e.id() + "/" + m + " marks its change with a MUTANT comment");
                assertFalse(ms.get(m).isEmpty(), e.id() + "/" + m + " must fail at least one test");
            }
        }
    }

    @Test
    void referenceEarnsFullMarks() {
        Results.Submission r = graded.get("reference");
        for (Results.Exercise e : r.exercises()) {
            assertEquals(Results.Status.GRADED, e.status(), e.id() + ": " + e.message());
            assertTrue(e.maxScore() > 0, e.id());
            assertEquals(e.maxScore(), e.score(), e.id() + " " + failing(e));
        }
    }

    /**
     * The hidden tests take their expected values from the reference solution, so the reference itself is checked
     * independently: it passes every public check (hand-worked numbers) of every exercise.
     */
    @Test
    void referencePassesEveryPublicCheck() {
        Results.Submission r = Fixture.grader().check(tmp.resolve("subs").resolve("reference"), "reference", 0, null);
        for (Results.Exercise e : r.exercises()) {
            assertEquals(Results.Status.GRADED, e.status(), e.id() + ": " + e.message());
            assertTrue(e.tests().size() >= 1, e.id());
            for (Results.Test t : e.tests()) {
                assertTrue(t.passed(), e.id() + " / " + t.title() + ": " + t.message());
            }
        }
    }

    @Test
    void untouchedStarterEarnsNothing() {
        Results.Submission r = graded.get("starter");
        for (Results.Exercise e : r.exercises()) {
            assertEquals(Results.Status.GRADED, e.status(), e.id() + " starter must compile and run: " + e.message());
            assertEquals(0, e.score(), e.id() + " starter passes " + e.tests().stream().filter(Results.Test::passed)
                    .map(Results.Test::name).toList());
        }
    }

    @Test
    void eachMutantFailsExactlyItsTests() {
        StringBuilder problems = new StringBuilder();
        for (int k = 0; k < MUTANTS; k++) {
            Results.Submission r = graded.get("mutant-" + k);
            for (Exercise ex : Fixture.catalog().exercises()) {
                Map.Entry<String, List<String>> m = Fixture.mutant(ex, k);
                Results.Exercise e = r.exercise(ex.id());
                assertEquals(Results.Status.GRADED, e.status(), ex.id() + "/" + m.getKey() + ": " + e.message());
                Set<String> failed = failing(e);
                Set<String> expected = new TreeSet<>(m.getValue());
                int lost = e.tests().stream().filter(t -> expected.contains(t.name())).mapToInt(Results.Test::maxPoints)
                        .sum();
                if (!failed.equals(expected) || e.score() != e.maxScore() - lost) {
                    problems.append(ex.id()).append('/').append(m.getKey()).append(": fails ").append(failed)
                            .append(", declared ").append(expected).append('\n');
                }
            }
        }
        assertEquals("", problems.toString());
    }

    @Test
    void batchWroteEveryOutput() throws Exception {
        for (String name : List.of("reference", "starter", "mutant-0")) {
            for (String f : List.of("report.txt", "report.html", "results.json", "junit.xml", "grade.json")) {
                assertTrue(Files.isRegularFile(out.resolve(name).resolve(f)), name + "/" + f);
            }
        }
        List<String> book = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(1 + 6, book.size());
        assertTrue(book.get(0).startsWith("submission,"));
        String ref = book.stream().filter(l -> l.startsWith("reference,")).findFirst().orElseThrow();
        int max = graded.get("reference").maxScore();
        assertTrue(ref.contains("," + max + "," + max + ","), ref);
    }

    private static Set<String> failing(Results.Exercise e) {
        return e.tests().stream().filter(t -> !t.passed()).map(Results.Test::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
