package rnnbook.grader;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The outputs of one submission, each written atomically (a temporary file in the same folder, then a move):
 * {@code report.txt} and {@code report.html} for the learner, {@code results.json} for Gradescope,
 * {@code junit.xml} (by the JUnit Platform's reporting, {@link JunitXml}), and {@code grade.json} (the full result, read back when a batch resumes).
 *
 * <p>What reaches the learner is the grader's own feedback: test titles, points and the messages of the checks,
 * which never print hidden inputs. Anything the submission printed is never copied into any output.
 */
public final class Reports {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Reports() {
    }

    public static void writeAll(Results.Submission s, Path dir) {
        try {
            Files.createDirectories(dir);
            atomically(dir.resolve("report.txt"), text(s));
            atomically(dir.resolve("report.html"), html(s));
            atomically(dir.resolve("results.json"), gradescope(s));
            JunitXml.write(s, dir);
            atomically(dir.resolve("grade.json"), GSON.toJson(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports in " + dir, e);
        }
    }

    public static Results.Submission readGrade(Path dir) throws IOException {
        return GSON.fromJson(Files.readString(dir.resolve("grade.json"), StandardCharsets.UTF_8),
                Results.Submission.class);
    }

    /** A temporary file next to the target, then an atomic move: readers see the old or the new file, whole. */
    public static void atomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            // createTempFile makes it private; reports are ordinary files for whoever may read the folder
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String text(Results.Submission s) {
        StringBuilder b = new StringBuilder();
        b.append("Grade report: ").append(s.name()).append('\n');
        b.append("Score: ").append(s.score()).append(" / ").append(s.maxScore()).append('\n');
        b.append("Sandbox: ").append(s.sandbox()).append('\n');
        b.append(String.format(Locale.ROOT, "Time: %.1f s (limit %.0f s)%n", s.millis() / 1000.0,
                s.limitMillis() / 1000.0));
        for (String p : s.problems()) {
            b.append("! ").append(oneLine(p)).append('\n');
        }
        for (Results.Exercise e : s.exercises()) {
            b.append('\n').append(e.id()).append(" (").append(e.title()).append("): ").append(e.score()).append(" / ")
                    .append(e.maxScore());
            if (e.status() != Results.Status.GRADED) {
                b.append("  [").append(e.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("] ")
                        .append(oneLine(e.message()));
            }
            b.append('\n');
            for (Results.CompileError c : e.compileErrors()) {
                b.append("    ").append(oneLine(c.file())).append(c.line() > 0 ? ":" + c.line() : "")
                        .append(c.column() > 0 ? ":" + c.column() : "").append(": error: ")
                        .append(String.join("\n      ", c.message().lines().map(Reports::oneLine).toList()))
                        .append('\n');
            }
            if (e.status() == Results.Status.GRADED || e.status() == Results.Status.CRASHED) {
                for (Results.Test t : e.tests()) {
                    b.append("  ").append(t.passed() ? "[pass]" : "[FAIL]").append(' ')
                            .append(t.points()).append('/').append(t.maxPoints()).append("  ").append(t.title())
                            .append('\n');
                    if (!t.passed() && e.status() == Results.Status.GRADED && !t.message().isEmpty()) {
                        b.append("         ").append(String.join("\n         ", t.message().lines().map(Reports::oneLine)
                                .toList())).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Text from the submission (a file or zip entry name, a notebook tag, the compiler's echo of the source) as one
     * line: control characters and bidirectional overrides become {@code _}, so that it cannot start a forged line
     * such as "Score: 74 / 74" in report.txt.
     */
    static String oneLine(String s) {
        return Batch.printable(s).replace('\u2028', '_').replace('\u2029', '_');
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static String html(Results.Submission s) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        b.append("<title>Grade report: ").append(esc(s.name())).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .6em;")
                .append("text-align:left;vertical-align:top}.pass{color:#060}.fail{color:#a00}")
                .append("pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}</style></head><body>\n");
        b.append("<h1>Grade report: ").append(esc(s.name())).append("</h1>\n<p><strong>Score: ").append(s.score())
                .append(" / ").append(s.maxScore()).append("</strong></p>\n<p>Sandbox: ").append(esc(s.sandbox()))
                .append("</p>\n");
        if (!s.problems().isEmpty()) {
            b.append("<ul class=\"problems\">");
            s.problems().forEach(p -> b.append("<li>").append(esc(p)).append("</li>"));
            b.append("</ul>\n");
        }
        for (Results.Exercise e : s.exercises()) {
            b.append("<h2 id=\"").append(esc(e.id())).append("\">").append(esc(e.id())).append(": ")
                    .append(esc(e.title())).append(" (").append(e.score()).append(" / ").append(e.maxScore())
                    .append(")</h2>\n");
            if (e.status() != Results.Status.GRADED) {
                b.append("<p class=\"fail\">").append(esc(e.message())).append("</p>\n");
            }
            if (!e.compileErrors().isEmpty()) {
                b.append("<pre>");
                for (Results.CompileError c : e.compileErrors()) {
                    b.append(esc(c.file())).append(c.line() > 0 ? ":" + c.line() : "").append(": error: ")
                            .append(esc(c.message())).append('\n');
                }
                b.append("</pre>\n");
            }
            b.append("<table><tr><th></th><th>points</th><th>test</th><th>message</th></tr>\n");
            for (Results.Test t : e.tests()) {
                b.append("<tr><td class=\"").append(t.passed() ? "pass\">pass" : "fail\">fail").append("</td><td>")
                        .append(t.points()).append(" / ").append(t.maxPoints()).append("</td><td>")
                        .append(esc(t.title())).append("</td><td>")
                        .append(t.passed() || e.status() != Results.Status.GRADED ? "" : esc(t.message()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /**
     * Gradescope's results.json of a graded run alone, with the autograder's visibility
     * ({@link GradescopeResults#json}): compile results visible, hidden tests after publication.
     */
    public static String gradescope(Results.Submission s) {
        return GradescopeResults.json(null, s, GradescopeResults.HIDDEN_DEFAULT);
    }
}
