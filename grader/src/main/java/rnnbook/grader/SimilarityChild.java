package rnnbook.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the similarity report ({@link Similarity}, JPlag) in a child JVM of its own, with a heap cap and a time
 * limit: a pathological submission (a deeply nested expression, a huge file) can then cost only the report, never
 * the batch or the grader's memory. The child gets the submissions as a list of "path TAB id" lines.
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
            ids.forEach((p, id) -> b.append(p.toAbsolutePath()).append('\t').append(id).append('\n'));
            Files.writeString(list, b, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-Xss4m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "-Drnnbook.exercises.dir=" + catalog.root(), SimilarityChild.class.getName(), list.toString(),
                    out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(TIME_LIMIT_S, TimeUnit.SECONDS)) {
                ChildRun.kill(p);
                return "took longer than " + TIME_LIMIT_S + " s and was stopped";
            }
            return p.exitValue() == 0 ? null : "the JPlag child failed (exit code " + p.exitValue() + ")";
        } finally {
            Files.deleteIfExists(list);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<Path, String> ids = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            ids.put(Path.of(line.substring(0, tab)), line.substring(tab + 1));
        }
        Similarity.report(Catalog.load(Catalog.defaultRoot()), ids, Path.of(args[1]));
        System.exit(0);
    }
}
