package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import rnnbook.tensor.Matrix;

/**
 * Everything compiled once before grading, cached under {@code grader/target/grader-cache/HASH} (the hash
 * covers every source that goes in): the runner module, the Matrix-only class folder submissions compile
 * against, and per exercise its starter, its public checks and its hidden tests with their points.
 */
public final class Prepared {
    /** A test method as the parent knows it: the score is computed from these, never from the child's say. */
    public record TestSpec(String name, String title, int points) {
    }

    /** Compiled tests of one exercise. */
    public record Tests(String className, Map<String, byte[]> classes, List<TestSpec> specs) {
        public int maxPoints() {
            return specs.stream().mapToInt(TestSpec::points).sum();
        }
    }

    private final Catalog catalog;
    private final Path dir;
    private final Path engine;
    private final Path runner;
    private final Path tensorOnly;
    private final Map<String, Tests> hidden = new LinkedHashMap<>();
    private final Map<String, Tests> checks = new LinkedHashMap<>();

    private Prepared(Catalog catalog, Path dir, Path engine) {
        this.catalog = catalog;
        this.dir = dir;
        this.engine = engine;
        this.runner = dir.resolve("runner");
        this.tensorOnly = dir.resolve("tensor");
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The engine's classes (a folder or a jar). */
    public Path engine() {
        return engine;
    }

    /** The runner module folder (for {@code --module-path}). */
    public Path runner() {
        return runner;
    }

    /** Classes a submission compiles against: rnnbook.tensor only. */
    public Path tensorOnly() {
        return tensorOnly;
    }

    public Tests hidden(String exerciseId) {
        return hidden.get(exerciseId);
    }

    public Tests checks(String exerciseId) {
        return checks.get(exerciseId);
    }

    public Path starterClasses(String exerciseId) {
        return dir.resolve("ex").resolve(exerciseId).resolve("starter");
    }

    /**
     * The grader module's folder (it holds {@code runner/}, the sources compiled at grading time, and
     * {@code target/grader-cache/}): the system property {@code rnnbook.grader.dir}, else found from where this
     * class was loaded ({@code grader/target/classes}).
     */
    public static Path home() {
        String p = System.getProperty("rnnbook.grader.dir");
        if (p != null) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        try {
            Path classes = Path.of(Prepared.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the grader module (set -Drnnbook.grader.dir)", e);
        }
    }

    public static Path engineLocation() {
        try {
            return Path.of(Matrix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the engine's classes", e);
        }
    }

    /** Compiles what is missing (or reuses the cache) and loads the test metadata. */
    public static synchronized Prepared load(Catalog catalog) {
        Path engine = engineLocation();
        String hash = hash(catalog, engine);
        Path cache = home().resolve("target").resolve("grader-cache");
        Path dir = cache.resolve(hash);
        try {
            if (!Files.isRegularFile(dir.resolve("READY"))) {
                Files.createDirectories(cache);
                Path tmp = Files.createTempDirectory(cache, "build-");
                build(catalog, engine, tmp);
                Files.writeString(tmp.resolve("READY"), hash);
                // the child's uid may traverse the cache and read the runner; the tests stay root-only
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
                openTree(tmp.resolve("runner"));
                openTree(tmp.resolve("tensor"));
                Files.setPosixFilePermissions(tmp.resolve("ex"), PosixFilePermissions.fromString("rwx------"));
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isRegularFile(dir.resolve("READY"))) {
                        throw raced;
                    }
                    deleteTree(tmp);
                }
            }
            Prepared p = new Prepared(catalog, dir, engine);
            for (Exercise e : catalog.exercises()) {
                p.hidden.put(e.id(), p.readTests(e, "hidden", e.hiddenTestClass()));
                p.checks.put(e.id(), p.readTests(e, "tests", e.publicTestClass()));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the grader in " + dir, e);
        }
    }

    private static void build(Catalog catalog, Path engine, Path into) throws IOException {
        Path runnerSrc = home().resolve("runner").resolve("rnnbook.runner");
        List<Results.CompileError> errs = SourceCompiler.compileFiles(javaFiles(runnerSrc), List.of(),
                into.resolve("runner"), List.of());
        failOn("the runner module", errs);
        copyTensor(engine, into.resolve("tensor"));
        for (Exercise e : catalog.exercises()) {
            Path ex = into.resolve("ex").resolve(e.id());
            failOn(e.id() + " starter", SourceCompiler.compileFiles(List.of(e.starter()),
                    List.of(into.resolve("tensor")), ex.resolve("starter"), List.of()));
            List<Path> cp = List.of(ex.resolve("starter"), into.resolve("runner"), engine);
            failOn(e.id() + " hidden tests", SourceCompiler.compileFiles(javaFiles(e.dir().resolve("hidden")), cp,
                    ex.resolve("hidden"), List.of()));
            failOn(e.id() + " public checks", SourceCompiler.compileFiles(javaFiles(e.dir().resolve("tests")), cp,
                    ex.resolve("tests"), List.of()));
        }
    }

    private static void failOn(String what, List<Results.CompileError> errs) {
        if (!errs.isEmpty()) {
            throw new IllegalStateException("cannot compile " + what + ": " + errs);
        }
    }

    private Tests readTests(Exercise e, String kind, String className) throws IOException {
        Path classes = dir.resolve("ex").resolve(e.id()).resolve(kind);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String rel = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                bytes.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        List<TestSpec> specs = new ArrayList<>();
        URL[] urls = {classes.toUri().toURL(), starterClasses(e.id()).toUri().toURL(), runner.toUri().toURL(),
            engine.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> graded = (Class<? extends Annotation>) loader.loadClass("rnnbook.runner.Graded");
            Class<?> test = loader.loadClass(className);
            for (Method m : test.getDeclaredMethods()) {
                Annotation a = m.getAnnotation(graded);
                if (a != null) {
                    int points = (int) graded.getMethod("points").invoke(a);
                    String title = (String) graded.getMethod("value").invoke(a);
                    specs.add(new TestSpec(m.getName(), title, points));
                }
            }
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read the tests of " + e.id() + ": " + ex, ex);
        }
        specs.sort(Comparator.comparing(TestSpec::name));
        return new Tests(className, bytes, List.copyOf(specs));
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void copyTensor(Path engine, Path into) throws IOException {
        Path target = into.resolve("rnnbook").resolve("tensor");
        Files.createDirectories(target);
        if (Files.isDirectory(engine)) {
            try (Stream<Path> s = Files.list(engine.resolve("rnnbook").resolve("tensor"))) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
        } else {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(engine))) {
                for (ZipEntry en; (en = zip.getNextEntry()) != null; ) {
                    String n = en.getName();
                    if (n.startsWith("rnnbook/tensor/") && n.endsWith(".class") && n.indexOf('/', 15) < 0) {
                        Files.copy(zip, target.resolve(n.substring(15)));
                    }
                }
            }
        }
    }

    private static String hash(Catalog catalog, Path engine) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> inputs = new ArrayList<>(javaFiles(home().resolve("runner")));
            for (Exercise e : catalog.exercises()) {
                inputs.add(e.starter());
                inputs.addAll(javaFiles(e.dir().resolve("hidden")));
                inputs.addAll(javaFiles(e.dir().resolve("tests")));
            }
            for (Path p : inputs) {
                md.update(p.toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            md.update(engine.toString().getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(engine)) {
                try (Stream<Path> s = Files.walk(engine)) {
                    for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                        md.update(f.toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Long.toString(Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                md.update(Long.toString(Files.getLastModifiedTime(engine).toMillis()).getBytes(StandardCharsets.UTF_8));
            }
            md.update(System.getProperty("java.version").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }


}
