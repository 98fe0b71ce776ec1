package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chapter's committed notebook is what the generator makes (cell types and sources), was committed from one
 * clean run, is valid by nbformat's own schema, and runs again headless now, at CI scale, without an error or
 * stderr output, within 60 s.
 */
class NotebooksRunTest {
    static final Duration LIMIT = Duration.ofSeconds(60);

    static Stream<Path> chapters() {
        return Project.chapters().stream();
    }

    @BeforeAll
    static void freshTimes() throws IOException {
        Files.createDirectories(Project.TARGET);
        Files.deleteIfExists(Project.TARGET.resolve("notebook-times.txt"));
    }

    @Test
    void thereAreChapters() {
        assertFalse(Project.chapters().isEmpty(), "expected chapter pages in " + Project.DOCS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void committedNotebookMatchesItsChapter(Path page) {
        Path committed = Project.NOTEBOOKS.resolve(NotebookGenerator.notebookName(page));
        assertEquals(List.of(), NotebookCheck.check(page, committed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void generatedNotebookIsValidForNbformat(Path page) throws Exception {
        Path generated = Project.TARGET.resolve("generated").resolve(NotebookGenerator.notebookName(page));
        Notebooks.write(generated, NotebookGenerator.generate(page));
        Process p = new ProcessBuilder(Jupyter.PYTHON.toString(), "-c",
                "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                generated.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), generated + " is not valid nbformat: " + out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void notebookRunsHeadlessWithoutErrors(Path page) throws IOException {
        Path committed = Project.NOTEBOOKS.resolve(NotebookGenerator.notebookName(page));
        Jupyter.Execution run = Project.jupyter().execute(committed, Project.TARGET.resolve("executed"), LIMIT);
        String line = String.format("%-28s %5.1f s%n", committed.getFileName(), run.took().toMillis() / 1000.0);
        System.out.print("notebook run: " + line);
        Files.writeString(Project.TARGET.resolve("notebook-times.txt"), line,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(0, run.exitCode(), committed.getFileName() + ": nbconvert failed:\n" + run.log());
        JsonObject executed = NotebookValidator.read(run.output());
        assertEquals(List.of(), NotebookCheck.outputProblems(executed, committed.getFileName()));
        assertTrue(run.took().compareTo(LIMIT) <= 0,
                committed.getFileName() + " took " + run.took().toSeconds() + " s, over the " + LIMIT.toSeconds() + " s budget");
    }
}
