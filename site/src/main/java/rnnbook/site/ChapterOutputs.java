package rnnbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rnnbook.chapters.Chapters;
import rnnbook.chapters.RegionOutput;
import rnnbook.chapters.RunRecord;

/**
 * What a chapter page shows from the run that drew its figures, added to the page's Asciidoc before Asciidoctor
 * reads it (so the page source needs no hand-written include per output):
 * <ul>
 *   <li>under every listing that includes a tagged region, an "Output" block with what that region printed
 *       ({@code output-CLASS-TAG.txt}, written by {@code BuildFigures}; regions that printed nothing get none);</li>
 *   <li>after the page header, a note with the scale of that run and how long the chapter's programs took
 *       ({@code run-CLASS.txt}).</li>
 * </ul>
 */
final class ChapterOutputs {
    private static final Pattern INCLUDE =
            Pattern.compile("^include::\\{sourcedir}/(\\S+?)\\.java\\[tags?=([\\w-]+)[^\\]]*]$");

    private ChapterOutputs() {
    }

    /** The page {@code adoc} of chapter {@code slug} with its outputs and run note, read from {@code figures}. */
    static String place(String slug, String adoc, Path figures) {
        List<String> lines = adoc.lines().toList();
        StringBuilder sb = new StringBuilder();
        List<String> outputs = new ArrayList<>();
        String openDelimiter = null;
        boolean headerDone = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            sb.append(line).append('\n');
            if (!headerDone && i > 0 && line.isBlank() && lines.get(0).startsWith("= ")) {
                sb.append(runNote(slug, figures)).append('\n');
                headerDone = true;
            }
            if (openDelimiter == null && line.matches("-{4,}")) {
                openDelimiter = line;
                continue;
            }
            if (openDelimiter != null && line.equals(openDelimiter)) {
                openDelimiter = null;
                for (String file : outputs) {
                    sb.append("\n[.output]\n.Output\n....\ninclude::{figuresdir}/").append(file).append("[]\n....\n");
                }
                outputs.clear();
                continue;
            }
            Matcher m = INCLUDE.matcher(line);
            if (openDelimiter != null && m.matches()) {
                String file = RegionOutput.fileName(m.group(1).replace('/', '.'), m.group(2));
                if (nonEmpty(figures.resolve(file))) {
                    outputs.add(file);
                }
            }
        }
        if (!headerDone) {
            throw new IllegalStateException(slug + ": no page header ('= Title' then a blank line) to put the run note after");
        }
        return sb.toString();
    }

    private static boolean nonEmpty(Path p) {
        try {
            return Files.isRegularFile(p) && Files.size(p) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Every output and figure on this page comes from one run at full scale, which took 1 min 5 s ..." */
    static String runNote(String slug, Path figures) {
        List<Class<?>> programs = Chapters.PROGRAMS.get(slug);
        if (programs == null) {
            throw new IllegalArgumentException("no chapter programs for " + slug + " in Chapters.PROGRAMS");
        }
        String scale = null;
        double seconds = 0;
        for (Class<?> p : programs) {
            RunRecord r;
            try {
                r = RunRecord.read(figures, p).orElseThrow(() -> new IllegalStateException(
                        p.getName() + " has no run record in " + figures + "; BuildFigures writes it"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (scale != null && !scale.equals(r.scale())) {
                throw new IllegalStateException(slug + ": its programs ran at different scales (" + scale + ", "
                        + r.scale() + "); rebuild the figures");
            }
            scale = r.scale();
            seconds += r.seconds();
        }
        String what = scale.equals("full")
                ? "at *full scale*, the size the text describes"
                : "at the small *CI scale* used by the tests (`./book serve` builds the pages at full scale)";
        return "[.run-note]\nEvery output and figure on this page comes from one run of the chapter's programs "
                + what + "; the run took " + duration(seconds) + " on the build machine. "
                + "The chapter's notebook runs the same code at CI scale, so some of its numbers differ (see _Page and "
                + "notebook_ below).\n";
    }

    /** 7 s, 42 s, 3 min 05 s. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return Math.max(s, 1) + " s";
        }
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
