package rnnbook.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged regions of one Java source, the way Asciidoctor's {@code include::File.java[tags=a;b]} sees them:
 * lines between {@code // tag::a[]} and {@code // end::a[]}, with every tag line itself left out.
 * Also the file's {@code import} lines and package, which the notebook's first cell needs.
 */
public final class TaggedRegions {
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[]\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;\\s*$");

    private final Path file;
    private final List<String> lines;

    private TaggedRegions(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static TaggedRegions read(Path file) {
        try {
            return new TaggedRegions(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read included source " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The {@code import} lines, trimmed, in file order. */
    public List<String> imports() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (IMPORT.matcher(l).matches()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    /** The package name, or "" for the default package. */
    public String packageName() {
        for (String l : lines) {
            Matcher m = PACKAGE.matcher(l);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "";
    }

    /**
     * The lines of the named regions, in file order, tag lines removed, then dedented by their common indent
     * (as Asciidoctor's {@code indent=0}). Fails naming the file when a tag is missing, unclosed or empty.
     */
    public String region(List<String> tags) {
        Set<String> wanted = new LinkedHashSet<>(tags);
        Set<String> open = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher m = TAG.matcher(l);
            if (m.matches()) {
                String name = m.group(2);
                if (m.group(1).equals("tag")) {
                    open.add(name);
                    seen.add(name);
                } else if (!open.remove(name)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": end::" + name
                            + "[] without a matching tag::" + name + "[]");
                }
                continue;
            }
            if (open.stream().anyMatch(wanted::contains)) {
                out.add(l);
            }
        }
        for (String t : wanted) {
            if (!seen.contains(t)) {
                throw new IllegalArgumentException(file + ": expected a region tag::" + t + "[] but there is none"
                        + " (regions in the file: " + seen + ")");
            }
            if (open.contains(t)) {
                throw new IllegalArgumentException(file + ": region tag::" + t + "[] is never closed by end::" + t + "[]");
            }
        }
        String code = dedent(out).strip();
        if (code.isEmpty()) {
            throw new IllegalArgumentException(file + ": region(s) " + wanted + " hold no code");
        }
        return code;
    }

    /** Removes the indentation common to all non-blank lines; trailing spaces go too. */
    static String dedent(List<String> block) {
        int common = Integer.MAX_VALUE;
        for (String l : block) {
            if (!l.isBlank()) {
                int n = 0;
                while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
                    n++;
                }
                common = Math.min(common, n);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : block) {
            sb.append(l.isBlank() ? "" : l.substring(common).stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
