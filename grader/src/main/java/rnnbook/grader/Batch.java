package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades every submission in a folder (each entry a folder, a .zip or an .ipynb), in parallel with one child at a
 * time per slot. Each submission's outputs go to {@code OUT/NAME/}; a {@code .fingerprint} written last marks it
 * done, so an interrupted batch resumes where it stopped and never regrades an unchanged submission. The
 * gradebook CSV and the similarity report are rebuilt at the end, atomically.
 */
public final class Batch {
    /** What a batch did. */
    public record Summary(int graded, int resumed, int failed, long millis, List<Results.Submission> all) {
    }

    private Batch() {
    }

    public static List<Path> submissions(Path dir, Path out) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || p.toString().endsWith(".zip")
                            || p.toString().endsWith(".ipynb"))
                    .sorted().toList();
        }
    }

    public static String nameOf(Path p) {
        String n = p.getFileName().toString();
        for (String ext : List.of(".zip", ".ipynb")) {
            if (n.endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }

    public static Summary run(Grader grader, Path dir, Path out, int parallel, boolean similarity,
                              java.io.PrintStream log) throws IOException, InterruptedException {
        long t0 = System.currentTimeMillis();
        Files.createDirectories(out);
        List<Path> subs = submissions(dir, out);
        BlockingQueue<Integer> slots = new ArrayBlockingQueue<>(parallel);
        for (int i = 0; i < parallel; i++) {
            slots.add(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<String>> futures = new ArrayList<>();
        int[] counts = new int[3];
        for (Path sub : subs) {
            futures.add(pool.submit(() -> {
                String name = nameOf(sub);
                Path target = out.resolve(name);
                String print = fingerprint(sub);
                Path marker = target.resolve(".fingerprint");
                if (Files.isRegularFile(marker) && Files.readString(marker).equals(print)
                        && Files.isRegularFile(target.resolve("grade.json"))) {
                    return "resumed";
                }
                int slot = slots.take();
                try {
                    Results.Submission r;
                    try {
                        r = grader.grade(sub, name, slot);
                    } catch (RuntimeException e) {
                        r = new Results.Submission(name, sub.getFileName().toString(), grader.sandbox().describe(),
                                List.of("internal error while grading this submission: " + e), List.of(), 0);
                    }
                    Reports.writeAll(r, target);
                    Reports.atomically(marker, print);
                    log.println(String.format("%-24s %3d / %3d  (%d ms)", name, r.score(), r.maxScore(), r.millis()));
                    return r.problems().stream().anyMatch(p -> p.startsWith("internal error")) ? "failed" : "graded";
                } finally {
                    slots.add(slot);
                }
            }));
        }
        pool.shutdown();
        for (Future<String> f : futures) {
            try {
                switch (f.get()) {
                    case "graded" -> counts[0]++;
                    case "resumed" -> counts[1]++;
                    default -> counts[2]++;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                counts[2]++;
                log.println("a submission could not be graded: " + e.getCause());
            }
        }
        List<Results.Submission> all = new ArrayList<>();
        for (Path sub : subs) {
            Path target = out.resolve(nameOf(sub));
            if (Files.isRegularFile(target.resolve("grade.json"))) {
                all.add(Reports.readGrade(target));
            }
        }
        Reports.atomically(out.resolve("gradebook.csv"), gradebook(grader.prepared().catalog(), all));
        if (similarity) {
            try {
                long s0 = System.currentTimeMillis();
                Similarity.report(grader.prepared().catalog(), subs, out);
                log.printf("similarity report (JPlag): %.1f s%n", (System.currentTimeMillis() - s0) / 1000.0);
            } catch (RuntimeException | LinkageError e) {
                log.println("similarity report skipped: " + e);
            }
        }
        return new Summary(counts[0], counts[1], counts[2], System.currentTimeMillis() - t0, all);
    }

    static String gradebook(Catalog catalog, List<Results.Submission> all) {
        StringBuilder b = new StringBuilder("submission");
        for (Exercise e : catalog.exercises()) {
            b.append(',').append(e.id());
        }
        b.append(",total,max,sandbox\n");
        for (Results.Submission s : all) {
            b.append(csv(s.name()));
            for (Exercise e : catalog.exercises()) {
                Results.Exercise r = s.exercise(e.id());
                b.append(',').append(r == null ? "" : Integer.toString(r.score()));
            }
            b.append(',').append(s.score()).append(',').append(s.maxScore()).append(',')
                    .append(csv(s.sandbox().split(":")[0])).append('\n');
        }
        return b.toString();
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String fingerprint(Path p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p, 8)) {
                    for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                        md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) <= Ingest.MAX_FILE) {
                            md.update(Files.readAllBytes(f));
                        }
                    }
                }
            } else {
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
