package rnnbook.grader;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
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
 * Generates one exercise notebook per chapter, {@code exercises/NN-slug/NN-slug-exercises.ipynb}, from the
 * starters (the single source): a markdown cell with each exercise's task (the starter's Javadoc) and a code cell
 * tagged {@code solution:ID} holding the starter class without its package line (JShell has no packages). A saved
 * notebook is a submission: {@code ./book grade NN-slug-exercises.ipynb}.
 */
public final class Notebooks {
    /** nbformat needs {@code "execution_count": null} written out. */
    private static final com.google.gson.Gson JSON = new com.google.gson.GsonBuilder().setPrettyPrinting()
            .disableHtmlEscaping().serializeNulls().create();
    private Notebooks() {
    }

    public static void main(String[] args) throws IOException {
        Catalog catalog = Catalog.load(Catalog.defaultRoot());
        for (Map.Entry<Path, String> e : generate(catalog).entrySet()) {
            Reports.atomically(e.getKey(), e.getValue());
            System.out.println("wrote " + e.getKey());
        }
    }

    /** Notebook path to its JSON text. */
    public static Map<Path, String> generate(Catalog catalog) throws IOException {
        Map<String, List<Exercise>> byChapter = new LinkedHashMap<>();
        for (Exercise e : catalog.exercises()) {
            byChapter.computeIfAbsent(e.chapter(), k -> new ArrayList<>()).add(e);
        }
        Map<Path, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Exercise>> ch : byChapter.entrySet()) {
            JsonArray cells = new JsonArray();
            cells.add(markdown("# Exercises: " + ch.getKey() + "\n\n"
                    + "Complete each class in the cells tagged `solution:ID` (keep the class name and the method"
                    + " signatures), run the cell, and try your code in a new cell. The grader takes the notebook as"
                    + " JShell holds it after running every code cell from the top: imports, helper classes and"
                    + " helper methods from any cell, and the last definition of each. When done, save the notebook and"
                    + " run `./book check ID THIS.ipynb` for the public checks, or hand it in: `./book grade"
                    + " THIS.ipynb` grades it with the hidden tests."));
            cells.add(code("import rnnbook.tensor.Matrix;", null));
            for (Exercise e : ch.getValue()) {
                String starter = Files.readString(e.starter(), StandardCharsets.UTF_8);
                cells.add(markdown("## " + e.id() + ": " + e.title() + "\n\n" + javadocAsMarkdown(starter, e)));
                cells.add(code(classForJShell(starter), "solution:" + e.id()));
            }
            JsonObject nb = new JsonObject();
            nb.add("cells", cells);
            JsonObject meta = new JsonObject();
            JsonObject kernel = new JsonObject();
            kernel.addProperty("name", "rnnbook");
            kernel.addProperty("display_name", "rnnbook (Java)");
            kernel.addProperty("language", "java");
            meta.add("kernelspec", kernel);
            JsonObject lang = new JsonObject();
            lang.addProperty("name", "java");
            meta.add("language_info", lang);
            nb.add("metadata", meta);
            nb.addProperty("nbformat", 4);
            nb.addProperty("nbformat_minor", 5);
            Path dir = ch.getValue().get(0).dir().getParent();
            out.put(dir.resolve(ch.getKey() + "-exercises.ipynb"), JSON.toJson(nb) + "\n");
        }
        return out;
    }

    /** The starter without package and imports, and without {@code public} on the class (JShell ignores it). */
    static String classForJShell(String starter) {
        StringBuilder b = new StringBuilder();
        for (String line : starter.split("\n", -1)) {
            if (line.startsWith("package ") || line.startsWith("import ")) {
                continue;
            }
            b.append(line.startsWith("public final class ") ? line.substring("public ".length()) : line).append('\n');
        }
        return b.toString().strip() + "\n";
    }

    static String javadocAsMarkdown(String starter, Exercise e) {
        Matcher m = Pattern.compile("/\\*\\*(.*?)\\*/\\s*public final class", Pattern.DOTALL).matcher(starter);
        if (!m.find()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            String l = line.replaceFirst("^\\s*\\* ?", "");
            b.append(l).append('\n');
        }
        return b.toString().strip()
                .replace("<pre>", "```").replace("</pre>", "```").replace("<p>", "").replace("<ul>", "")
                .replace("</ul>", "").replace("<li>", "- ").replace("</li>", "")
                .replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link ([^}]*)}", "`$1`")
                // Javadoc escapes < > & as entities; Markdown shows an entity literally inside a ``` block
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static JsonObject markdown(String text) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "markdown");
        c.add("metadata", new JsonObject());
        c.add("source", lines(text));
        return c;
    }

    private static JsonObject code(String text, String tag) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        c.add("execution_count", null);
        JsonObject meta = new JsonObject();
        if (tag != null) {
            JsonArray tags = new JsonArray();
            tags.add(tag);
            meta.add("tags", tags);
        }
        c.add("metadata", meta);
        c.add("outputs", new JsonArray());
        c.add("source", lines(text));
        return c;
    }

    private static JsonArray lines(String text) {
        JsonArray a = new JsonArray();
        String[] parts = text.split("(?<=\n)");
        for (String p : parts) {
            a.add(p);
        }
        return a;
    }
}
