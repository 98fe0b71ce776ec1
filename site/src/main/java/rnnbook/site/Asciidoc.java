package rnnbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Renders Asciidoc pages to HTML fragments (the page body; {@link Layout} adds navigation around it) and fails on
 * anything Asciidoctor warns about: a wrong include tag, a missing file or an unknown attribute would otherwise
 * leave a quiet hole in a page.
 */
final class Asciidoc implements AutoCloseable {
    /** A rendered page: its title (HTML) and body (HTML). */
    record Page(String title, String body) {
    }

    private final Asciidoctor asciidoctor = Asciidoctor.Factory.create();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> attributes;

    /**
     * @param attributes document attributes every page sees (e.g. {@code sourcedir}, {@code figuresdir}); they win
     *                   over values a page sets itself, so a page may set defaults for previewing on its own
     */
    Asciidoc(Map<String, Object> attributes) {
        this.attributes = attributes;
        asciidoctor.registerLogHandler(new LogHandler() {
            @Override
            public void log(LogRecord r) {
                if (r.getSeverity().ordinal() >= Severity.WARN.ordinal()) {
                    String where = r.getCursor() == null ? ""
                            : (r.getCursor().getFile() == null ? "line " : r.getCursor().getFile() + ":")
                            + r.getCursor().getLineNumber() + ": ";
                    synchronized (problems) {
                        problems.add(where + r.getSeverity() + " " + r.getMessage());
                    }
                }
            }
        });
    }

    /** Renders one page; throws if Asciidoctor reported any warning or error while doing so. */
    Page render(Path file) {
        return render(file, UnaryOperator.identity());
    }

    /**
     * Renders one page after {@code rewrite} changed its text (includes still resolve from the page's folder);
     * throws if Asciidoctor reported any warning or error while doing so.
     */
    Page render(Path file, UnaryOperator<String> rewrite) {
        problems.clear();
        var builder = Attributes.builder();
        attributes.forEach(builder::attribute);
        Attributes attrs = builder
                .attribute("stem", "latexmath")          // stem:[...] is TeX, rendered by KaTeX afterwards
                .attribute("source-highlighter", "rouge")
                .attribute("rouge-css", "class")          // token classes, coloured by site.css (light and dark)
                .attribute("attribute-missing", "warn")   // a typo in {figuresdir} fails the build
                .attribute("sectids", true)
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .build();
        Options options = Options.builder()
                .safe(SafeMode.UNSAFE) // pages include chapter sources and generated figures from outside their folder
                .baseDir(file.toAbsolutePath().getParent().toFile())
                .standalone(false)
                .attributes(attrs)
                .build();
        String text;
        try {
            text = rewrite.apply(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Document doc = asciidoctor.load(text, options);
        String body = doc.convert();
        String title = doc.getDoctitle();
        if (title == null || title.isBlank()) {
            problems.add(file + ": the page has no title (a '= Title' line)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Asciidoctor reported problems in " + file + ":\n  "
                    + String.join("\n  ", problems));
        }
        return new Page(title, body);
    }

    /** The version of the Asciidoctor gem inside AsciidoctorJ. */
    String version() {
        return asciidoctor.asciidoctorVersion();
    }

    @Override
    public void close() {
        asciidoctor.shutdown();
    }
}
