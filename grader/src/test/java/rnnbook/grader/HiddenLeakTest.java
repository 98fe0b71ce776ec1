package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed hidden test tells the learner must not carry a hidden input back: before, the learner's own shape
 * ("has shape (131, 7)"), its own count ("is 900131, not the expected value"), the index and size of the largest
 * error, a line number of the learner's frame and any exception type were shown, and a submission chose each of
 * them from the hidden inputs. Now a failed hidden test says only which value is wrong and how (shape, value,
 * close or not, NaN), a common exception type or none, never a line; public checks keep their full messages.
 */
@Timeout(600)
class HiddenLeakTest {
    @TempDir
    static Path tmp;
    static final Map<String, Results.Submission> GRADED = new LinkedHashMap<>();

    /** The only forms a failed hidden test's message may take ({@code NAME} is the test's own value name). */
    static final Pattern TEMPLATES = Pattern.compile("(.+ (has the wrong shape|is not the expected value"
            + "|differs from the expected values|is not the expected answer|is NaN|is infinite)"
            + "( \\(close: within 0\\.1 %, but outside the tolerance\\))?( \\(these are the starter's results: is it"
            + " still the starter\\?\\))?(\\. Hint: .*)?"
            + "|threw (an exception|an exception of a class of your own|java\\.lang\\.[A-Za-z]+Exception)"
            + "|.+: no value .*|the test failed|stack overflow \\(unbounded recursion\\?\\))");

    static String rnnStep(String body) {
        return """
                package rnnbook.exercises;

                import rnnbook.tensor.Matrix;

                public final class RnnStep {
                    private RnnStep() {
                    }

                    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
                        long bits = Double.doubleToRawLongBits(x.data()[0]);
                        Matrix h = x.matmulT(wxh).add(hPrev.matmulT(whh)).addRowVector(b).map(Math::tanh);
                %s
                    }
                }
                """.formatted(body.indent(8));
    }

    @BeforeAll
    static void gradeTheSpellingSubmissions() throws Exception {
        Path in = tmp.resolve("subs");
        // a shape that spells 7 bits of the first hidden input
        Fixture.write(in.resolve("shape"), "RnnStep.java", rnnStep("return Matrix.zeros(131 + (int) (bits & 0x7f), 7);"));
        // the right answer with one entry off, at an index that spells bits of the input
        Fixture.write(in.resolve("index"), "RnnStep.java", rnnStep("""
                int k = (int) Long.remainderUnsigned(bits, h.data().length);
                h.data()[k] += 0.25;
                return h;"""));
        // a type chosen from the input
        Fixture.write(in.resolve("type"), "RnnStep.java", rnnStep("""
                if ((bits & 1) == 0) throw new java.util.ConcurrentModificationException();
                throw new java.util.NoSuchElementException();"""));
        Fixture.write(in.resolve("own-type"), "RnnStep.java", rnnStep("""
                class Bit0 extends RuntimeException { }
                throw new Bit0();"""));
        // an honest mistake, at a line of the learner's file
        Fixture.write(in.resolve("honest"), "RnnStep.java", rnnStep("return Matrix.zeros(1, 1).addRowVector(b);"));
        // a count that spells its inputs
        Fixture.write(in.resolve("count"), "ParameterCount.java", """
                package rnnbook.exercises;

                public final class ParameterCount {
                    private ParameterCount() {
                    }

                    public static long dense(int length, int features, int hidden, int outputs) {
                        return 900_000L + length * 1000L + features;
                    }

                    public static long rnn(int features, int hidden, int outputs) {
                        return 900_000L + features * 1000L + hidden;
                    }
                }
                """);
        Batch.Summary s = Batch.run(Fixture.grader().only(List.of("rnn-step", "parameter-count")), in,
                tmp.resolve("out"), 2, false, System.out);
        assertEquals(0, s.failed());
        s.all().forEach(r -> GRADED.put(r.name(), r));
    }

    static List<Results.Test> failed(String name) {
        return GRADED.get(name).exercises().stream().filter(e -> e.status() == Results.Status.GRADED)
                .flatMap(e -> e.tests().stream())
                .filter(t -> !t.passed()).toList();
    }

    @Test
    void everyFailedHiddenTestSaysOnlyWhatAFixedTemplateSays() {
        for (String name : GRADED.keySet()) {
            List<Results.Test> failed = failed(name);
            assertFalse(failed.isEmpty(), name);
            for (Results.Test t : failed) {
                assertTrue(TEMPLATES.matcher(t.message()).matches(), name + ": " + t.message());
                // the hint is the test author's fixed text
                String said = t.message().split("\\. Hint: ")[0];
                for (String leak : List.of("index", "row ", "column", "line", "largest", "off by", "900", "Bit0",
                        "ConcurrentModification", "NoSuchElement")) {
                    assertFalse(said.contains(leak), name + " shows " + leak + ": " + t.message());
                }
            }
        }
        assertTrue(failed("shape").stream().anyMatch(t -> t.message().endsWith("has the wrong shape")));
        assertTrue(failed("index").stream().anyMatch(t -> t.message().contains("differs from the expected values")));
        assertTrue(failed("type").stream().allMatch(t -> t.message().equals("threw an exception")));
        assertTrue(failed("own-type").stream().allMatch(t -> t.message()
                .equals("threw an exception of a class of your own")));
        assertTrue(failed("count").stream().anyMatch(t -> t.message().endsWith("is not the expected value")));
    }

    @Test
    void theReportsCarryNoneOfItEither() throws Exception {
        for (String name : GRADED.keySet()) {
            for (String f : List.of("report.txt", "report.html", "results.json", "junit.xml")) {
                String text = Files.readString(tmp.resolve("out").resolve(name).resolve(f));
                for (String leak : List.of("largest error", "at index", "(line ", "900", "Bit0")) {
                    assertFalse(text.contains(leak), name + "/" + f + " shows " + leak);
                }
            }
        }
    }
}
