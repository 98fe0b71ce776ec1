package rnnbook.grader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Turns a submission (a folder, a zip or a notebook) into one source text per exercise, refusing what is unsafe
 * or unreadable with a message the learner can act on. Nothing here runs or compiles submitted code.
 *
 * <p>Files are matched by name: {@code RnnStep.java} anywhere in the folder or zip is the rnn-step exercise.
 * In a notebook, a code cell whose {@code metadata.tags} holds {@code solution:rnn-step} is that exercise's
 * class (JShell cells have no package line: the grader adds {@code package rnnbook.exercises;}).
 */
public final class Ingest {
    static final long MAX_FILE = 1L << 20;
    /** Cells tagged for an exercise that does not exist that are named one by one; the rest are counted. */
    static final int MAX_TAG_PROBLEMS = 20;
    /** A notebook (it holds outputs, so it may be larger than a source file). */
    static final long MAX_NOTEBOOK = 8L << 20;
    /** A submission file as a whole (a .zip or a notebook); larger ones are refused before reading. */
    static final long MAX_SUBMISSION = 64L << 20;
    static final long MAX_TOTAL = 16L << 20;
    static final int MAX_ENTRIES = 2000;

    /** One exercise's source, or why there is none usable. */
    public record Entry(String origin, String text, int lineOffset, String problem) {
    }

    /** Everything read from one submission. */
    public record Submission(Map<String, Entry> entries, List<String> problems) {
    }

    private Ingest() {
    }

    public static Submission read(Path path, Catalog catalog) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            if (Files.isSymbolicLink(path)) {
                problems.add(path.getFileName() + " is a symbolic link: submit the folder or file itself");
            } else if (Files.isDirectory(path)) {
                readFolder(path, catalog, entries, problems);
            } else if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(path.getFileName() + " is not a regular file (a FIFO or a device?): not read");
            } else if (Files.size(path) > MAX_SUBMISSION) {
                problems.add(path.getFileName() + " is larger than " + (MAX_SUBMISSION >> 20) + " MiB: not read");
            } else if (path.toString().endsWith(".zip")) {
                readZip(path, catalog, entries, problems);
            } else if (path.toString().endsWith(".ipynb")) {
                String rel = path.getFileName().toString();
                readNotebook(readCapped(path, problems, rel, MAX_NOTEBOOK), rel, catalog, entries, problems);
            } else if (path.toString().endsWith(".java")) {
                String rel = path.getFileName().toString();
                byte[] bytes = readCapped(path, problems, rel, MAX_FILE);
                if (bytes != null) {
                    accept(rel, bytes, catalog, entries, problems);
                }
            } else {
                problems.add(path.getFileName() + " is not a submission: expected a folder, a .zip or an .ipynb");
            }
        } catch (IOException e) {
            problems.add("cannot read " + path.getFileName() + ": " + e.getMessage());
        }
        return new Submission(entries, problems);
    }

    private static void readFolder(Path dir, Catalog catalog, Map<String, Entry> entries, List<String> problems)
            throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 8)) {
            files = s.filter(p -> !p.equals(dir)).sorted().limit(MAX_ENTRIES + 1L).toList();
        }
        if (files.size() > MAX_ENTRIES) {
            problems.add("the folder holds more than " + MAX_ENTRIES + " files; only the first were read");
        }
        long total = 0;
        for (Path f : files) {
            String rel = dir.relativize(f).toString();
            if (Files.isSymbolicLink(f)) {
                if (rel.endsWith(".java")) {
                    problems.add(rel + " is a symbolic link and was ignored: submit the file itself");
                }
                continue;
            }
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (rel.endsWith(".ipynb")) {
                readNotebook(readCapped(f, problems, rel, MAX_NOTEBOOK), rel, catalog, entries, problems);
                continue;
            }
            if (!rel.endsWith(".java")) {
                continue;
            }
            total += Files.size(f);
            if (total > MAX_TOTAL) {
                problems.add("the submission is larger than " + (MAX_TOTAL >> 20) + " MiB; the rest was ignored");
                break;
            }
            byte[] bytes = readCapped(f, problems, rel, MAX_FILE);
            if (bytes != null) {
                accept(rel, bytes, catalog, entries, problems);
            }
        }
    }

    /** A regular file's bytes, at most {@code cap} of them (read with a bound, whatever its size claims). */
    private static byte[] readCapped(Path f, List<String> problems, String rel, long cap) throws IOException {
        byte[] bytes = null;
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) <= cap) {
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                bytes = readLimited(in, cap);
            }
        }
        if (bytes == null) {
            problems.add(rel + " is larger than " + (cap >> 10) + " KiB and was ignored");
        }
        return bytes;
    }

    /**
     * Reads the zip through its central directory ({@link java.util.zip.ZipFile}): only the entries that could be
     * an exercise are inflated, each at most to its cap. Streaming it would inflate every entry to skip it, and a
     * 64 MiB zip can hold an entry of 64 GiB of zeros (minutes of the grader's CPU, and the similarity report's
     * whole time limit, for one submission).
     */
    private static void readZip(Path zipFile, Catalog catalog, Map<String, Entry> entries, List<String> problems) {
        long total = 0;
        int count = 0;
        try (ZipFile zip = openZip(zipFile)) {
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                if (++count > MAX_ENTRIES) {
                    problems.add("the zip holds more than " + MAX_ENTRIES + " entries; the rest was ignored");
                    break;
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (!safeName(name)) {
                    problems.add("the zip entry '" + name + "' has an unsafe path (absolute or with '..') and was"
                            + " ignored");
                    continue;
                }
                if (name.startsWith("__MACOSX/") || !(name.endsWith(".java") || name.endsWith(".ipynb"))) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = readLimited(in, name.endsWith(".ipynb") ? MAX_NOTEBOOK : MAX_FILE);
                }
                if (bytes == null) {
                    problems.add("the zip entry '" + name + "' expands to more than " + (MAX_FILE >> 10)
                            + " KiB (a zip bomb?) and was ignored");
                    continue;
                }
                total += bytes.length;
                if (total > MAX_TOTAL) {
                    problems.add("the zip expands to more than " + (MAX_TOTAL >> 20) + " MiB; the rest was ignored");
                    break;
                }
                if (name.endsWith(".ipynb")) {
                    readNotebook(bytes, name, catalog, entries, problems);
                } else {
                    accept(name, bytes, catalog, entries, problems);
                }
            }
            if (count == 0) {
                problems.add(zipFile.getFileName() + " is not a readable zip file: no entries found");
            }
        } catch (ZipException e) {
            problems.add(zipFile.getFileName() + " is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            problems.add("cannot read " + zipFile.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * A zip whose names are UTF-8 (or flagged so), else one whose names are in the old DOS code page without the
     * flag, as Windows' own "compressed folder" long wrote a folder such as {@code Übung/}.
     */
    private static ZipFile openZip(Path zipFile) throws IOException {
        try {
            return new ZipFile(zipFile.toFile());
        } catch (ZipException utf8) {
            try {
                return new ZipFile(zipFile.toFile(), java.nio.charset.Charset.forName("IBM437"));
            } catch (ZipException | IllegalArgumentException dos) {
                throw utf8;
            }
        }
    }

    static boolean safeName(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.contains("\\") || name.contains(":")
                || name.contains("\0")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Reads at most {@code limit} bytes; null when there is more (never inflates past the limit). */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] data = in.readNBytes((int) limit + 1);
        return data.length > limit ? null : data;
    }

    private static void readNotebook(byte[] bytes, String name, Catalog catalog, Map<String, Entry> entries,
                                     List<String> problems) {
        if (bytes == null) {
            return;
        }
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            problems.add(name + " is not UTF-8 text, so it is not a notebook");
            return;
        }
        JsonObject nb;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")
                    || !root.getAsJsonObject().get("cells").isJsonArray()) {
                problems.add(name + " is JSON but not a notebook: it has no \"cells\" list");
                return;
            }
            nb = root.getAsJsonObject();
        } catch (JsonParseException e) {
            problems.add(name + " is not a notebook: it is not valid JSON (" + firstLine(e.getMessage()) + ")");
            return;
        }
        // what JShell holds after running every code cell top to bottom: imports from any cell, the LAST cell
        // that defines an exercise's class (tagged or not), and the classes other cells define as helpers.
        // Cells are named as the learner sees them: "code cell N", counting code cells only.
        List<String> sources = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        for (JsonElement c : cells) {
            if (c.isJsonObject() && "code".equals(string(c.getAsJsonObject().get("cell_type")))) {
                sources.add(cellSource(c.getAsJsonObject()));
                tags.add(solutionTag(c.getAsJsonObject()));
            }
        }
        int badTags = 0;
        for (int k = 0; k < tags.size(); k++) {
            if (tags.get(k) != null && catalog.byId(tags.get(k)).isEmpty() && badTags++ < MAX_TAG_PROBLEMS) {
                problems.add(name + " code cell " + (k + 1) + " is tagged solution:" + tags.get(k)
                        + ", which is not an exercise");
            }
        }
        if (badTags > MAX_TAG_PROBLEMS) {
            // one line per cell would put a hundred thousand lines into every report of a hostile notebook
            problems.add(name + ": " + (badTags - MAX_TAG_PROBLEMS) + " more code cells are tagged for no exercise");
        }
        List<String> imports = NotebookCells.imports(sources);
        String methods = TopLevelMethods.holder(sources);
        int found = 0;
        for (Exercise ex : catalog.exercises()) {
            int last = -1;
            for (int k = 0; k < sources.size(); k++) {
                if (ex.id().equals(tags.get(k)) || NotebookCells.defines(sources.get(k), ex.className())) {
                    last = k;
                }
            }
            if (last < 0 || entries.containsKey(ex.id())) {
                continue;
            }
            found++;
            String helpers = NotebookCells.helpers(sources, last, catalog);
            List<String> fileImports = imports;
            if (!methods.isEmpty() && !Pattern.compile("\\b(class|record|interface|enum)\\s+"
                    + TopLevelMethods.HOLDER + "\\b").matcher(helpers).find()) {
                helpers = helpers.isEmpty() ? methods : helpers + "\n" + methods;
                fileImports = new ArrayList<>(imports);
                fileImports.add("import static " + Exercise.PACKAGE + "." + TopLevelMethods.HOLDER + ".*;");
            }
            String origin = name + " code cell " + (last + 1);
            if ((long) helpers.length() + sources.get(last).length() > MAX_FILE) {
                // every exercise of the notebook compiles the other cells' classes with it, in the grader's
                // process: thousands of tiny helper cells would cost minutes of compiling per exercise
                entries.put(ex.id(), new Entry(origin, null, 0, origin + " and the classes the other cells define"
                        + " add up to more than " + (MAX_FILE >> 10) + " KiB of source: not graded (keep the"
                        + " notebook to the exercises and a few small helpers)"));
                continue;
            }
            entries.put(ex.id(), withPackage(origin, NotebookCells.withoutImports(sources.get(last)), ex, fileImports,
                    helpers));
        }
        if (found == 0) {
            problems.add(name + " has no cell defining an exercise's class (see exercises/README.md)");
        }
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String solutionTag(JsonObject cell) {
        if (!cell.has("metadata") || !cell.get("metadata").isJsonObject()) {
            return null;
        }
        JsonElement tags = cell.getAsJsonObject("metadata").get("tags");
        if (tags == null || !tags.isJsonArray()) {
            return null;
        }
        for (JsonElement t : tags.getAsJsonArray()) {
            if (t.isJsonPrimitive() && t.getAsString().startsWith("solution:")) {
                return t.getAsString().substring("solution:".length()).trim();
            }
        }
        return null;
    }

    private static String cellSource(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s == null) {
            return "";
        }
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(e -> b.append(e.isJsonPrimitive() ? e.getAsString() : ""));
            return b.toString();
        }
        return s.isJsonPrimitive() ? s.getAsString() : "";
    }

    /** A file: matched to its exercise by file name, decoded strictly as UTF-8, package checked. */
    private static void accept(String rel, byte[] bytes, Catalog catalog, Map<String, Entry> entries,
                               List<String> problems) {
        String file = rel.substring(rel.lastIndexOf('/') + 1);
        String cls = file.substring(0, file.length() - ".java".length());
        var ex = catalog.byClassName(cls);
        if (ex.isEmpty()) {
            var near = catalog.exercises().stream().filter(e -> e.className().equalsIgnoreCase(cls)).findFirst();
            problems.add(rel + " does not match any exercise" + (near.map(e -> ": did you mean "
                    + e.fileName() + " (names are case-sensitive)?").orElse(" and was ignored")));
            return;
        }
        Exercise e = ex.get();
        if (entries.containsKey(e.id())) {
            problems.add(rel + ": a second " + file + " was ignored (the first one found is graded)");
            return;
        }
        String text;
        try {
            text = decode(bytes);
        } catch (MalformedInputException m) {
            entries.put(e.id(), new Entry(rel, null, 0, rel + " is not UTF-8 text (an invalid byte near offset "
                    + offsetOfBadByte(bytes) + "): save it as UTF-8"));
            return;
        } catch (CharacterCodingException c) {
            entries.put(e.id(), new Entry(rel, null, 0, rel + " is not UTF-8 text: save it as UTF-8"));
            return;
        }
        String pkg = Sources.packageOf(text);
        if (pkg != null) {
            if (!pkg.equals(Exercise.PACKAGE)) {
                entries.put(e.id(), new Entry(rel, null, 0, rel + " declares package " + pkg
                        + ", expected package " + Exercise.PACKAGE + " (keep the starter's first line)"));
                return;
            }
            entries.put(e.id(), classCheck(new Entry(rel, text, 0, null), e));
        } else {
            entries.put(e.id(), withPackage(rel, text, e));
        }
    }

    private static Entry withPackage(String origin, String src, Exercise e) {
        return withPackage(origin, src, e, List.of(), "");
    }

    /**
     * A class without a package line (a notebook cell, or a file that left it out): the grader's one added line
     * holds the package and every import (the learner's line numbers shift by exactly one); {@code helpers},
     * classes of other cells, go after it.
     */
    private static Entry withPackage(String origin, String src, Exercise e, List<String> imports, String helpers) {
        String pkg = Sources.packageOf(src);
        if (pkg != null) {
            if (!pkg.equals(Exercise.PACKAGE)) {
                return new Entry(origin, null, 0, origin + " declares package " + pkg + ", expected "
                        + Exercise.PACKAGE);
            }
            return classCheck(new Entry(origin, src, 0, null), e);
        }
        // one added line, so the learner's line numbers shift by exactly one; a JShell cell's class has no
        // `public` (JShell ignores it), but the tests live in another class loader and need it
        String body = Pattern.compile("(?m)^((?:final\\s+|abstract\\s+)*)(class|record)\\s+(" + Pattern.quote(e.className())
                + ")\\b").matcher(src).replaceFirst("public $1$2 $3");
        StringBuilder head = new StringBuilder("package " + Exercise.PACKAGE + "; import rnnbook.tensor.Matrix;");
        imports.forEach(i -> head.append(' ').append(i));
        String text = head + "\n" + body + (helpers.isEmpty() ? "" : "\n" + helpers);
        return classCheck(new Entry(origin, text, 1, null), e);
    }

    private static Entry classCheck(Entry entry, Exercise e) {
        Pattern decl = Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(e.className()) + "\\b");
        if (!decl.matcher(entry.text()).find()) {
            return new Entry(entry.origin(), null, 0, entry.origin() + " does not declare class " + e.className()
                    + ": the exercise " + e.id() + " expects public final class " + e.className()
                    + " (keep the starter's class name)");
        }
        return entry;
    }

    static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String s = d.decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The offset of the first byte that is not valid UTF-8. */
    private static int offsetOfBadByte(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        return r.isError() ? in.position() : bytes.length;
    }

    private static String firstLine(String s) {
        // the parser's own exception class names mean nothing to a learner
        return s == null ? "" : s.lines().findFirst().orElse("").replaceAll("^([\\w.$]+(Exception|Error): )+", "");
    }
}
