package rnnbook.chapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import rnnbook.train.Scale;
import rnnbook.viz.Figures;

/**
 * Draws every figure and table of the book: runs each chapter program's {@code main} with
 * {@value Figures#DIR_PROPERTY} set to the folder given as the first argument, at the scale of the system property
 * {@value Scale#PROPERTY} ({@code ci} by default).
 *
 * <p>Usage: {@code java -Drnnbook.scale=full -cp ... rnnbook.chapters.BuildFigures OUT_DIR [SLUG...]}
 * (only the chapters named, when any are).
 *
 * <p>The same run records what each tagged region printed ({@code output-CLASS-TAG.txt}, see {@link RegionOutput}),
 * which the pages show under the region's listing, and the scale and seconds of each program ({@code run-CLASS.txt},
 * see {@link RunRecord}).
 *
 * <p>Results are cached: a program runs again only when the key of its last run differs, the key being a SHA-256
 * of the scale, of whether the JVM has the Vector API (the engine's SIMD path sums in another order, so its last
 * digits differ) and of every class file of the engine and the chapters (the programs' code and everything they
 * call; all inputs are generated from that code and fixed seeds). The key and the files a run wrote are kept in
 * {@code OUT_DIR/.cache/CLASS.key}; a missing file forces a new run too.
 */
public final class BuildFigures {
    private BuildFigures() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BuildFigures OUT_DIR [CHAPTER_SLUG...]   (-Drnnbook.scale=ci|full)");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        List<String> only = List.of(args).subList(1, args.length);
        for (String slug : only) {
            if (!Chapters.PROGRAMS.containsKey(slug)) {
                throw new IllegalArgumentException("no chapter " + slug + "; known: " + Chapters.PROGRAMS.keySet());
            }
        }
        int ran = build(out, only);
        System.out.println("figures in " + out + " (" + ran + " program(s) run, the rest cached)");
    }

    /** Runs every program (of the chapters named, or all when none) whose cache key changed; returns how many ran. */
    public static int build(Path out, List<String> only) throws IOException {
        Files.createDirectories(out.resolve(".cache"));
        String codeHash = codeHash();
        Scale scale = Scale.current();
        int ran = 0;
        for (Map.Entry<String, List<Class<?>>> chapter : Chapters.PROGRAMS.entrySet()) {
            if (!only.isEmpty() && !only.contains(chapter.getKey())) {
                continue;
            }
            for (Class<?> program : chapter.getValue()) {
                String key = scale + " simd=" + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        + " " + codeHash;
                Path stamp = out.resolve(".cache").resolve(program.getName() + ".key");
                if (upToDate(stamp, key, out)) {
                    continue;
                }
                long start = System.nanoTime();
                List<String> written = new ArrayList<>(runWithFiguresDir(program, out));
                double seconds = (System.nanoTime() - start) / 1e9;
                Figures.writeAtomically(out.resolve(RunRecord.fileName(program)),
                        new RunRecord(scale.toString(), seconds).toText());
                written.add(RunRecord.fileName(program));
                Figures.writeAtomically(stamp, key + "\n" + String.join("\n", written) + "\n");
                System.out.printf("%-45s %6.1f s  %s%n", program.getName(), seconds, written);
                ran++;
            }
        }
        return ran;
    }

    /** Removes what an earlier run of the program printed, so a region that prints no more shows nothing. */
    private static void deleteOutputs(Class<?> program, Path out) throws IOException {
        String prefix = RegionOutput.prefix(program);
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean upToDate(Path stamp, String key, Path out) throws IOException {
        if (!Files.exists(stamp)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stamp);
        if (lines.isEmpty() || !lines.get(0).equals(key)) {
            return false;
        }
        return lines.stream().skip(1).filter(s -> !s.isBlank()).allMatch(f -> Files.exists(out.resolve(f)));
    }

    /**
     * Runs {@code program.main} with the figures folder set; returns the names of the files it wrote. What each
     * tagged region printed is written beside the figures as {@code output-CLASS-TAG.txt} ({@link RegionOutput}),
     * replacing the files of the program's previous run; the page shows it under the region's listing.
     */
    public static List<String> runWithFiguresDir(Class<?> program, Path out) throws IOException {
        deleteOutputs(program, out);
        Map<String, String> before = listing(out);
        String previous = System.getProperty(Figures.DIR_PROPERTY);
        System.setProperty(Figures.DIR_PROPERTY, out.toString());
        PrintStream console = System.out;
        RegionOutput printed = new RegionOutput(program, console);
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            runMain(program);
        } finally {
            System.out.flush();
            System.setOut(console);
            if (previous == null) {
                System.clearProperty(Figures.DIR_PROPERTY);
            } else {
                System.setProperty(Figures.DIR_PROPERTY, previous);
            }
        }
        printed.texts().forEach((tag, text) ->
                Figures.writeAtomically(out.resolve(RegionOutput.fileName(program, tag)), text));
        Map<String, String> after = listing(out);
        List<String> written = new ArrayList<>();
        after.forEach((name, time) -> {
            if (!time.equals(before.get(name))) {
                written.add(name);
            }
        });
        return written;
    }

    /** Calls {@code program.main(new String[0])}, rethrowing what it throws. */
    public static void runMain(Class<?> program) {
        try {
            Method main = program.getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(program.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(program.getName() + " has no public static main(String[])", e);
        }
    }

    private static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    m.put(p.getFileName().toString(), Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p));
                }
            }
        }
        return m;
    }

    /** SHA-256 over every class file of the engine and the chapters, in a fixed order. */
    static String codeHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> anchor : List.of(rnnbook.tensor.Matrix.class, BuildFigures.class)) {
                Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                            sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(p));
                        }
                    }
                } else {
                    try (InputStream in = Files.newInputStream(root)) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException("cannot hash the programs' code", e);
        }
    }
}
