package rnnbook.grader;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every exercise found under the exercises folder, in chapter then id order. */
public final class Catalog {
    private final Path root;
    private final List<Exercise> exercises;

    private Catalog(Path root, List<Exercise> exercises) {
        this.root = root;
        this.exercises = exercises;
    }

    /** The exercises folder: the system property {@code rnnbook.exercises.dir}, else ./exercises or ".". */
    public static Path defaultRoot() {
        String p = System.getProperty("rnnbook.exercises.dir");
        if (p != null) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("exercises")) && Files.isDirectory(here.resolve("grader"))
                ? here.resolve("exercises") : here;
    }

    public static Catalog load(Path root) {
        List<Exercise> found = new ArrayList<>();
        try (Stream<Path> files = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("exercise.json"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                JsonObject o = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
                Path dir = f.getParent();
                String id = o.get("id").getAsString();
                if (!id.equals(dir.getFileName().toString())) {
                    throw new IllegalStateException(f + ": id " + id + " differs from its folder name");
                }
                found.add(new Exercise(id, o.get("title").getAsString(), o.get("class").getAsString(),
                        o.get("chapter").getAsString(), dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exercises under " + root, e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no exercise.json found under " + root
                    + " (set -Drnnbook.exercises.dir or run from the project's top folder)");
        }
        found.sort(Comparator.comparing(Exercise::chapter).thenComparing(Exercise::id));
        return new Catalog(root, List.copyOf(found));
    }

    public Path root() {
        return root;
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    public Optional<Exercise> byId(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Exercise> byClassName(String className) {
        return exercises.stream().filter(e -> e.className().equals(className)).findFirst();
    }

    /** The mutants of an exercise: name to the hidden tests it must fail. */
    public static Map<String, List<String>> mutants(Exercise e) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(e.dir().resolve("mutants.json"),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            for (String name : o.keySet()) {
                List<String> fails = new ArrayList<>();
                o.getAsJsonObject(name).getAsJsonArray("fails").forEach(j -> fails.add(j.getAsString()));
                out.put(name, fails);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }
}
