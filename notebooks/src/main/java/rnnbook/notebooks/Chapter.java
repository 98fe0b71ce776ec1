package rnnbook.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chapter page read as a sequence of parts: Markdown prose, code regions included from Java sources, and images.
 *
 * <p>Block-level Asciidoc handled: the document title and section headings, paragraphs, attribute entries
 * (including the one-line {@code ifdef::/ifndef::name[:attr: value]} form), comments, anchors ({@code [[id]]}
 * kept as HTML anchors), block titles, ordered/unordered/description lists with continuation lines, admonition
 * paragraphs and blocks, {@code [latexmath]}/{@code [stem]} passthrough blocks ({@code $$..$$}), source/listing and
 * literal blocks, quote/example/sidebar/open blocks, tables, images, horizontal rules, and includes. An include of a
 * Java file becomes a code part; an include under {@code {figuresdir}} (a table written by the chapter program) is
 * left out, because the code cell before it prints that table; other Asciidoc includes are read in place.
 * Anything else that looks like block markup it does not know fails with the file and line, rather than
 * producing a notebook that silently lost text.
 */
final class Chapter {

    /** One piece of the chapter, in page order. */
    sealed interface Part permits Prose, Code, Image, Audio {
    }

    /** Markdown text; {@code heading} is true when it starts with a section heading (a cell boundary). */
    record Prose(String markdown, boolean heading) implements Part {
    }

    /** A code region: {@code tags} of {@code file}. */
    record Code(Path file, List<String> tags, String where) implements Part {
    }

    /** {@code image::target[alt]}; {@code file} is where the image would be on disk (may not exist). */
    record Image(String target, String alt, Path file, String where) implements Part {
    }

    /**
     * {@code audio::target[...]}, with its block title: the page's player of a sound file the chapter program
     * wrote. A notebook has no such file; a code cell plays the sound instead ({@code Sounds.play}).
     */
    record Audio(String target, String where) implements Part {
    }

    private static final Pattern HEADING = Pattern.compile("^(=+)\\s+(.+?)\\s*$");
    private static final Pattern ATTR_ENTRY = Pattern.compile("^:(!?)([\\w-]+)(!?):\\s*(.*)$");
    private static final Pattern CONDITIONAL_ATTR = Pattern.compile("^(ifdef|ifndef)::([\\w-]+)\\[(:[\\w-]+:.*)]$");
    private static final Pattern CONDITIONAL = Pattern.compile("^(ifdef|ifndef|ifeval|endif)::.*$");
    private static final Pattern BLOCK_ANCHOR = Pattern.compile("^\\[\\[([\\w-]+)(?:,[^\\]]*)?]]$");
    private static final Pattern BLOCK_ATTRS = Pattern.compile("^\\[([^\\[\\]].*)?]$");
    private static final Pattern BLOCK_TITLE = Pattern.compile("^\\.([^.\\s].*)$");
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[(.*)]$");
    private static final Pattern IMAGE = Pattern.compile("^image::([^\\[]+)\\[(.*)]$");
    private static final Pattern AUDIO = Pattern.compile("^audio::([^\\[]+)\\[(.*)]$");
    private static final Pattern ADMONITION = Pattern.compile("^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\\s+(.*)$");
    private static final Pattern UNORDERED = Pattern.compile("^(\\*+|-)\\s+(.*)$");
    private static final Pattern ORDERED = Pattern.compile("^(\\.+|\\d+\\.)\\s+(.*)$");
    private static final Pattern DESCRIPTION = Pattern.compile("^(.+?)(::+|;;)(?:\\s+(.*))?$");
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|_{4,}|={4,}|\\*{4,}|/{4,}|--|\\|===)$");

    private final Path file;
    private final Map<String, String> attributes;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private StringBuilder prose = new StringBuilder();
    private boolean proseHasHeading;

    private Chapter(Path file, Map<String, String> attributes) {
        this.file = file;
        this.attributes = attributes;
    }

    /** Reads a chapter page; {@code attributes} are preset attributes (as the site build would pass). */
    static List<Part> read(Path adoc, Map<String, String> attributes) {
        Chapter c = new Chapter(adoc, new LinkedHashMap<>(attributes));
        List<String> lines = lines(adoc);
        c.collectTitles(lines);
        c.blocks(lines, 0, lines.size(), adoc.toAbsolutePath().getParent());
        c.flush(false);
        return c.parts;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /** Section titles by anchor id, so {@code <<c-id>>} can show the title as Asciidoctor does. */
    private void collectTitles(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher a = BLOCK_ANCHOR.matcher(lines.get(i).strip());
            Matcher h = HEADING.matcher(lines.get(i + 1));
            if (a.matches() && h.matches()) {
                titles.put(a.group(1), h.group(2));
            }
        }
    }

    private Inline inline() {
        return new Inline(attributes, id -> titles.getOrDefault(id, id));
    }

    private String where(int i) {
        return file + ":" + (i + 1);
    }

    private IllegalArgumentException problem(int i, String what) {
        return new IllegalArgumentException(where(i) + ": " + what);
    }

    // ---- block walk ------------------------------------------------------------------------------------------

    private void blocks(List<String> lines, int from, int to, Path dir) {
        List<String> anchors = new ArrayList<>();
        String attrs = null;
        String title = null;
        int i = from;
        while (i < to) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.isEmpty()) {
                i++;
                continue;
            }
            if (t.equals("////")) {
                i = closing(lines, i, to, t) + 1;
                continue;
            }
            if (t.startsWith("//")) {
                i++;
                continue;
            }
            Matcher m;
            if ((m = CONDITIONAL_ATTR.matcher(t)).matches()) {
                boolean defined = attributes.containsKey(m.group(2));
                if (defined == m.group(1).equals("ifdef")) {
                    attributeEntry(m.group(3), i);
                }
                i++;
                continue;
            }
            if (CONDITIONAL.matcher(t).matches()) {
                throw problem(i, "conditional blocks (" + t + ") are not supported by the notebook generator;"
                        + " use the one-line form ifndef::name[:name: value]");
            }
            if ((m = ATTR_ENTRY.matcher(t)).matches()) {
                attributeEntry(t, i);
                i++;
                continue;
            }
            if ((m = BLOCK_ANCHOR.matcher(t)).matches()) {
                anchors.add(m.group(1));
                i++;
                continue;
            }
            if ((m = BLOCK_ATTRS.matcher(t)).matches() && !t.startsWith("[[")) {
                attrs = m.group(1) == null ? "" : m.group(1);
                String id = anchorOf(attrs);
                if (id != null) {
                    anchors.add(id);
                }
                i++;
                continue;
            }
            if ((m = BLOCK_TITLE.matcher(t)).matches() && !t.startsWith("..")) {
                title = m.group(1);
                i++;
                continue;
            }
            // from here on a block starts: anchors go in front of it (after the cell break of a heading)
            StringBuilder anchorHtml = new StringBuilder();
            for (String a : anchors) {
                anchorHtml.append("<a id=\"").append(a).append("\"></a>\n");
            }
            anchors.clear();
            String style = style(attrs);
            if ((m = HEADING.matcher(line)).matches()) {
                flush(true);
                prose(anchorHtml + m.group(1).replace('=', '#') + " " + inline().convert(m.group(2)) + "\n\n");
                i++;
            } else if (anchorHtml.length() > 0 && !(INCLUDE.matcher(t).matches() || IMAGE.matcher(t).matches())) {
                prose(anchorHtml.toString());
                continue;
            } else if ((m = INCLUDE.matcher(t)).matches()) {
                include(m.group(1), m.group(2), title, i, dir);
                i++;
            } else if ((m = IMAGE.matcher(t)).matches()) {
                image(m.group(1), m.group(2), title, i, dir);
                i++;
            } else if ((m = AUDIO.matcher(t)).matches()) {
                flush(false);
                parts.add(new Audio(m.group(1), where(i)));
                i++;
            } else if (DELIMITER.matcher(t).matches()) {
                int end = closing(lines, i, to, t);
                delimited(t, style, attrs, title, lines, i + 1, end, dir);
                i = end + 1;
            } else if (t.equals("'''") || t.equals("---") || t.equals("***")) {
                prose("---\n\n");
                i++;
            } else if (t.equals("<<<")) {
                i++;
            } else if (isListItem(t)) {
                i = list(lines, i, to);
            } else {
                i = paragraph(lines, i, to, style, title);
            }
            attrs = null;
            title = null;
        }
    }

    private void attributeEntry(String entry, int i) {
        Matcher m = ATTR_ENTRY.matcher(entry);
        if (!m.matches()) {
            throw problem(i, "expected an attribute entry :name: value but found " + entry);
        }
        if (!m.group(1).isEmpty() || !m.group(3).isEmpty()) {
            attributes.remove(m.group(2));
        } else {
            attributes.put(m.group(2), substitute(m.group(4)));
        }
    }

    private String substitute(String s) {
        return Pattern.compile("\\{([\\w-]+)}").matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(attributes.getOrDefault(m.group(1), m.group())));
    }

    private static String anchorOf(String attrs) {
        for (String a : attrs.split(",")) {
            String s = a.strip();
            int hash = s.indexOf('#');
            if (hash >= 0) {
                String id = s.substring(hash + 1).split("[.%]")[0];
                return id.isEmpty() ? null : id;
            }
            if (s.startsWith("id=")) {
                return s.substring(3).replace("\"", "");
            }
        }
        return null;
    }

    /** The block style: the first positional attribute, without id/role/option shorthands. */
    private static String style(String attrs) {
        if (attrs == null || attrs.isBlank()) {
            return "";
        }
        String first = attrs.split(",")[0].strip();
        return first.split("[#.%]")[0];
    }

    private static int closing(List<String> lines, int open, int to, String delimiter) {
        for (int j = open + 1; j < to; j++) {
            if (lines.get(j).strip().equals(delimiter)) {
                return j;
            }
        }
        throw new IllegalArgumentException("line " + (open + 1) + ": block opened by " + delimiter + " is never closed");
    }

    private void delimited(String delimiter, String style, String attrs, String title, List<String> lines,
                           int from, int to, Path dir) {
        List<String> body = lines.subList(from, to);
        char kind = delimiter.charAt(0);
        if (delimiter.equals("|===")) {
            titled(title);
            table(body, attrs);
        } else if (kind == '/') {
            // comment block
        } else if (kind == '+' && (style.equals("latexmath") || style.equals("stem"))) {
            String math = String.join("\n", body).strip();
            if (math.startsWith("\\[") && math.endsWith("\\]")) {
                math = math.substring(2, math.length() - 2).strip();
            }
            titled(title);
            prose("$$\n" + math + "\n$$\n\n");
        } else if (kind == '+') {
            prose(String.join("\n", body) + "\n\n");
        } else if (kind == '-' && delimiter.length() >= 4 || kind == '.') {
            listing(style, attrs, title, body, from, dir);
        } else if (isAdmonition(style)) {
            Chapter inner = nested();
            inner.blocks(lines, from, to, dir);
            prose(quoted("**" + label(style) + ":** " + (title == null ? "" : "*" + inline().convert(title) + "*\n\n")
                    + inner.onlyProse(from)));
        } else if (kind == '_' || kind == '*') {
            Chapter inner = nested();
            inner.blocks(lines, from, to, dir);
            prose(quoted((title == null ? "" : "**" + inline().convert(title) + "**\n\n") + inner.onlyProse(from)));
        } else {
            // example (====) and open (--) blocks: their content, with the title in bold
            titled(title);
            blocks(lines, from, to, dir);
        }
    }

    private Chapter nested() {
        Chapter c = new Chapter(file, attributes);
        c.titles.putAll(titles);
        return c;
    }

    private String onlyProse(int line) {
        flush(false);
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (!(p instanceof Prose pr)) {
                throw problem(line, "code or images inside an admonition, quote or sidebar block cannot become a notebook cell");
            }
            sb.append(pr.markdown());
        }
        return sb.toString();
    }

    private static String quoted(String md) {
        StringBuilder sb = new StringBuilder();
        for (String l : md.strip().split("\n", -1)) {
            sb.append(l.isEmpty() ? ">" : "> " + l).append('\n');
        }
        return sb.append('\n').toString();
    }

    private void titled(String title) {
        if (title != null) {
            prose("**" + inline().convert(title) + "**\n\n");
        }
    }

    private void listing(String style, String attrs, String title, List<String> body, int from, Path dir) {
        List<String> includes = new ArrayList<>();
        boolean onlyIncludes = true;
        for (String l : body) {
            if (l.isBlank()) {
                continue;
            }
            if (INCLUDE.matcher(l.strip()).matches()) {
                includes.add(l.strip());
            } else {
                onlyIncludes = false;
            }
        }
        if (!includes.isEmpty() && onlyIncludes) {
            titled(title);
            for (int k = 0, line = from; k < body.size(); k++, line++) {
                Matcher m = INCLUDE.matcher(body.get(k).strip());
                if (m.matches()) {
                    include(m.group(1), m.group(2), null, line, dir);
                }
            }
            return;
        }
        if (!includes.isEmpty()) {
            throw problem(from, "a listing mixes include:: lines with literal code; the notebook needs one or the other");
        }
        String lang = "";
        if (style.equals("source") && attrs != null) {
            String[] a = attrs.split(",");
            lang = a.length > 1 ? a[1].strip() : "";
        }
        titled(title);
        prose("```" + lang + "\n" + TaggedRegions.dedent(body).stripTrailing() + "\n```\n\n");
    }

    private void include(String target, String attrs, String title, int i, Path dir) {
        String resolved = substitute(target);
        if (resolved.contains("{")) {
            throw problem(i, "include target " + target + " uses an attribute the page does not define");
        }
        String figures = attributes.get("figuresdir");
        if (figures != null && (resolved.startsWith(figures + "/") || target.startsWith("{figuresdir}"))) {
            return; // a table the chapter program writes; the code cell before it prints the same table
        }
        Path p = dir.resolve(resolved).normalize();
        List<String> tags = tags(attrs, i);
        if (target.startsWith("{enginedir}") && resolved.endsWith(".java") && !tags.isEmpty()) {
            // the engine's own code (e.g. LstmCell's forward) is shown to read, not run: it is not a JShell region
            titled(title);
            prose("```java\n" + TaggedRegions.read(p).region(tags).stripTrailing() + "\n```\n\n");
            return;
        }
        if (resolved.endsWith(".java")) {
            if (tags.isEmpty()) {
                throw problem(i, "include of " + resolved + " names no tags=...; a notebook cell is one tagged region");
            }
            flush(false);
            parts.add(new Code(p, List.copyOf(tags), where(i)));
            return;
        }
        if (resolved.endsWith(".adoc") && Files.isRegularFile(p)) {
            titled(title);
            Chapter inner = new Chapter(p, attributes);
            // with tags=..., only those regions, as Asciidoctor includes them (the bibliography's entries)
            List<String> l = tags.isEmpty() ? lines(p) : TaggedRegions.read(p).region(tags).lines().toList();
            flush(false);
            inner.blocks(l, 0, l.size(), p.getParent());
            inner.flush(false);
            parts.addAll(inner.parts);
            return;
        }
        throw problem(i, "cannot include " + resolved + " (resolved to " + p + "): expected a .java region or an"
                + " existing .adoc file");
    }

    /** The tag names of an include's {@code tags=a;b} (or {@code tag=a}) attribute; empty when it names none. */
    private List<String> tags(String attrs, int i) {
        List<String> tags = new ArrayList<>();
        for (String a : attrs.split(",")) {
            String s = a.strip();
            if (s.startsWith("tags=") || s.startsWith("tag=")) {
                for (String tag : s.substring(s.indexOf('=') + 1).replace("\"", "").split(";")) {
                    if (tag.isBlank() || tag.startsWith("!") || tag.contains("*")) {
                        throw problem(i, "expected plain tag names in " + s + " (no '!' or wildcards)");
                    }
                    tags.add(tag.strip());
                }
            }
        }
        return tags;
    }

    private void image(String target, String attrs, String title, int i, Path dir) {
        String alt = attrs.split(",")[0].strip().replace("\"", "");
        String imagesdir = attributes.getOrDefault("imagesdir", "");
        Path p = dir.resolve(imagesdir.isEmpty() ? target : imagesdir + "/" + target).normalize();
        flush(false);
        parts.add(new Image(target, title != null ? inline().convert(title) : alt, p, where(i)));
    }

    private int paragraph(List<String> lines, int i, int to, String style, String title) {
        List<String> text = new ArrayList<>();
        int j = i;
        while (j < to && !lines.get(j).isBlank() && (j == i || !startsBlock(lines.get(j).strip()))) {
            text.add(lines.get(j).strip());
            j++;
        }
        String joined = String.join("\n", text);
        Matcher a = ADMONITION.matcher(joined.replace('\n', ' '));
        if (lines.get(i).startsWith(" ") || style.equals("literal")) {
            titled(title);
            prose("```\n" + TaggedRegions.dedent(lines.subList(i, j)).stripTrailing() + "\n```\n\n");
        } else if (isAdmonition(style)) {
            prose(quoted("**" + label(style) + ":** " + inline().convert(joined)));
        } else if (a.matches()) {
            prose(quoted("**" + label(a.group(1)) + ":** " + inline().convert(joined.substring(joined.indexOf(':') + 1).strip())));
        } else if (style.equals("quote") || style.equals("verse")) {
            prose(quoted(inline().convert(joined)));
        } else {
            titled(title);
            prose(inline().convert(joined) + "\n\n");
        }
        return j;
    }

    private static boolean startsBlock(String t) {
        return BLOCK_ANCHOR.matcher(t).matches() || DELIMITER.matcher(t).matches() || t.startsWith("include::")
                || t.startsWith("image::") || t.startsWith("audio::") || (BLOCK_ATTRS.matcher(t).matches() && !t.startsWith("[["))
                || HEADING.matcher(t).matches() && !t.startsWith("==== ") || isListItem(t);
    }

    private static boolean isListItem(String t) {
        return UNORDERED.matcher(t).matches() && !t.startsWith("--") && !t.matches("^\\*{4,}$")
                || ORDERED.matcher(t).matches() && !t.matches("^\\.{4,}$")
                || DESCRIPTION.matcher(t).matches() && !t.contains("://") && !t.startsWith("include::")
                && !t.startsWith("image::") && !CONDITIONAL.matcher(t).matches();
    }

    private static char listKind(String t) {
        return UNORDERED.matcher(t).matches() ? 'u' : ORDERED.matcher(t).matches() ? 'o' : 'd';
    }

    /** A run of list items (any kind, nested by marker depth) with their continuation lines. */
    private int list(List<String> lines, int i, int to) {
        StringBuilder md = new StringBuilder();
        int j = i;
        int[] counters = new int[10];
        while (j < to) {
            String t = lines.get(j).strip();
            if (t.isEmpty()) {
                // a blank line ends the list unless the next line is another item of the same kind of list
                int k = j + 1;
                if (k < to && isListItem(lines.get(k).strip())
                        && listKind(lines.get(k).strip()) == listKind(lines.get(i).strip())) {
                    j = k;
                    continue;
                }
                break;
            }
            if (!isListItem(t)) {
                break;
            }
            Matcher u = UNORDERED.matcher(t);
            Matcher o = ORDERED.matcher(t);
            Matcher d = DESCRIPTION.matcher(t);
            String marker;
            String text;
            int depth;
            if (u.matches()) {
                depth = u.group(1).equals("-") ? 1 : u.group(1).length();
                marker = "-";
                text = u.group(2);
            } else if (o.matches()) {
                depth = o.group(1).endsWith(".") && o.group(1).matches("\\d+\\.") ? 1 : o.group(1).length();
                counters[depth] = counters[depth] + 1;
                java.util.Arrays.fill(counters, depth + 1, counters.length, 0);
                marker = counters[depth] + ".";
                text = o.group(2);
            } else {
                d.matches();
                depth = d.group(2).equals(";;") ? 1 : d.group(2).length() - 1;
                marker = "-";
                text = "**" + d.group(1).strip() + "**" + (d.group(3) == null ? "" : ": " + d.group(3));
            }
            j++;
            StringBuilder item = new StringBuilder(text);
            while (j < to && !lines.get(j).isBlank() && !isListItem(lines.get(j).strip())
                    && !startsBlock(lines.get(j).strip())) {
                String c = lines.get(j).strip();
                item.append(c.equals("+") ? "\n" : "\n" + c);
                j++;
            }
            String indent = "   ".repeat(Math.max(0, depth - 1));
            String converted = inline().convert(item.toString()).replace("\n", "\n" + indent + "   ");
            md.append(indent).append(marker).append(' ').append(converted).append('\n');
        }
        prose(md.append('\n').toString());
        return j;
    }

    private void table(List<String> body, String attrs) {
        List<String> cells = new ArrayList<>();
        int firstRowCells = 0;
        boolean implicitHeader = false;
        boolean seenFirst = false;
        for (int k = 0; k < body.size(); k++) {
            String l = body.get(k).strip();
            if (l.isEmpty()) {
                if (seenFirst && k == 1) {
                    implicitHeader = true;
                }
                continue;
            }
            if (!l.startsWith("|")) {
                if (cells.isEmpty()) {
                    throw new IllegalArgumentException(file + ": table row does not start with '|': " + l);
                }
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + " " + l);
                continue;
            }
            String[] split = l.substring(1).split("(?<!\\\\)\\|", -1);
            for (String c : split) {
                cells.add(c.strip().replace("\\|", "|"));
            }
            if (!seenFirst) {
                firstRowCells = split.length;
                seenFirst = true;
            }
        }
        int cols = columns(attrs, firstRowCells);
        boolean header = implicitHeader || attrs != null && (attrs.contains("%header") || attrs.contains("options=\"header\"")
                || attrs.contains("options=header"));
        StringBuilder md = new StringBuilder();
        int start = 0;
        if (header) {
            md.append(row(cells.subList(0, Math.min(cols, cells.size()))));
            start = cols;
        } else {
            md.append(row(java.util.Collections.nCopies(cols, " ")));
        }
        md.append(row(java.util.Collections.nCopies(cols, "---")));
        for (int k = start; k < cells.size(); k += cols) {
            md.append(row(cells.subList(k, Math.min(k + cols, cells.size()))));
        }
        prose(md.append('\n').toString());
    }

    private static int columns(String attrs, int fallback) {
        if (attrs != null) {
            Matcher m = Pattern.compile("cols=\"?([^\"]*)\"?").matcher(attrs);
            if (m.find()) {
                String spec = m.group(1);
                Matcher mult = Pattern.compile("^(\\d+)\\*").matcher(spec);
                return mult.find() ? Integer.parseInt(mult.group(1)) : spec.split(",").length;
            }
        }
        return Math.max(1, fallback);
    }

    private String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(inline().convert(c).replace("|", "\\|")).append(" |");
        }
        return sb.append('\n').toString();
    }

    private static boolean isAdmonition(String style) {
        return style.matches("NOTE|TIP|IMPORTANT|WARNING|CAUTION");
    }

    private static String label(String style) {
        return style.charAt(0) + style.substring(1).toLowerCase();
    }

    private void prose(String md) {
        prose.append(md);
    }

    /** Ends the current prose part; {@code nextIsHeading} marks that the next part starts with a heading. */
    private void flush(boolean nextIsHeading) {
        String md = prose.toString().strip();
        if (!md.isEmpty()) {
            parts.add(new Prose(md, proseHasHeading));
        }
        prose = new StringBuilder();
        proseHasHeading = nextIsHeading;
    }
}
