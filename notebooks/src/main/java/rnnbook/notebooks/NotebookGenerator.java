package rnnbook.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns each chapter page {@code NN-slug.adoc} into the notebook {@code NN-slug.ipynb} (nbformat 4.5).
 *
 * <p>Cells, in page order: the prose as Markdown cells (a new cell at every section heading), then before the first
 * code cell one cell with the imports of every included Java file (plus each file's own package, so regions may
 * use the chapter's helper classes), then one code cell per {@code include::File.java[tags=...]} with the region's
 * code (split after a {@code Figures.show}/{@code Figures.table} call that is not the region's last statement, see
 * {@link #splitAfterDisplays}). An {@code image::NAME.svg[]} is left out when a code cell of the notebook shows the figure
 * ({@code Figures.show(chart, "NAME")}); an image file that exists is attached to a Markdown cell; anything else
 * is an error. An {@code audio::NAME.wav[]} (the page's player, with its title) is left out when a code cell plays
 * that file ({@code Sounds.play(folder.resolve("NAME.wav"), seconds)}: the cell's value shows as a player); the
 * notebook has no copy of the page's file, so an audio block no cell plays is an error. Output has no execution results: {@code ./book notebook-update} executes and commits them.
 *
 * <p>Usage: {@code NotebookGenerator DOCS_DIR OUT_DIR [NN-slug ...]}.
 */
public final class NotebookGenerator {
    /** Chapter pages are named like {@code 01-sequences.adoc}. */
    public static final Pattern CHAPTER = Pattern.compile("\\d{2}-[a-z0-9-]+\\.adoc");

    private NotebookGenerator() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: NotebookGenerator DOCS_DIR OUT_DIR [NN-slug ...]");
            System.exit(2);
        }
        Path docs = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> pages = args.length > 2
                ? Stream.of(args).skip(2).map(s -> docs.resolve(s.endsWith(".adoc") ? s : s + ".adoc")).toList()
                : chapters(docs);
        for (Path page : pages) {
            Path target = out.resolve(notebookName(page));
            Notebooks.write(target, generate(page));
            System.out.println(target);
        }
    }

    /** Every chapter page in a folder, by name. */
    public static List<Path> chapters(Path docs) {
        try (Stream<Path> s = Files.list(docs)) {
            return s.filter(p -> CHAPTER.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list chapter pages in " + docs, e);
        }
    }

    public static String notebookName(Path page) {
        String n = page.getFileName().toString();
        return n.substring(0, n.length() - ".adoc".length()) + ".ipynb";
    }

    /** The notebook for one chapter page, without outputs. */
    public static JsonObject generate(Path page) {
        List<Chapter.Part> parts = Chapter.read(page, Map.of());
        // region code first, so images can ask whether a code cell shows them
        Map<Chapter.Code, String> code = new LinkedHashMap<>();
        TreeSet<String> imports = new TreeSet<>();
        TreeSet<String> packages = new TreeSet<>();
        for (Chapter.Part p : parts) {
            if (p instanceof Chapter.Code c) {
                TaggedRegions regions = TaggedRegions.read(c.file());
                String src;
                try {
                    src = regions.region(c.tags());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(c.where() + ": " + e.getMessage(), e);
                }
                code.put(c, src);
                imports.addAll(regions.imports());
                if (!regions.packageName().isEmpty()) {
                    packages.add("import " + regions.packageName() + ".*;");
                }
            }
        }
        List<String> importLines = new ArrayList<>(imports);
        importLines.addAll(packages);

        JsonArray cells = new JsonArray();
        StringBuilder md = new StringBuilder();
        Map<String, String> attachments = new LinkedHashMap<>();
        boolean importsDone = false;
        int n = 0;
        for (Chapter.Part p : parts) {
            if (p instanceof Chapter.Prose prose) {
                if (prose.heading() && md.length() > 0) {
                    n = addMarkdown(cells, n, md, attachments);
                }
                md.append(md.length() > 0 ? "\n\n" : "").append(prose.markdown());
            } else if (p instanceof Chapter.Image img) {
                if (shownByCode(img, code.values())) {
                    continue;
                }
                if (!Files.isRegularFile(img.file())) {
                    throw new IllegalArgumentException(img.where() + ": image " + img.target() + " is neither shown by"
                            + " a code cell (Figures.show(chart, \"" + stem(img.target()) + "\")) nor a file at "
                            + img.file());
                }
                String name = img.file().getFileName().toString();
                attachments.put(name, img.file().toString());
                md.append(md.length() > 0 ? "\n\n" : "").append("![").append(img.alt()).append("](attachment:")
                        .append(name).append(")");
            } else if (p instanceof Chapter.Audio audio) {
                if (!playedByCode(audio.target(), code.values())) {
                    throw new IllegalArgumentException(audio.where() + ": audio " + audio.target() + " is not played"
                            + " by a code cell (Sounds.play(...\"" + audio.target() + "\"...)); a notebook cannot"
                            + " reach the page's sound files");
                }
            } else if (p instanceof Chapter.Code c) {
                n = addMarkdown(cells, n, md, attachments);
                if (!importsDone) {
                    cells.add(Notebooks.code(id(n++), String.join("\n", importLines)));
                    importsDone = true;
                }
                for (String part : splitAfterDisplays(code.get(c))) {
                    cells.add(Notebooks.code(id(n++), part));
                }
            }
        }
        addMarkdown(cells, n, md, attachments);
        return Notebooks.notebook(cells);
    }

    private static int addMarkdown(JsonArray cells, int n, StringBuilder md, Map<String, String> attachments) {
        if (md.length() == 0) {
            return n;
        }
        JsonObject cell = Notebooks.markdown(id(n), md.toString().strip());
        if (!attachments.isEmpty()) {
            JsonObject att = new JsonObject();
            for (Map.Entry<String, String> e : attachments.entrySet()) {
                JsonObject data = new JsonObject();
                data.addProperty(mime(e.getKey()), base64(Path.of(e.getValue())));
                att.add(e.getKey(), data);
            }
            cell.add("attachments", att);
        }
        cells.add(cell);
        md.setLength(0);
        attachments.clear();
        return n + 1;
    }

    /**
     * A notebook cell shows the value of its last expression only, so a region that calls
     * {@code Figures.show(...)}, {@code Figures.table(...)} or {@code Sounds.play(...)} and then goes on would lose
     * that chart, table or player.
     * Such a region becomes several cells, each ending right after one of those calls: the same statements in the
     * same order (JShell keeps the state between cells), and every chart and table shows.
     */
    static List<String> splitAfterDisplays(String region) {
        List<String> parts = new ArrayList<>();
        String[] lines = region.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inDisplay = false;
        for (String line : lines) {
            if (depth == 0 && (line.startsWith("Figures.show(") || line.startsWith("Figures.table(")
                    || line.startsWith("Sounds.play("))) {
                inDisplay = true;
            }
            current.append(line).append('\n');
            depth += nesting(line);
            if (inDisplay && depth == 0 && line.stripTrailing().endsWith(";")) {
                inDisplay = false;
                parts.add(current.toString().strip());
                current.setLength(0);
            }
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Opened minus closed brackets and braces on a line, outside string and char literals and // comments. */
    private static int nesting(String line) {
        int d = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (ch == '(' || ch == '{') {
                d++;
            } else if (ch == ')' || ch == '}') {
                d--;
            }
        }
        return d;
    }

    /** Stable ids, so a regenerated notebook differs from the committed one only where the chapter changed. */
    private static String id(int n) {
        return String.format("cell-%03d", n);
    }

    private static boolean shownByCode(Chapter.Image img, Iterable<String> regions) {
        Pattern shows = Pattern.compile("Figures\\.show\\([^;]*\"" + Pattern.quote(stem(img.target())) + "\"");
        for (String src : regions) {
            if (shows.matcher(src).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a region plays the sound file {@code target}: a {@code Sounds.play(...)} call naming it. */
    private static boolean playedByCode(String target, Iterable<String> regions) {
        Pattern plays = Pattern.compile("Sounds\\.play\\([^;]*\"" + Pattern.quote(target) + "\"");
        for (String src : regions) {
            if (plays.matcher(src).find()) {
                return true;
            }
        }
        return false;
    }

    private static String stem(String target) {
        String name = Path.of(target).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String mime(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        return "image/png";
    }

    private static String base64(Path p) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + p, e);
        }
    }
}
