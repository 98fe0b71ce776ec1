package rnnbook.chapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads chapter pages the way the site and the notebook generator do: includes of tagged program regions. */
public final class Pages {
    public static final Path DOCS = Path.of("src/docs");
    public static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern INCLUDE =
            Pattern.compile("^include::\\{sourcedir}/(\\S+?\\.java)\\[tags?=([^,\\]]+)[^\\]]*]$", Pattern.MULTILINE);

    private Pages() {
    }

    /** One {@code include::} of a tagged region: the file under {@code src/main/java} and the tag. */
    public record Region(String file, String tag) {
        public String code() throws IOException {
            return Pages.region(Files.readString(SOURCES.resolve(file)), tag, file);
        }
    }

    public static String page(String slug) throws IOException {
        return Files.readString(DOCS.resolve(slug + ".adoc"));
    }

    /** The tagged regions a page includes, in page order. */
    public static List<Region> regions(String slug) throws IOException {
        List<Region> out = new ArrayList<>();
        Matcher m = INCLUDE.matcher(page(slug));
        while (m.find()) {
            out.add(new Region(m.group(1), m.group(2)));
        }
        return out;
    }

    /** The lines between {@code // tag::TAG[]} and {@code // end::TAG[]}, with their common indentation removed. */
    public static String region(String source, String tag, String file) {
        String begin = "// tag::" + tag + "[]";
        String end = "// end::" + tag + "[]";
        int b = source.indexOf(begin);
        int e = source.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException(file + " has no region tagged " + tag);
        }
        String body = source.substring(source.indexOf('\n', b) + 1, source.lastIndexOf('\n', e) + 1);
        int indent = body.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        body.lines().forEach(l -> sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return sb.toString();
    }

    /** The import lines of a source file. */
    public static List<String> imports(String file) throws IOException {
        return Files.readAllLines(SOURCES.resolve(file)).stream().filter(l -> l.startsWith("import ")).toList();
    }
}
