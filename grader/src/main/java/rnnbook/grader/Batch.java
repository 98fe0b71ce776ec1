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

    /** Slot 0 is single-submission grading's; batches take fresh slots. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SLOT = new java.util.concurrent.atomic.AtomicInteger(1);

    private Batch() {
    }

    /** Names the batch's own files use in OUT: a submission's output folder may never take one of them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("gradebook.csv", "similarity.txt",
            "similarity.csv", "gradebook.html", "statistics.csv", "final.csv", "canvas.csv", "overrides.csv");

    /**
     * The submissions in a folder: sub-folders, and regular .zip and .ipynb files (never a link, a FIFO or a
     * device). What is skipped for that reason is reported in {@code skipped}.
     */
    public static List<Path> submissions(Path dir, Path out, List<String> skipped) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                    continue;
                }
                boolean candidate = n.endsWith(".zip") || n.endsWith(".ipynb");
                if (Files.isSymbolicLink(p)) {
                    skipped.add(n + " is a symbolic link: not graded (submit the folder or file itself)");
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                } else if (candidate && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(p);
                } else if (candidate) {
                    skipped.add(n + " is not a regular file (a FIFO or a device?): not graded");
                }
            }
        }
        return found;
    }

    public static List<Path> submissions(Path dir, Path out) throws IOException {
        return submissions(dir, out, new ArrayList<>());
    }

    /**
     * Each submission's id, its output folder's name: the name without .zip/.ipynb, unless two submissions would
     * share it ({@code victim/} and {@code victim.zip}) or it is one of the batch's own files
     * ({@code gradebook.csv.zip}): then the full file name. {@code notes} says which were renamed.
     */
    static java.util.Map<Path, String> ids(List<Path> subs, List<String> notes) {
        java.util.Map<String, Long> counts = subs.stream().collect(java.util.stream.Collectors.groupingBy(
                p -> printable(nameOf(p)), java.util.stream.Collectors.counting()));
        java.util.Map<Path, String> ids = new java.util.LinkedHashMap<>();
        for (Path p : subs) {
            String name = printable(nameOf(p));
            String file = printable(p.getFileName().toString());
            if (!file.equals(p.getFileName().toString())) {
                notes.add(file + ": its name holds control characters (shown as _), graded as " + name);
            }
            if (counts.get(name) > 1 || RESERVED.contains(name)) {
                notes.add(file + (RESERVED.contains(name) ? " would write over the batch's own " + name
                        : " shares its name with another submission") + ": graded as " + file);
                name = file;
            }
            if (RESERVED.contains(name)) {
                notes.add(file + " cannot be graded under that name (it is one of the batch's own files): rename it");
                continue;
            }
            while (ids.containsValue(name)) {
                name = name + "_";   // two names that differed only in control characters
            }
            ids.put(p, name);
        }
        return ids;
    }

    /**
     * The name with every control character (C0, DEL, C1) and bidirectional override replaced by {@code _}: a
     * submission's name is printed at the top of its report, in the log and in the gradebook, where a newline,
     * a carriage return or an escape sequence could otherwise forge a line such as "Score: 74 / 74".
     */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? '_' : c));
        return b.toString();
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

    /** Tries a submission whose compile was starved of CPU ({@link CompileChild.Starved}) this often in all. */
    static final int STARVED_TRIES = 3;

    /**
     * Grades a submission; a compile starved of CPU (a busy machine, not the submission) is tried again, up to
     * {@link #STARVED_TRIES} times, in a fresh compiler child: the crowd at a batch's start (every slot's compiler
     * and test children starting at once, two graders side by side) is usually over by then. After the last try it
     * is a grader error like any other.
     */
    private static Results.Submission gradeStarvedAgain(Grader grader, Path sub, String name, int slot,
                                                        java.io.PrintStream log) {
        for (int tries = 1; ; tries++) {
            try {
                return grader.grade(sub, name, slot);
            } catch (CompileChild.Starved e) {
                if (tries == STARVED_TRIES) {
                    throw e;
                }
                log.println(String.format("%-24s tried again: %s", name, e.getMessage()));
            }
        }
    }

    public static Summary run(Grader grader, Path dir, Path out, int parallel, boolean similarity,
                              java.io.PrintStream log) throws IOException, InterruptedException {
        long t0 = System.currentTimeMillis();
        Files.createDirectories(out);
        List<String> notes = new ArrayList<>();
        List<Path> found = submissions(dir, out, notes);
        java.util.Map<Path, String> ids = ids(found, notes);
        List<Path> subs = List.copyOf(ids.keySet());
        notes.forEach(n -> log.println("! " + n));
        String graderPrint = grader.prepared().fingerprint();
        // the similarity report reads only the submissions' sources, never a grade: it runs alongside the grading
        // (in its own child JVM), filling the cores' idle moments, instead of after it on one core
        java.util.concurrent.CompletableFuture<String> similar = !similarity ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> similarity(grader, ids, out),
                        Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "similarity");
                            t.setDaemon(true);
                            return t;
                        }));
        BlockingQueue<Integer> slots = new ArrayBlockingQueue<>(parallel);
        int base = NEXT_SLOT.getAndAdd(parallel);   // two batches in one JVM never share a slot (and so a uid)
        for (int i = 0; i < parallel; i++) {
            slots.add(base + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<String>> futures = new ArrayList<>();
        int[] counts = new int[3];
        for (Path sub : subs) {
            futures.add(pool.submit(() -> {
                String name = ids.get(sub);
                Path target = out.resolve(name);
                String print = fingerprint(sub) + " " + graderPrint;
                Path marker = target.resolve(".fingerprint");
                if (Files.isRegularFile(marker) && Files.readString(marker).equals(print)
                        && Files.isRegularFile(target.resolve("grade.json"))) {
                    return "resumed";
                }
                int slot = slots.take();
                try {
                    Results.Submission r;
                    try {
                        r = gradeStarvedAgain(grader, sub, name, slot, log);
                    } catch (RuntimeException e) {
                        // a grader error is never a grade: nothing is written, the submission is graded again next run
                        log.println(String.format("%-24s GRADER ERROR, not graded: %s", name,
                                e instanceof ChildRun.InfrastructureError ? e.getMessage() : e.toString()));
                        return "failed";
                    }
                    Reports.writeAll(r, target);
                    Reports.atomically(marker, print);
                    log.println(String.format("%-24s %3d / %3d  (%d ms)", name, r.score(), r.maxScore(), r.millis()));
                    return "graded";
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
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            used.add(base + i);
        }
        CompileServer.retire(used);
        List<Results.Submission> all = new ArrayList<>();
        for (Path sub : subs) {
            Path target = out.resolve(ids.get(sub));
            if (Files.isRegularFile(target.resolve("grade.json")) && Files.isRegularFile(target.resolve(".fingerprint"))
                    && Files.readString(target.resolve(".fingerprint")).endsWith(" " + graderPrint)) {
                all.add(Reports.readGrade(target));
            }
        }
        Reports.atomically(out.resolve("gradebook.csv"), gradebook(grader.prepared().catalog(), all));
        if (similar != null) {
            long s0 = System.currentTimeMillis();
            String outcome = similar.join();
            log.println(outcome.startsWith("!") ? "similarity report skipped: " + outcome.substring(1)
                    : String.format("similarity report (JPlag, in a child JVM, alongside the grading): %s; waited"
                    + " %.1f s for it after the grading", outcome, (System.currentTimeMillis() - s0) / 1000.0));
        }
        return new Summary(counts[0], counts[1], counts[2] + (int) notes.stream().filter(n -> n.contains("cannot be"))
                .count(), System.currentTimeMillis() - t0, all);
    }

    /** Runs the similarity report: its wall time, or {@code !} and why it was not written. */
    private static String similarity(Grader grader, java.util.Map<Path, String> ids, Path out) {
        long s0 = System.currentTimeMillis();
        try {
            String failed = SimilarityChild.run(grader.prepared().catalog(), ids, out);
            return failed != null ? "!" + failed
                    : String.format("%.1f s", (System.currentTimeMillis() - s0) / 1000.0);
        } catch (IOException e) {
            return "!" + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "!interrupted";
        }
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

    /** One CSV field, never a formula ({@link Csv#field}). */
    static String csv(String s) {
        return Csv.field(s);
    }

    static String fingerprint(Path p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p, 8).limit(Ingest.MAX_ENTRIES + 1L)) {
                    for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                        md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) <= Ingest.MAX_NOTEBOOK) {
                            md.update(Files.readAllBytes(f));
                        }
                    }
                }
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                try (var in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    long left = Ingest.MAX_SUBMISSION;
                    for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
