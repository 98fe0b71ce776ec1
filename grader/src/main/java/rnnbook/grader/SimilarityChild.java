package rnnbook.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the similarity report ({@link Similarity}, JPlag) in a child JVM of its own, with a heap cap and a time
 * limit: a pathological submission (a deeply nested expression, a huge file) can then cost only the report, never
 * the batch or the grader's memory. The child gets the submissions as a list of "URI TAB id" lines.
 */
final class SimilarityChild {
    static final long TIME_LIMIT_S = Long.getLong("rnnbook.grader.similaritySeconds", 300);

    private SimilarityChild() {
    }

    /** Null when the report was written, else why not. */
    static String run(Catalog catalog, Map<Path, String> ids, Path out) throws IOException, InterruptedException {
        Path list = Files.createTempFile(out, ".similarity-", ".txt");
        try {
            StringBuilder b = new StringBuilder();
            // a path as a URI: a file name may hold a tab or a newline (the id may not), which would break the list
            ids.forEach((p, id) -> b.append(p.toAbsolutePath().toUri()).append('\t').append(id).append('\n'));
            Files.writeString(list, b, StandardCharsets.UTF_8);
            JvmChild.Exit exit = JvmChild.run(SimilarityChild.class, "1g", TIME_LIMIT_S * 1000,
                    List.of("-Xss4m", "-Drnnbook.exercises.dir=" + catalog.root()),
                    List.of(list.toString(), out.toString()));
            if (exit.timedOut()) {
                return "took longer than " + TIME_LIMIT_S + " s and was stopped";
            }
            return exit.ok() ? null : exit.outOfMemory() ? "the JPlag child ran out of memory (1 GiB)"
                    : "the JPlag child failed (exit code " + exit.code() + ")";
        } finally {
            Files.deleteIfExists(list);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<Path, String> ids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            ids.put(Path.of(java.net.URI.create(line.substring(0, tab))), line.substring(tab + 1));
        }
        Similarity.report(Catalog.load(Catalog.defaultRoot()), ids, Path.of(args[1]));
        System.exit(0);
    }
}
