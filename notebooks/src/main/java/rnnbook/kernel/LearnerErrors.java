package rnnbook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.rapaio.jupyter.kernel.MainApp;

/**
 * Makes the kernel's errors point at the learner: what a compile error says (in {@code evalue}, which the kernel
 * left empty), a hint to run the cells above when a name is missing (typical after a kernel restart), and the line
 * of the learner's cell where a runtime error (a shape error thrown deep in the engine) was raised.
 *
 * <p>Called from the patched {@code Channels} (the code of each cell as it starts), {@code CompilerException}
 * (its message) and {@code IOPubError.of} (the error shown under the cell).
 */
public final class LearnerErrors {
    /** The one-line hint for a name that does not exist in this kernel yet. */
    public static final String RUN_ABOVE = "run the cells above first: Cell > Run All Above";

    /**
     * What an interrupted cell shows. JShell declares a cell's variables before it runs their initialisers, so a
     * variable the cell declares from the stopped statement on is empty afterwards (measured in chapter 10: the
     * cells after an interrupted training cell failed with NullPointerExceptions on its vocabulary and results).
     */
    public static final String INTERRUPTED = "the cell was stopped (Kernel > Interrupt); the kernel is ready for the"
            + " next cell. What the cell assigned before it stopped keeps that value, but a variable it declares from"
            + " the stopped statement on is empty (null or 0): run this cell again to its end before the cells below"
            + " that use it";

    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+\\S+\\s+(\\S+)");
    private static volatile String cell = "";

    private LearnerErrors() {
    }

    /** Records the code of the cell that starts running. */
    public static void cellStarts(String code) {
        cell = code == null ? "" : code;
    }

    private static JShell shell() {
        return MainApp.kernel.javaEngine().getShell();
    }

    /** The compiler's messages for a rejected snippet, one per diagnostic, joined by new lines. */
    public static String compileMessage(SnippetEvent event) {
        List<String> messages = new ArrayList<>();
        shell().diagnostics(event.snippet()).forEach(d -> messages.add(d.getMessage(Locale.ROOT)));
        return String.join("\n", messages);
    }

    /**
     * The hint for a rejected snippet, if one of its errors is "cannot find symbol": the name may come from a cell
     * above that has not run in this kernel (after a restart, say).
     */
    public static Optional<String> missingSymbolHint(SnippetEvent event) {
        return shell().diagnostics(event.snippet())
                .filter(d -> d.isError() && d.getCode().startsWith("compiler.err.cant.resolve"))
                .map(LearnerErrors::symbol)
                .findFirst()
                .map(name -> "hint: " + name + " is not defined in this kernel; if a cell above defines it, " + RUN_ABOVE);
    }

    private static String symbol(Diag d) {
        Matcher m = SYMBOL.matcher(d.getMessage(Locale.ROOT));
        return m.find() ? "'" + m.group(1) + "'" : "the name";
    }

    /**
     * Where in the learner's code a runtime error was raised: the first stack frame in a JShell snippet (every frame
     * before it is inside the engine or a library), as "line N of this cell: SOURCE", or, for a method declared in
     * an earlier cell, "in an earlier cell: SOURCE".
     */
    public static Optional<String> learnerLine(EvalException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#")) {
                continue;
            }
            String id = file.substring(1);
            Optional<Snippet> snippet = shell().snippets().filter(s -> s.id().equals(id)).findFirst();
            if (snippet.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(locate(snippet.get().source(), frame.getLineNumber(), cell));
        }
        return Optional.empty();
    }

    /** "line N of this cell: SOURCE" when the snippet is part of {@code cellCode}, else "in an earlier cell: SOURCE". */
    static String locate(String snippetSource, int lineInSnippet, String cellCode) {
        String[] lines = snippetSource.split("\n", -1);
        int i = Math.max(0, Math.min(lines.length - 1, lineInSnippet - 1));
        String source = lines[i].strip();
        int at = cellCode.indexOf(snippetSource);
        if (at < 0) {
            return "in an earlier cell: " + source;
        }
        int cellLine = (int) cellCode.substring(0, at).chars().filter(c -> c == '\n').count() + i + 1;
        return "line " + cellLine + " of this cell: " + source;
    }
}
