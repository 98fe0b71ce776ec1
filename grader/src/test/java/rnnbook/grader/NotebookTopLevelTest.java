package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method written at the top level of a notebook cell, as JShell allows, is what the exercise's class calls when
 * the notebook runs; graded, it must be there too (before, such a notebook scored 0 with "cannot find symbol").
 */
@Timeout(300)
class NotebookTopLevelTest {
    @TempDir
    Path tmp;

    @Test
    void methodsAreFoundAtTheTopLevelOnlyAndTheLastDefinitionWins() {
        List<String> cells = List.of(
                "import java.util.Arrays;\nint unused = 3;\nprivate double squash(double x) { return 0; }",
                "for (int i = 0; i < 2; i++) { System.out.println(i); }\nif (true) { }\nnew Thread(() -> { });",
                "final class Helper {\n    static int inside() { return 1; }\n}",
                "/* a comment with double fake(double x) { } */\nString s = \"void g() { }\";\n"
                        + "double squash(double x) {\n    return Math.tanh(x); // the real one\n}\n"
                        + "<T> List<T> twice(T t) { return List.of(t, t); }\nvoid hello() { System.out.println(\"}\"); }");
        String holder = TopLevelMethods.holder(cells);
        assertTrue(holder.startsWith("final class " + TopLevelMethods.HOLDER + " {"), holder);
        assertTrue(holder.contains("static double squash(double x) {\n    return Math.tanh(x);"), holder);
        assertFalse(holder.contains("return 0"), "the first squash was redefined: " + holder);
        assertTrue(holder.contains("static <T> List<T> twice(T t)"), holder);
        assertTrue(holder.contains("static void hello()"), holder);
        for (String not : List.of("inside", "fake", "void g", "for (", "Thread", "unused")) {
            assertFalse(holder.contains(not), not + " is not a top-level method: " + holder);
        }
        assertEquals("", TopLevelMethods.holder(cells.subList(1, 3)), "cells without top-level methods");
    }

    @Test
    void aNotebookWhoseClassCallsATopLevelMethodIsGradedAsItRan() throws Exception {
        String nb = Files.readString(Fixture.catalog().root().resolve("02-the-cell/02-the-cell-exercises.ipynb"));
        JsonObject o = JsonParser.parseString(nb).getAsJsonObject();
        JsonArray cells = o.getAsJsonArray("cells");
        String rnn = Notebooks.classForJShell(Files.readString(Fixture.catalog().byId("rnn-step").orElseThrow()
                .solution()));
        assertTrue(rnn.contains(".map(Math::tanh)"), "the test edits the solution's tanh");
        cells.add(code("double squash(double x) {\n    return 0.0;\n}"));   // a first try, redefined below
        cells.add(code(rnn.replace(".map(Math::tanh)", ".map(v -> squash(v))")));
        cells.add(code("private static double squash(double x) {\n    return Math.tanh(x);\n}"));
        Path file = tmp.resolve("02-the-cell-exercises.ipynb");
        Files.writeString(file, o.toString());
        Results.Submission r = Fixture.grader().only(List.of("rnn-step")).grade(file, "nb", 0);
        assertEquals(r.maxScore(), r.score(), Reports.text(r));
        assertTrue(r.maxScore() > 0, Reports.text(r));
    }

    private static JsonObject code(String src) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        c.add("metadata", new JsonObject());
        c.add("outputs", new JsonArray());
        c.addProperty("source", src);
        return c;
    }
}
