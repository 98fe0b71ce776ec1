package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook view and the exercises page, made from small notebooks and exercises written for this test. */
class CompanionPagesTest {
    @TempDir
    Path dir;

    @Test
    void markdownMathIsKeptAwayFromTheMarkdownParser() {
        // x_1 ... x_2 would otherwise become emphasis; a dollar inside a code span is not math
        String html = NotebookPage.markdown("Inputs $x_1, x_2$ and `a$b` cost \\$5.\n\n$$h_t = \\tanh(a_t)$$\n");
        assertTrue(html.contains("\\(x_1, x_2\\)"), html);
        assertTrue(html.contains("<code>a$b</code>"), html);
        assertTrue(html.contains("\\[h_t = \\tanh(a_t)\\]"), html);
        assertFalse(html.contains("<em>"), html);
        assertTrue(html.contains("$5"), html);
    }

    @Test
    void notebookCellsBecomeAPageWithTheirOutputs() throws IOException {
        byte[] png = Base64.getDecoder().decode( // a 1x1 PNG
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String nb = """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# Title\\n", "Some *prose* with $h_t$."]},
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["int x = 1 + 1;\\n", "Figures.show(chart, \\"memory-decay\\");"],
                   "outputs": [
                     {"output_type": "stream", "name": "stdout", "text": ["two <b>\\n"]},
                     {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                      "data": {"image/png": "%s", "text/plain": ["image"]}}]}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.formatted(Base64.getEncoder().encodeToString(png));
        Path file = Files.writeString(dir.resolve("01-sequences.ipynb"), nb);
        String adoc = NotebookPage.toAsciidoc(file, "Sequences: the notebook", dir.resolve("img"), "img/",
                java.util.Map.of("memory-decay", "Hidden-state norm against time for three weight scales"));
        assertTrue(adoc.startsWith("= Sequences: the notebook\n"), adoc);
        assertFalse(adoc.contains("# Title"), "the notebook's own title is dropped: " + adoc);
        assertTrue(adoc.contains("<em>prose</em>") && adoc.contains("\\(h_t\\)"), adoc);
        assertTrue(adoc.contains("[source,java,role=nb-input]\n----\nint x = 1 + 1;\nFigures.show(chart, \"memory-decay\");\n----"), adoc);
        assertTrue(adoc.contains("two &lt;b&gt;"), "stream text is escaped: " + adoc);
        assertTrue(adoc.contains("<img src=\"img/01-sequences-0.png\" alt=\"Hidden-state norm against time for three "
                + "weight scales\">"), "the chart gets its chapter page's alt text: " + adoc);
        assertEquals(List.of(png.length), List.of(Files.readAllBytes(dir.resolve("img/01-sequences-0.png")).length));
    }

    @Test
    void exercisesPagePublishesOnlyStarterAndPublicChecks() throws IOException {
        Path ex = dir.resolve("exercises/02-the-cell/rnn-step");
        for (String f : List.of("starter/RnnStep.java", "tests/RnnStepCheck.java", "hidden/RnnStepGraded.java",
                "solution/RnnStep.java", "mutants/no-tanh/RnnStep.java")) {
            Files.createDirectories(ex.resolve(f).getParent());
            Files.writeString(ex.resolve(f), "class X { /* " + f + " */ }\n");
        }
        Files.writeString(ex.resolve("exercise.json"),
                "{\"id\": \"rnn-step\", \"title\": \"One step of the cell\", \"concepts\": [\"rnn-cell\", \"lstm\"]}");
        Path out = dir.resolve("site/exercises/02-the-cell");
        List<Path> found = ExercisesPage.exercises(dir.resolve("exercises/02-the-cell"));
        String adoc = ExercisesPage.toAsciidoc("The cell", found, out,
                Map.of("rnn-cell", "../../02-the-cell.html#c-rnn-cell"));
        assertTrue(adoc.contains("== One step of the cell"), adoc);
        assertTrue(adoc.contains("link:../../02-the-cell.html#c-rnn-cell[`rnn-cell`]"), adoc);
        assertTrue(adoc.contains("`lstm`") && !adoc.contains("#c-lstm"), "unwritten concepts are not linked: " + adoc);
        List<String> published;
        try (Stream<Path> s = Files.walk(out)) {
            published = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        assertEquals(List.of("rnn-step/starter/RnnStep.java", "rnn-step/tests/RnnStepCheck.java"), published);
        assertFalse(adoc.contains("/hidden/") || adoc.contains("/solution/") || adoc.contains("/mutants/"), adoc);
    }
}
