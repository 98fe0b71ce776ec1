package rnnbook.grader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Gradescope's {@code results.json} for one submission, from its public-check run and its graded run: top level
 * {@code score}, {@code max_score}, {@code execution_time}, {@code output}, {@code visibility},
 * {@code stdout_visibility}; per test {@code name}, {@code score}, {@code max_score}, {@code status},
 * {@code output}, {@code visibility}.
 *
 * <p>What a student sees on submission ({@code visible}): whether each exercise compiled (with the compiler's
 * errors) and each public check (0 points, feedback only). The graded tests carry the points and are shown with
 * {@code hiddenVisibility} ({@code after_published} by default). The submission's stdout is never included.
 */
public final class GradescopeResults {
    /** Gradescope's visibility values. */
    public static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    private GradescopeResults() {
    }

    /** The visibility a student sees before grades are published for the graded tests; Gradescope's default here. */
    public static final String HIDDEN_DEFAULT = "after_published";

    /**
     * The one place that decides what a student sees: compile results and public checks {@code visible}, the
     * graded (hidden) tests {@code hiddenVisibility}. {@code checks} is the public-check run, or null when only the
     * graded run was made ({@code ./book grade}); a run of public checks alone passes them as {@code graded}.
     */
    public static String json(Results.Submission checks, Results.Submission graded, String hiddenVisibility) {
        if (!VISIBILITIES.contains(hiddenVisibility)) {
            throw new IllegalArgumentException("visibility " + hiddenVisibility + " is not one of " + VISIBILITIES);
        }
        JsonObject root = new JsonObject();
        root.addProperty("score", graded.score());
        root.addProperty("max_score", graded.maxScore());
        root.addProperty("execution_time", Math.round(((checks == null ? 0 : checks.millis()) + graded.millis()) / 1000.0));
        root.addProperty("output", "Sandbox: " + graded.sandbox() + (graded.problems().isEmpty() ? ""
                : "\n" + String.join("\n", graded.problems())));
        root.addProperty("visibility", "visible");
        root.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        for (Results.Exercise g : graded.exercises()) {
            Results.Exercise c = checks == null ? null : checks.exercise(g.id());
            tests.add(test(g.id() + ": compiles", 0, 0, g.status() == Results.Status.GRADED
                    || g.status() == Results.Status.CRASHED, compileOutput(g), "visible"));
            if (c != null && c.status() == Results.Status.GRADED) {
                for (Results.Test t : c.tests()) {
                    tests.add(test(g.id() + ": public check: " + t.title(), 0, 0, t.passed(),
                            t.passed() ? "" : t.message(), "visible"));
                }
            }
            for (Results.Test t : g.tests()) {
                String out = t.passed() ? "" : g.status() == Results.Status.GRADED ? t.message() : g.message();
                tests.add(test(g.id() + ": " + t.title(), t.points(), t.maxPoints(), t.passed(), out,
                        t.hidden() ? hiddenVisibility : "visible"));
            }
        }
        root.add("tests", tests);
        return Reports.GSON.toJson(root);
    }

    private static String compileOutput(Results.Exercise e) {
        if (e.status() == Results.Status.GRADED || e.status() == Results.Status.CRASHED) {
            return "";
        }
        StringBuilder b = new StringBuilder(e.message());
        for (Results.CompileError c : e.compileErrors()) {
            b.append('\n').append(c.file()).append(c.line() > 0 ? ":" + c.line() : "").append(": ").append(c.message());
        }
        return b.toString();
    }

    private static JsonObject test(String name, int score, int max, boolean passed, String output, String visibility) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("score", score);
        o.addProperty("max_score", max);
        o.addProperty("status", passed ? "passed" : "failed");
        o.addProperty("output", output);
        o.addProperty("visibility", visibility);
        return o;
    }

    /** The exercises of one assignment, as ids (for {@link Grader#only}). */
    static List<String> ids(Catalog catalog, String assignment) {
        return Release.assignment(catalog, assignment).stream().map(Exercise::id).toList();
    }
}
