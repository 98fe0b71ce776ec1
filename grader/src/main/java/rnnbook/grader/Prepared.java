package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    /**
     * A JUnit test method as the parent reads it from the compiled class: {@code @DisplayName}, {@code @Points},
     * {@code @Hint}, {@code @Timeout}. The score is computed from these, never from what a child says.
     */
    public record TestSpec(String name, String title, int points, String hint, int timeoutMs) {
    }

    /**
     * Compiled tests of one exercise. For hidden tests, {@code reference} and {@code starter} are what the same
     * test class recorded when run against the reference solution and the starter in a trusted child.
     */
    public record Tests(String className, boolean hidden, Map<String, byte[]> classes, List<TestSpec> specs,
                        Map<String, ChildRun.TestRun> reference, Map<String, ChildRun.TestRun> starter) {
        public int maxPoints() {
            return specs.stream().mapToInt(TestSpec::points).sum();
        }

        public Map<String, Integer> timeouts() {
            Map<String, Integer> t = new LinkedHashMap<>();
            specs.forEach(s -> t.put(s.name(), s.timeoutMs()));
            return t;
        }
    }

    private final Catalog catalog;
    private final Path dir;
    private final Path engine;
    private final Path runner;
    private final Path junit;
    private final Path tensorOnly;
    private final Map<String, Tests> hidden = new LinkedHashMap<>();
    private final Map<String, Tests> checks = new LinkedHashMap<>();
    /** The child's linked runtime (null: the grader's own JDK with --limit-modules) and its class archive. */
    private Path image;
    private Path childArchive;
    private Path compileArchive;
    /** Set only for the trusted reference run while the cache is built: where it lists the classes it loads. */
    private Path classlistOut;

    private Prepared(Catalog catalog, Path dir, Path engine) {
        this.catalog = catalog;
        this.dir = dir;
        this.engine = engine;
        this.runner = dir.resolve("runner");
        this.junit = dir.resolve("junit");
        this.tensorOnly = dir.resolve("tensor");
        Path linked = dir.resolve("image");
        this.image = USE_IMAGE && Files.isExecutable(ChildImage.java(linked)) ? linked : null;
    }

    /**
     * {@code -Drnnbook.grader.childImage=false}: children run on the grader's JDK with {@code --limit-modules} and
     * no class archives (the way before the image; for comparisons and for a JDK whose image misbehaves).
     */
    static final boolean USE_IMAGE = Boolean.parseBoolean(System.getProperty("rnnbook.grader.childImage", "true"));

    /**
     * Takes the class archives of the child and of the compiler child, each checked against the hash recorded
     * when it was dumped, and dumped again from its trusted class list when it is absent or does not match.
     */
    private void useArchives() {
        if (image != null) {
            childArchive = CdsArchive.ensure(ChildImage.java(image), dir.resolve("child.classlist"),
                    dir.resolve("child.jsa"), ChildRun.MEMORY_OPTIONS);
        }
        compileArchive = !USE_IMAGE ? null : CdsArchive.ensure(Path.of(System.getProperty("java.home"), "bin", "java"),
                dir.resolve("compile.classlist"), dir.resolve("compile.jsa"), JvmChild.options(CompileChild.heap()));
    }

    private String fingerprint = "";

    /**
     * What grading means now: a hash of the runner, every starter, hidden test (with its points), public check and
     * reference solution, the engine, the JDK and {@link Grader#VERSION}. Part of every resume fingerprint.
     */
    public String fingerprint() {
        return fingerprint;
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

    /** The JUnit Platform jars (Launcher, Jupiter engine and API, their dependencies) for the module path. */
    public Path junit() {
        return junit;
    }

    /** What a submission compiles against together with its public checks: Matrix, the runner API, JUnit. */
    public List<Path> checkClasspath() {
        try {
            List<Path> cp = new ArrayList<>(List.of(tensorOnly, runner));
            cp.addAll(jars(junit));
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's module path: the runner module and JUnit. */
    public String modulePath() {
        return runner + java.io.File.pathSeparator + junit;
    }

    /**
     * How a grading child's JVM is started: its Java home (the linked image; null for the grader's own JDK), the
     * options that give it its modules and class archive, and the files it must be able to read for that.
     */
    public record Launch(Path javaHome, List<String> options, List<Path> binds) {
    }

    public Launch launch() {
        if (image == null) {
            // no image: confine the modules with --limit-modules (which on JDK 17 also turns class sharing off)
            return new Launch(null, List.of("--limit-modules", "java.base,rnnbook.runner", "--module-path",
                    modulePath()), List.of(runner, junit));
        }
        List<String> options = new ArrayList<>();
        List<Path> binds = new ArrayList<>();
        if (classlistOut != null) {
            options.add("-XX:DumpLoadedClassList=" + classlistOut);
        } else if (childArchive != null) {
            options.add(CdsArchive.option(childArchive));
            binds.add(childArchive);
        }
        return new Launch(image, options, binds);
    }

    /** JVM options for the compiler child: its class archive, when there is a valid one. */
    public List<String> compileOptions() {
        return compileArchive == null ? List.of() : List.of(CdsArchive.option(compileArchive));
    }

    /** Where the child's runtime comes from, for reports and tests. */
    public String childRuntime() {
        return image == null ? "the grader's JDK with --limit-modules (no jlink image; no class-data sharing)"
                : "linked image " + image + (childArchive == null ? " (no class archive)" : " with class archive "
                + childArchive);
    }

    Path image() {
        return image;
    }

    Path childArchive() {
        return childArchive;
    }

    Path compileArchive() {
        return compileArchive;
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
                String noImage = ChildImage.link(tmp.resolve("runner"), tmp.resolve("junit"), tmp.resolve("image"));
                if (noImage != null) {
                    Files.writeString(tmp.resolve("NO-IMAGE"), noImage);
                    System.err.println("grader: " + noImage + "; grading children run on the full JDK with"
                            + " --limit-modules, without class-data sharing (slower)");
                }
                recordReferences(catalog, engine, tmp);
                recordCompileClasses(catalog, tmp);
                Files.writeString(tmp.resolve("READY"), hash);
                // the child's uid may traverse the cache and read the runner; the tests stay root-only
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
                openTree(tmp.resolve("runner"));
                openTree(tmp.resolve("junit"));
                openTree(tmp.resolve("tensor"));
                if (Files.isDirectory(tmp.resolve("image"))) {
                    openTree(tmp.resolve("image"));
                }
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
            p.readAll(true);
            p.fingerprint = hash;
            p.useArchives();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the grader in " + dir, e);
        }
    }

    private void readAll(boolean withReferences) throws IOException {
        for (Exercise e : catalog.exercises()) {
            Path ex = dir.resolve("ex").resolve(e.id());
            hidden.put(e.id(), readTests(e, "hidden", e.hiddenTestClass(), true,
                    withReferences ? ChildRun.readRecorded(ex.resolve("reference.txt")) : Map.of(),
                    withReferences ? ChildRun.readRecorded(ex.resolve("starter.txt")) : Map.of()));
            checks.put(e.id(), readTests(e, "tests", e.publicTestClass(), false, Map.of(), Map.of()));
        }
    }

    /**
     * Runs every exercise's hidden tests against its reference solution and its starter in a trusted child (no
     * submission ever runs there) and keeps what they recorded: the expected values the parent compares with.
     * The reference must pass every test with every value present, else the hidden tests are broken.
     */
    private static void recordReferences(Catalog catalog, Path engine, Path dir) throws IOException {
        Prepared p = new Prepared(catalog, dir, engine);
        p.readAll(false);
        for (String kind : List.of("solution", "starter")) {
            Path runDir = dir.resolve("trusted-" + kind);
            // the trusted run lists the classes a grading child loads, for the child's class archive
            p.classlistOut = kind.equals("solution") && p.image != null ? dir.resolve("child.classlist") : null;
            List<ChildRun.Job> jobs = new ArrayList<>();
            for (Exercise e : catalog.exercises()) {
                jobs.add(new ChildRun.Job(e.id(), p.hidden(e.id()), dir.resolve("ex").resolve(e.id()).resolve(kind)));
            }
            Map<String, ChildRun.Outcome> out = ChildRun.run(Sandbox.trusted(), 0, p, runDir, jobs);
            for (Exercise e : catalog.exercises()) {
                ChildRun.Outcome o = out.get(e.id());
                if (o == null || !o.finished()) {
                    throw new IllegalStateException("the hidden tests of " + e.id() + " did not finish against the "
                            + kind + ": " + (o == null ? "no result" : o.failure()));
                }
                if (kind.equals("solution")) {
                    for (TestSpec t : p.hidden(e.id()).specs()) {
                        ChildRun.TestRun r = o.results().get(t.name());
                        if (r == null || !r.status().equals("SUCCESSFUL") || r.values().isEmpty()
                                || r.values().values().stream().anyMatch(v -> v.problem() != null)) {
                            throw new IllegalStateException("the reference solution of " + e.id()
                                    + " does not pass hidden test " + t.name() + " with every value recorded: " + r);
                        }
                    }
                }
                Files.write(dir.resolve("ex").resolve(e.id()).resolve(kind.equals("solution") ? "reference.txt"
                        : "starter.txt"), o.lines());
            }
            deleteTree(runDir);
        }
    }

    /**
     * Compiles every reference solution with its public checks in a compiler child, as a submission is compiled,
     * listing the classes javac loads: the compiler child's class archive is dumped from that list.
     */
    private static void recordCompileClasses(Catalog catalog, Path dir) throws IOException {
        Prepared p = new Prepared(catalog, dir, engineLocation());
        Path work = Files.createDirectories(dir.resolve("compile-warmup"));
        List<CompileChild.Request> requests = new ArrayList<>();
        for (Exercise e : catalog.exercises()) {
            Path check = e.dir().resolve("tests").resolve(e.className() + "Check.java");
            requests.add(new CompileChild.Request(e.id(), List.of(
                    new SourceCompiler.Source("rnnbook/exercises/" + e.fileName(), Files.readString(e.solution()), 0),
                    new SourceCompiler.Source("rnnbook/exercises/" + e.className() + "Check.java",
                            Files.readString(check), 0)), p.checkClasspath(), work.resolve(e.id())));
        }
        try {
            CompileChild.compileAll(requests, work, CompileChild.limitSeconds() * 1000,
                    List.of("-XX:DumpLoadedClassList=" + dir.resolve("compile.classlist")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(work);
        }
    }

    private static void build(Catalog catalog, Path engine, Path into) throws IOException {
        Path runnerSrc = home().resolve("runner").resolve("rnnbook.runner");
        copyJunit(into.resolve("junit"));
        List<Results.CompileError> errs = SourceCompiler.compileFiles(javaFiles(runnerSrc), List.of(),
                into.resolve("runner"), List.of("--module-path", into.resolve("junit").toString()));
        failOn("the runner module", errs);
        copyTensor(engine, into.resolve("tensor"));
        List<Path> junitJars = jars(into.resolve("junit"));
        for (Exercise e : catalog.exercises()) {
            Path ex = into.resolve("ex").resolve(e.id());
            failOn(e.id() + " starter", SourceCompiler.compileFiles(List.of(e.starter()),
                    List.of(into.resolve("tensor")), ex.resolve("starter"), List.of()));
            failOn(e.id() + " solution", SourceCompiler.compileFiles(List.of(e.solution()),
                    List.of(into.resolve("tensor")), ex.resolve("solution"), List.of()));
            List<Path> cp = new ArrayList<>(List.of(ex.resolve("starter"), into.resolve("runner"), engine));
            cp.addAll(junitJars);
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

    private Tests readTests(Exercise e, String kind, String className, boolean isHidden,
                            Map<String, ChildRun.TestRun> reference, Map<String, ChildRun.TestRun> starter)
            throws IOException {
        Path classes = dir.resolve("ex").resolve(e.id()).resolve(kind);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String rel = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                bytes.put(rel.substring(0, rel.length() - ".class".length()), Files.readAllBytes(f));
            }
        }
        List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL(), starterClasses(e.id()).toUri().toURL(),
                runner.toUri().toURL(), engine.toUri().toURL()));
        for (Path j : jars(junit)) {
            urls.add(j.toUri().toURL());
        }
        List<TestSpec> specs;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            specs = TestSpecs.read(loader.loadClass(className), isHidden, ChildRun.TEST_TIMEOUT_MS);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read the tests of " + e.id() + ": " + ex, ex);
        }
        if (specs.isEmpty()) {
            throw new IllegalStateException(className + " has no @Test methods");
        }
        return new Tests(className, isHidden, bytes, specs, reference, starter);
    }

    /** The JUnit jars the grader itself runs with, found from their classes, copied for the child. */
    private static void copyJunit(Path into) throws IOException {
        Files.createDirectories(into);
        for (String c : List.of("org.junit.platform.launcher.Launcher", "org.junit.platform.engine.TestEngine",
                "org.junit.platform.commons.JUnitException", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.engine.JupiterTestEngine", "org.opentest4j.AssertionFailedError",
                "org.apiguardian.api.API")) {
            try {
                Path jar = Path.of(Class.forName(c).getProtectionDomain().getCodeSource().getLocation().toURI());
                Files.copy(jar, into.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            } catch (ReflectiveOperationException | java.net.URISyntaxException ex) {
                throw new IllegalStateException("the grader's class path lacks " + c, ex);
            }
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
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

    /** The cache key of a catalog with this grader and engine (tests compare two catalogs). */
    static String hashOf(Catalog catalog) {
        return hash(catalog, engineLocation());
    }

    private static String hash(Catalog catalog, Path engine) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> inputs = new ArrayList<>(javaFiles(home().resolve("runner")));
            for (Exercise e : catalog.exercises()) {
                inputs.add(e.starter());
                inputs.add(e.solution());
                inputs.addAll(javaFiles(e.dir().resolve("hidden")));
                inputs.addAll(javaFiles(e.dir().resolve("tests")));
            }
            for (Path p : inputs) {
                // names relative to their root: a copied folder with the same content has the same key
                Path rel = p.startsWith(catalog.root()) ? catalog.root().relativize(p) : home().relativize(p);
                md.update(rel.toString().getBytes(StandardCharsets.UTF_8));
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
            // the JDK: its version and where it is (the child's image and class archives are made from it)
            md.update(System.getProperty("java.version").getBytes(StandardCharsets.UTF_8));
            md.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
            Path jdk = Path.of(System.getProperty("java.home")).toAbsolutePath();
            md.update(jdk.toString().getBytes(StandardCharsets.UTF_8));
            Path modules = jdk.resolve("lib").resolve("modules");
            if (Files.isRegularFile(modules)) {
                md.update(Long.toString(Files.getLastModifiedTime(modules).toMillis()).getBytes(StandardCharsets.UTF_8));
            }
            md.update(Grader.VERSION.getBytes(StandardCharsets.UTF_8));
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
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
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
