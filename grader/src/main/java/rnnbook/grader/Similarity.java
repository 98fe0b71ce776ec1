package rnnbook.grader;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.options.JPlagOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The batch's similarity report, by JPlag (token-based, so renamed variables and reformatting do not hide a
 * copy). Per exercise, every submission's file is compared with every other's, with the starter as base code
 * (what everyone was given does not count). Pairs at or above {@link #FLAG} are flagged for a human to review:
 * {@code similarity.csv} lists every compared pair above {@link #LIST}, {@code similarity.txt} the flagged ones.
 */
final class Similarity {
    static final double FLAG = 0.90;
    static final double LIST = 0.50;

    private Similarity() {
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static void report(Catalog catalog, Map<Path, String> submissions, Path out) throws IOException {
        // every submission is read (and a notebook parsed) once, not once per exercise
        Map<String, Map<String, Ingest.Entry>> read = new LinkedHashMap<>();
        for (Map.Entry<Path, String> s : submissions.entrySet()) {
            read.put(s.getValue(), Ingest.read(s.getKey(), catalog).entries());
        }
        Path work = Files.createTempDirectory("rnnbook-similarity");
        StringBuilder csv = new StringBuilder("exercise,first,second,similarity,max_similarity\n");
        StringBuilder flagged = new StringBuilder();
        StringBuilder identical = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        try {
            for (Exercise e : catalog.exercises()) {
                Path root = work.resolve(e.id()).resolve("subs");
                Path base = work.resolve(e.id()).resolve("base");
                Files.createDirectories(base);
                Files.copy(e.starter(), base.resolve(e.fileName()));
                // identical files (after trimming whitespace) form one group; JPlag compares one file per group
                Map<String, List<String>> groups = new LinkedHashMap<>();
                Map<String, String> textOf = new LinkedHashMap<>();
                String starter = normalise(Files.readString(e.starter()));
                for (Map.Entry<String, Map<String, Ingest.Entry>> s : read.entrySet()) {
                    Ingest.Entry entry = s.getValue().get(e.id());
                    if (entry == null || entry.text() == null || normalise(entry.text()).equals(starter)) {
                        continue;
                    }
                    String key = normalise(entry.text());
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.getKey());
                    textOf.putIfAbsent(key, entry.text());
                }
                Map<String, String> label = new LinkedHashMap<>();
                int n = 0;
                for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                    List<String> names = g.getValue();
                    String rep = names.get(0);
                    label.put(rep, names.size() == 1 ? rep : rep + " (+" + (names.size() - 1) + " identical)");
                    if (names.size() > 1) {
                        identical.append(String.format(Locale.ROOT, "%-18s identical in %d submissions: %s%n", e.id(),
                                names.size(), String.join(", ", names)));
                    }
                    Path dir = root.resolve(rep);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(e.fileName()), textOf.get(g.getKey()));
                    n++;
                }
                if (n < 2) {
                    continue;
                }
                JPlagOptions options = new JPlagOptions(new de.jplag.java.Language(), Set.of(root.toFile()), Set.of())
                        .withBaseCodeSubmissionDirectory(base.toFile());
                JPlagResult result;
                try {
                    result = new JPlag(options).run();
                } catch (Exception | StackOverflowError ex) {
                    // a pathological file (a deeply nested expression) costs only this exercise's comparison
                    skipped.add(e.id() + ": " + ex.getClass().getSimpleName());
                    continue;
                }
                for (JPlagComparison c : result.getAllComparisons()) {
                    double sim = c.similarity();
                    // the share of the SHORTER file found in the other: a copy padded with unused methods keeps
                    // it (98 % for a copied bptt under 250 lines of dead code, whose average similarity was 10 %)
                    double max = c.maximalSimilarity();
                    String a = label.getOrDefault(c.firstSubmission().getName(), c.firstSubmission().getName());
                    String b = label.getOrDefault(c.secondSubmission().getName(), c.secondSubmission().getName());
                    if (max >= LIST) {
                        csv.append(e.id()).append(',').append(Batch.csv(a)).append(',').append(Batch.csv(b))
                                .append(',').append(String.format(Locale.ROOT, "%.3f,%.3f", sim, max)).append('\n');
                    }
                    if (max >= FLAG) {
                        flagged.append(String.format(Locale.ROOT, "%-18s %5.1f%%  %s  <->  %s%s%n", e.id(), 100 * sim,
                                a, b, sim >= FLAG ? "" : String.format(Locale.ROOT, "  (%.1f%% of the shorter file is"
                                        + " in the other: padded?)", 100 * max)));
                    }
                }
            }
        } finally {
            Prepared.deleteTree(work);
        }
        String head = "Near-identical solutions (JPlag " + JPlag.JPLAG_VERSION + ", similarity >= "
                + (int) (100 * FLAG) + "%, or that much of the shorter file found in the other, the starter as base"
                + " code). Review them: identical code can also be a"
                + " correct answer to a small exercise.\n\n";
        String tail = skipped.isEmpty() ? "" : "\nnot compared: " + String.join("; ", skipped) + "\n";
        Reports.atomically(out.resolve("similarity.csv"), csv.toString());
        Reports.atomically(out.resolve("similarity.txt"), head + "Identical files (untouched starters left out):\n"
                + (identical.length() == 0 ? "none\n" : identical.toString())
                + "\nNear-identical (one file per identical group):\n"
                + (flagged.length() == 0 ? "none flagged\n" : flagged.toString()) + tail);
    }

}
