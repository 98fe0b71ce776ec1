package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs only with {@code -Drnnbook.jshell=true} (about 20 s per chapter; the notebooks module executes the same
 * regions through the kernel in CI, and {@link RegionsCompileTest} checks their scoping in seconds).
 * The notebook contract: the imports of a chapter's programs, then every region the page includes, in page
 * order, run as JShell input with no rejected snippet, no exception and no compiler error.
 */
class JShellRegionsTest {

    static List<String> chapters() {
        return new ArrayList<>(Chapters.PROGRAMS.keySet());
    }

    @ParameterizedTest
    @MethodSource("chapters")
    @EnabledIfSystemProperty(named = "rnnbook.jshell", matches = "true")
    void regionsRunAsJShellInputInPageOrder(String slug) throws IOException {
        List<Pages.Region> regions = Pages.regions(slug);
        Set<String> imports = new LinkedHashSet<>();
        for (Pages.Region r : regions) {
            imports.addAll(Pages.imports(r.file()));
        }
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (JShell shell = JShell.builder().executionEngine("local")
                .out(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .err(new PrintStream(printed, true, StandardCharsets.UTF_8)).build()) {
            // what a notebook kernel gets: the chapter classes and their runtime classpath (target/classpath.txt)
            shell.addToClasspath(Path.of("target/classes").toAbsolutePath().toString());
            for (String entry : Files.readString(Path.of("target/classpath.txt")).strip()
                    .split(java.io.File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            eval(shell, String.join("\n", imports), "imports", problems);
            for (Pages.Region r : regions) {
                eval(shell, r.code(), r.file() + "[" + r.tag() + "]", problems);
            }
        }
        assertEquals(List.of(), problems, "output:\n" + printed.toString(StandardCharsets.UTF_8));
    }

    private static void eval(JShell shell, String code, String where, List<String> problems) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                problems.add(where + ": incomplete input: " + remaining.strip());
                return;
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null))
                            .collect(Collectors.joining("; "));
                    problems.add(where + ": " + e.status() + " " + info.source().strip() + " : " + diags
                            + (e.exception() == null ? "" : " threw " + e.exception()));
                }
                shell.diagnostics(e.snippet()).filter(Diag::isError).forEach(d ->
                        problems.add(where + ": " + d.getMessage(null)));
            }
            remaining = info.remaining();
        }
    }
}
