package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The grader shared by the module's tests, and helpers to build submissions from the exercise files. */
final class Fixture {
    private static Grader grader;

    private Fixture() {
    }

    static synchronized Grader grader() {
        if (grader == null) {
            Catalog catalog = Catalog.load(Catalog.defaultRoot());
            grader = new Grader(Prepared.load(catalog), Sandbox.preflight());
        }
        return grader;
    }

    /**
     * Full marks for the whole catalogue, read from the {@code @Points(N)} annotations in the hidden tests' source
     * text (not through the grader), so a test comparing a grade with it checks the grader's own sum.
     */
    static int fullMarks() {
        java.util.regex.Pattern points = java.util.regex.Pattern.compile("@Points\\((\\d+)\\)");
        int sum = 0;
        for (Exercise e : catalog().exercises()) {
            try (var files = Files.list(e.dir().resolve("hidden"))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    var m = points.matcher(read(f));
                    while (m.find()) {
                        sum += Integer.parseInt(m.group(1));
                    }
                }
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        return sum;
    }

    static Catalog catalog() {
        return grader().prepared().catalog();
    }

    /** A folder submission holding, per exercise, the file chosen by {@code pick} (null: leave it out). */
    static Path submission(Path dir, Function<Exercise, Path> pick) {
        try {
            Files.createDirectories(dir);
            for (Exercise e : catalog().exercises()) {
                Path f = pick.apply(e);
                if (f != null) {
                    Files.copy(f, dir.resolve(e.fileName()));
                }
            }
            return dir;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path write(Path dir, String file, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(file), text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The k-th mutant of an exercise (in mutants.json order). */
    static Map.Entry<String, List<String>> mutant(Exercise e, int k) {
        return List.copyOf(Catalog.mutants(e).entrySet()).get(k);
    }
}
