package rnnbook.site;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The page listing a chapter's graded exercises ({@code exercises/NN-slug/ID/exercise.json}): what each asks, the
 * concepts it practises, its starter class and public checks (shown and downloadable). Only {@code starter/} and
 * {@code tests/} are published; hidden tests, solutions and mutants never reach the site.
 */
final class ExercisesPage {
    /** The folders of an exercise that readers may see. */
    static final List<String> PUBLIC_FOLDERS = List.of("starter", "tests");

    private ExercisesPage() {
    }

    /** The exercise folders of a chapter, in name order (empty when it has none). */
    static List<Path> exercises(Path chapterDir) throws IOException {
        if (!Files.isDirectory(chapterDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(chapterDir)) {
            return dirs.filter(d -> Files.exists(d.resolve("exercise.json"))).sorted().toList();
        }
    }

    /**
     * Copies the public files into {@code outDir} and returns the page's Asciidoc source.
     *
     * @param conceptLinks concept id to a link (relative to the page) for concepts taught on written pages
     */
    static String toAsciidoc(String chapterTitle, List<Path> exercises, Path outDir, Map<String, String> conceptLinks)
            throws IOException {
        StringBuilder a = new StringBuilder();
        a.append("= Exercises: ").append(chapterTitle).append("\n\n");
        a.append("Each exercise is a class whose methods you complete. Run its public checks as often as you like; ")
                .append("the grader then runs hidden tests that give the score, in a sandbox, and writes a report of ")
                .append("what passed and why the rest did not. Download the starter, fill in every `TODO`, and keep ")
                .append("the class and method names.\n\n");
        for (Path ex : exercises) {
            JsonObject meta;
            try {
                meta = JsonParser.parseString(Files.readString(ex.resolve("exercise.json"))).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IllegalStateException(ex.resolve("exercise.json") + " is not valid JSON: " + e.getMessage(), e);
            }
            String id = ex.getFileName().toString();
            String title = meta.has("title") ? meta.get("title").getAsString() : id;
            a.append("[[").append(id).append("]]\n== ").append(title).append("\n\n");
            JsonArray concepts = meta.getAsJsonArray("concepts");
            if (concepts != null && !concepts.isEmpty()) {
                List<String> shown = new ArrayList<>();
                for (JsonElement c : concepts) {
                    String cid = c.getAsString();
                    String link = conceptLinks.get(cid);
                    shown.add(link == null ? "`" + cid + "`" : "link:" + link + "[`" + cid + "`]");
                }
                a.append("Practises: ").append(String.join(", ", shown)).append(".\n\n");
            }
            for (String folder : PUBLIC_FOLDERS) {
                Path dir = ex.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
                }
                for (Path f : files) {
                    String rel = id + "/" + folder + "/" + f.getFileName();
                    Files.createDirectories(outDir.resolve(id).resolve(folder));
                    Files.copy(f, outDir.resolve(rel));
                    String label = folder.equals("starter") ? "Starter" : "Public checks";
                    a.append(".").append(label).append(": link:").append(rel).append("[`").append(f.getFileName())
                            .append("`,role=download]\n[source,java]\n----\ninclude::").append(f.toAbsolutePath())
                            .append("[]\n----\n\n");
                }
            }
        }
        return a.toString();
    }
}
