package rnnbook.chapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chapter program prints, split by the tagged region of its {@code main} that was running: the output a
 * notebook shows under each cell, from one run of {@code main}.
 *
 * <p>The region of a write is found from the call stack: the line of the program's {@code main} frame (the
 * statement of {@code main} that is running, also when a declaration region such as a static method does the
 * printing, as in a notebook where output shows under the cell that calls it), matched against the line ranges of
 * the {@code // tag::NAME[]} ... {@code // end::NAME[]} comments in the program's source. Output from lines of
 * {@code main} outside any region, or from another thread, is kept under {@link #UNTAGGED}, so a test can insist
 * that there is none (a page could not show it).
 */
public final class RegionOutput extends OutputStream {
    /** The key of output printed outside every tagged region. */
    public static final String UNTAGGED = "untagged";
    /** The system property naming the folder of the chapter programs' sources (default: found beside the classes). */
    public static final String SOURCES_PROPERTY = "rnnbook.sourcedir";

    private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([\\w-]+)\\[]");

    private record Range(String tag, int first, int last) {
    }

    private final Class<?> program;
    private final List<Range> ranges;
    private final OutputStream tee;
    private final Map<String, ByteArrayOutputStream> byRegion = new LinkedHashMap<>();
    private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /**
     * @param program a chapter program (its source is read to find the regions' lines)
     * @param tee     where every byte goes as well (the console), or null
     */
    public RegionOutput(Class<?> program, OutputStream tee) {
        this.program = program;
        this.tee = tee;
        this.ranges = ranges(source(program));
    }

    /** The source file of a chapter program: under {@value #SOURCES_PROPERTY}, or {@code src/main/java} beside its classes. */
    public static Path source(Class<?> program) {
        String dir = System.getProperty(SOURCES_PROPERTY);
        Path root;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else {
            try {
                // chapters/target/classes -> chapters/src/main/java
                Path classes = Path.of(program.getProtectionDomain().getCodeSource().getLocation().toURI());
                root = classes.getParent().getParent().resolve("src/main/java");
            } catch (java.net.URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot locate the classes of " + program.getName(), e);
            }
        }
        Path file = root.resolve(program.getName().replace('.', '/') + ".java");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the source of " + program.getName() + " is not at " + file
                    + "; set -D" + SOURCES_PROPERTY + "=FOLDER (the chapters module's src/main/java)");
        }
        return file;
    }

    /** The tagged regions of a source file as (tag, line of the tag comment, line of the end comment), 1-based. */
    private static List<Range> ranges(Path source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> open = new LinkedHashMap<>();
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TAG.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            if (m.group(1).equals("tag")) {
                open.put(m.group(2), i + 1);
            } else {
                Integer first = open.remove(m.group(2));
                if (first == null) {
                    throw new IllegalStateException(source + ":" + (i + 1) + ": end::" + m.group(2) + "[] without its tag");
                }
                out.add(new Range(m.group(2), first, i + 1));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(source + ": tags never ended: " + open.keySet());
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        byRegion.computeIfAbsent(region(), k -> new ByteArrayOutputStream()).write(b, off, len);
        if (tee != null) {
            tee.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (tee != null) {
            tee.flush();
        }
    }

    /** The tag of the region whose line of {@code main} is running now. */
    private String region() {
        int line = walker.walk(frames -> frames
                .filter(f -> f.getDeclaringClass() == program && f.getMethodName().equals("main"))
                .mapToInt(StackWalker.StackFrame::getLineNumber).findFirst().orElse(-1));
        for (Range r : ranges) {
            if (line > r.first && line < r.last) {
                return r.tag;
            }
        }
        return UNTAGGED;
    }

    /**
     * What each region printed, in the order the regions first printed (only regions that printed), without spaces
     * at the ends of lines: a page shows no trailing spaces (Asciidoctor drops them), so the record keeps none
     * either (a sampled text line may well end in one).
     */
    public synchronized Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        byRegion.forEach((tag, bytes) -> m.put(tag, TRAILING_BLANKS.matcher(bytes.toString(StandardCharsets.UTF_8))
                .replaceAll("")));
        return m;
    }

    private static final java.util.regex.Pattern TRAILING_BLANKS =
            java.util.regex.Pattern.compile("[ \\t]+$", java.util.regex.Pattern.MULTILINE);

    /** The file that holds what region {@code tag} of {@code program} printed: {@code output-CLASS-TAG.txt}. */
    public static String fileName(Class<?> program, String tag) {
        return fileName(program.getName(), tag);
    }

    /** The same, from the class's name. */
    public static String fileName(String className, String tag) {
        return "output-" + className + "-" + tag + ".txt";
    }

    /** What the names of all output files of {@code program} start with. */
    public static String prefix(Class<?> program) {
        return "output-" + program.getName() + "-";
    }
}
