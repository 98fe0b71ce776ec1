package rnnbook.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes N generated submissions for the grading benchmark: per exercise, the reference (half the time), one of
 * its mutants (a third) or the untouched starter. Seeded, so every run grades the same mix.
 */
public final class BenchSubmissions {
    private BenchSubmissions() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Catalog catalog = Catalog.load(Catalog.defaultRoot());
        Random rng = new Random(2026);
        for (int i = 0; i < n; i++) {
            Path sub = dir.resolve(String.format("student-%03d", i));
            Files.createDirectories(sub);
            for (Exercise e : catalog.exercises()) {
                double u = rng.nextDouble();
                Path src;
                if (u < 0.5) {
                    src = e.solution();
                } else if (u < 0.83) {
                    List<Map.Entry<String, List<String>>> ms = List.copyOf(Catalog.mutants(e).entrySet());
                    src = e.dir().resolve("mutants").resolve(ms.get(rng.nextInt(ms.size())).getKey()).resolve(e.fileName());
                } else {
                    src = e.starter();
                }
                Files.copy(src, sub.resolve(e.fileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("wrote " + n + " submissions to " + dir);
    }
}
