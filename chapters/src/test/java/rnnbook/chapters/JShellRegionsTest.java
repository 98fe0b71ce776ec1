package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notebook contract, run for real through JShell (as the kernel does): the imports of a chapter's programs,
 * then every region the page includes, in page order ("Run All"), with no rejected snippet, no exception and no
 * compiler error, and no region replacing a variable another region declared. Then every region is run a second
 * time, last to first, so each one is re-run with the state Run All left behind (later cells included), as a
 * learner does who goes back to change a cell: it must run again without an error and print as many lines as the
 * first time.
 *
 * <p>Part of every test run (about 5 s per chapter at CI scale on an idle two-core machine, 23 s for Part I);
 * {@code -Drnnbook.jshell=false} skips it, {@code -Drnnbook.jshell.chapters=02-the-cell} runs only the chapters named.
 */
class JShellRegionsTest {

    /** Every chapter, or those named in {@code -Drnnbook.jshell.chapters=02-the-cell,...}. */
    static List<String> chapters() {
        String only = System.getProperty("rnnbook.jshell.chapters", "");
        return Chapters.PROGRAMS.keySet().stream()
                .filter(slug -> only.isBlank() || List.of(only.split(",")).contains(slug)).toList();
    }

    @ParameterizedTest
    @MethodSource("chapters")
    @DisabledIfSystemProperty(named = "rnnbook.jshell", matches = "false")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void regionsRunInPageOrderAndEachRunsAgainAfterRunAll(String slug) throws IOException {
        List<Pages.Region> regions = Pages.regions(slug);
        Set<String> imports = new LinkedHashSet<>();
        for (Pages.Region r : regions) {
            imports.addAll(Pages.imports(r.file()));
        }
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<Snippet, String> declaredBy = new IdentityHashMap<>();
        try (JShell shell = JShell.builder().executionEngine("local")
                .out(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .err(new PrintStream(printed, true, StandardCharsets.UTF_8)).build()) {
            // what a notebook kernel gets: the chapter classes and their runtime classpath (target/classpath.txt)
            shell.addToClasspath(Path.of("target/classes").toAbsolutePath().toString());
            for (String entry : Files.readString(Path.of("target/classpath.txt")).strip()
                    .split(java.io.File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            eval(shell, String.join("\n", imports), "imports", problems, declaredBy);
            List<Long> lines = new ArrayList<>();
            for (Pages.Region r : regions) {
                int from = printed.size();
                eval(shell, r.code(), r.toString(), problems, declaredBy);
                lines.add(linesSince(printed, from));
            }
            for (int i = regions.size() - 1; i >= 0; i--) {
                Pages.Region r = regions.get(i);
                int from = printed.size();
                eval(shell, r.code(), "re-run of " + r, problems, null);
                long again = linesSince(printed, from);
                if (again != lines.get(i)) {
                    problems.add("re-run of " + r + " printed " + again + " lines, the first run " + lines.get(i));
                }
            }
        }
        assertEquals(List.of(), problems, "output:\n" + printed.toString(StandardCharsets.UTF_8));
    }

    private static long linesSince(ByteArrayOutputStream printed, int from) {
        byte[] all = printed.toByteArray();
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().count();
    }

    /**
     * Evaluates one region snippet by snippet. With {@code declaredBy} (the first pass) it records which region
     * declared each snippet and reports a region that overwrites another region's declaration.
     */
    private static void eval(JShell shell, String code, String where, List<String> problems,
                             Map<Snippet, String> declaredBy) {
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
                if (declaredBy != null) {
                    if (e.status() == Snippet.Status.OVERWRITTEN && declaredBy.containsKey(e.snippet())
                            && !declaredBy.get(e.snippet()).equals(where)) {
                        problems.add(where + " declares again what " + declaredBy.get(e.snippet()) + " declared: "
                                + e.snippet().source().strip().lines().findFirst().orElse(""));
                    } else if (e.causeSnippet() == null) {
                        declaredBy.put(e.snippet(), where);
                    }
                }
            }
            remaining = info.remaining();
        }
    }
}
