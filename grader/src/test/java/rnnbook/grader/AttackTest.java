package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's attacks on the verdict itself, each a submission of RnnStep only, graded in one batch: forged
 * failures with empty messages, exceptions that echo the hidden inputs, reaching a reference through the stack or
 * a class loader, and recording values on the test's behalf. Each must score 0 for rnn-step and leak nothing.
 */
@Timeout(600)
class AttackTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Map<String, Results.Submission> graded = new HashMap<>();

    static String rnnStep(String body) {
        return """
                package rnnbook.exercises;

                import rnnbook.tensor.Matrix;

                public final class RnnStep {
                    private RnnStep() {
                    }

                    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
                %s
                    }
                }
                """.formatted(body.indent(8));
    }

    static Map<String, String> attacks() {
        Map<String, String> a = new LinkedHashMap<>();
        // (1) the runner's own failure type (on d450ebd an empty message read as a pass), and JUnit's
        a.put("throws-runner-failure", rnnStep("""
                try {
                    throw (Error) Class.forName("rnnbook.runner.Check$Failure", true,
                            ClassLoader.getSystemClassLoader()).getConstructor(String.class).newInstance("");
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("");
                }"""));
        a.put("throws-empty-assertion", rnnStep("throw new AssertionError(\"\");"));
        a.put("throws-junit-types", rnnStep("""
                ClassLoader l = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.skip(1).findFirst().get().getDeclaringClass().getClassLoader());
                for (String t : new String[] {"org.opentest4j.TestAbortedException", "org.opentest4j.TestSkippedException",
                        "org.opentest4j.AssertionFailedError"}) {
                    try {
                        throw (RuntimeException) Class.forName(t, true, l).getConstructor(String.class).newInstance("");
                    } catch (ClassCastException | ReflectiveOperationException e) {
                        try {
                            throw (Error) Class.forName(t, true, l).getConstructor(String.class).newInstance("");
                        } catch (ClassCastException | ReflectiveOperationException f) {
                            // next
                        }
                    }
                }
                return null;"""));
        // recording on the test's behalf: the value is recorded twice, and wrong anyway
        a.put("records-for-the-test", rnnStep("""
                ClassLoader l = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.skip(1).findFirst().get().getDeclaringClass().getClassLoader());
                try {
                    Class<?> r = Class.forName("rnnbook.runner.Record", true, l);
                    for (String k : new String[] {"h_t", "h_t after a first step", "the final hidden state", "shape of h_t"}) {
                        r.getMethod("value", String.class, Object.class, double.class).invoke(null, k, x, 1e300);
                    }
                } catch (ReflectiveOperationException e) {
                    // nothing
                }
                return null;"""));
        // (2) exceptions that echo the hidden inputs, in the message, a forged stack and an own exception type
        a.put("echoes-inputs", rnnStep("""
                IllegalArgumentException e = new IllegalArgumentException("LEAK" + java.util.Arrays.toString(x.data()));
                e.setStackTrace(new StackTraceElement[] {new StackTraceElement("submission", null, null,
                        "rnnbook.exercises.RnnStep", "LEAK" + (long) (1e6 * x.get(0, 0)), "RnnStep.java", 12)});
                throw e;"""));
        a.put("echoes-in-own-type", rnnStep("""
                throw new RuntimeException("LEAK" + java.util.Arrays.toString(x.data())) {
                    @Override
                    public String getMessage() {
                        return "LEAK" + java.util.Arrays.toString(wxh.data());
                    }

                    @Override
                    public StackTraceElement[] getStackTrace() {
                        return new StackTraceElement[] {new StackTraceElement("rnnbook.exercises.RnnStep",
                                "LEAK" + (long) (1e6 * x.get(0, 0)), "RnnStep.java", 3)};
                    }
                };"""));
        a.put("honest-exception", rnnStep("""
                int[] none = new int[0];
                return none[x.rows()] == 0 ? x : x;"""));
        // (3) a reference reachable from the stack or a class loader: any method of a class on the stack that
        // computes a Matrix from five Matrices, or the engine's RnnCell
        a.put("calls-the-reference", rnnStep("""
                for (Class<?> c : StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList())) {
                    if (c == RnnStep.class) {
                        continue;
                    }
                    for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                        if (m.getReturnType() == Matrix.class && m.getParameterCount() == 5) {
                            try {
                                m.setAccessible(true);
                                Object h = m.invoke(null, x, hPrev, wxh, whh, b);
                                if (h != null) {
                                    return (Matrix) h;
                                }
                            } catch (Throwable e) {
                                // next
                            }
                        }
                    }
                    for (ClassLoader l = c.getClassLoader(); l != null; l = l.getParent()) {
                        try {
                            l.loadClass("rnnbook.nn.RnnCell");
                            return x.matmulT(wxh).add(hPrev.matmulT(whh)).addRowVector(b).map(Math::tanh);
                        } catch (Throwable e) {
                            // not there
                        }
                    }
                }
                try {
                    Matrix.class.getClassLoader().loadClass("rnnbook.nn.RnnCell");
                    return x.matmulT(wxh).add(hPrev.matmulT(whh)).addRowVector(b).map(Math::tanh);
                } catch (Throwable e) {
                    return null;
                }"""));
        return a;
    }

    @BeforeAll
    static void gradeAll() throws Exception {
        Path in = tmp.resolve("subs");
        for (Map.Entry<String, String> e : attacks().entrySet()) {
            Fixture.write(in.resolve(e.getKey()), "RnnStep.java", e.getValue());
        }
        out = tmp.resolve("out");
        Batch.Summary s = Batch.run(Fixture.grader().only(List.of("rnn-step")), in, out, 2, false, System.out);
        assertEquals(0, s.failed());
        s.all().forEach(r -> graded.put(r.name(), r));
    }

    @Test
    void nothingThrownOrRecordedByTheSubmissionReadsAsAPass() {
        for (String name : List.of("throws-runner-failure", "throws-empty-assertion", "throws-junit-types",
                "records-for-the-test", "calls-the-reference")) {
            Results.Exercise e = graded.get(name).exercise("rnn-step");
            assertEquals(Results.Status.GRADED, e.status(), name + ": " + e.message());
            assertEquals(0, e.score(), name + " earned " + e.tests().stream().filter(Results.Test::passed)
                    .map(Results.Test::name).toList());
        }
    }

    @Test
    void exceptionsShowTheirTypeAndTheLearnersFramesOnly() throws Exception {
        for (String name : List.of("echoes-inputs", "echoes-in-own-type", "honest-exception")) {
            assertEquals(0, graded.get(name).score(), name);
            for (String f : List.of("report.txt", "report.html", "results.json", "junit.xml", "grade.json")) {
                String text = Files.readString(out.resolve(name).resolve(f));
                for (String secret : List.of("LEAK", "RnnStepGraded", "random(", "tolerance", "1.0E-10", "1e-10")) {
                    assertFalse(text.contains(secret), name + "/" + f + " contains " + secret);
                }
            }
        }
        String msg = graded.get("echoes-inputs").exercise("rnn-step").tests().get(1).message();
        assertEquals("threw java.lang.IllegalArgumentException", msg);
        assertEquals("threw an exception of a class of your own",
                graded.get("echoes-in-own-type").exercise("rnn-step").tests().get(1).message());
        // a hidden test names the type only: no frame, no line (a line number can spell a hidden input)
        assertEquals("threw java.lang.ArrayIndexOutOfBoundsException",
                graded.get("honest-exception").exercise("rnn-step").tests().get(1).message());
    }
}
