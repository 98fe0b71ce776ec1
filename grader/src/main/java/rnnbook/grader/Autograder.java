package rnnbook.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Gradescope's autograder zip for one assignment. Gradescope unpacks it into {@code /autograder/source}, runs
 * {@code setup.sh} once when it builds the image, and {@code run_autograder} for every submission, which must
 * leave {@code /autograder/results/results.json}. Inside:
 *
 * <pre>
 *   setup.sh          installs a JDK 17 (and bubblewrap, prlimit/setpriv) from apt when missing; idempotent;
 *                     then compiles the tests and records the reference once (the image keeps it)
 *   run_autograder    grades ROOT/submission into ROOT/results/results.json; ROOT is $AUTOGRADER_ROOT or /autograder
 *   autograder.conf   ASSIGNMENT, HIDDEN_VISIBILITY, SANDBOX (shell assignments)
 *   lib/*.jar         the grader, the engine and their libraries
 *   grader/runner/    the sources of the child's runner module
 *   exercises/CHAPTER/ID/  exercise.json, starter/, tests/, hidden/, solution/ (no mutants)
 * </pre>
 * The zip holds the reference solutions (the trusted reference run needs them): it is for the instructor's
 * Gradescope assignment only, never for students.
 */
public final class Autograder {
    private Autograder() {
    }

    /** Writes the zip; {@code sandbox} is null for bubblewrap (the default and the only safe tier). */
    public static void write(Catalog catalog, String chapter, String hiddenVisibility, String sandbox, Path zip)
            throws IOException {
        if (!GradescopeResults.VISIBILITIES.contains(hiddenVisibility)) {
            throw new IllegalArgumentException("visibility " + hiddenVisibility + " is not one of "
                    + GradescopeResults.VISIBILITIES);
        }
        if (sandbox != null && !List.of("bubblewrap", "unshare-net", "rlimits").contains(sandbox)) {
            throw new IllegalArgumentException("sandbox " + sandbox + " is not bubblewrap, unshare-net or rlimits");
        }
        List<Exercise> exercises = Release.assignment(catalog, chapter);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("setup.sh", resource("setup.sh"));
        files.put("run_autograder", resource("run_autograder"));
        files.put("autograder.conf", ("ASSIGNMENT=" + chapter + "\nHIDDEN_VISIBILITY=" + hiddenVisibility
                + "\nSANDBOX=" + (sandbox == null ? "" : sandbox) + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path entry : runtimeClasspath()) {
            files.put("lib/" + jarName(entry), Files.isDirectory(entry) ? jarOf(entry) : Files.readAllBytes(entry));
        }
        Path home = Prepared.home();
        addTree(files, home, home.resolve("runner"), "grader/");
        for (Exercise e : exercises) {
            Path base = catalog.root();
            files.put("exercises/" + base.relativize(e.dir().resolve("exercise.json")),
                    Files.readAllBytes(e.dir().resolve("exercise.json")));
            for (String sub : List.of("starter", "tests", "hidden", "solution")) {
                addTree(files, base, e.dir().resolve(sub), "exercises/");
            }
        }
        Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), "." + zip.getFileName(), ".tmp");
        try {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    ZipArchiveEntry z = new ZipArchiveEntry(f.getKey());
                    z.setUnixMode(f.getKey().equals("setup.sh") || f.getKey().equals("run_autograder") ? 0100755 : 0100644);
                    out.putArchiveEntry(z);
                    out.write(f.getValue());
                    out.closeArchiveEntry();
                }
            }
            Files.move(tmp, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The grader's classes and its runtime libraries, from {@code grader/target/classpath.txt}. */
    static List<Path> runtimeClasspath() throws IOException {
        Path home = Prepared.home();
        Path listed = home.resolve("target/classpath.txt");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException("no " + listed + ": build the grader first (./book builds it)");
        }
        List<Path> cp = new ArrayList<>(List.of(home.resolve("target/classes")));
        for (String p : Files.readString(listed).strip().split(java.io.File.pathSeparator)) {
            cp.add(Path.of(p));
        }
        return cp;
    }

    /** A folder of classes gets its module's name ({@code engine/target/classes} is engine-classes.jar). */
    private static String jarName(Path entry) {
        if (Files.isDirectory(entry)) {
            return entry.toAbsolutePath().getParent().getParent().getFileName() + "-classes.jar";
        }
        return entry.getFileName().toString();
    }

    private static byte[] jarOf(Path dir) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream o = bytes; JarOutputStream j = new JarOutputStream(o); Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void addTree(Map<String, byte[]> files, Path base, Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                files.put(prefix + base.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = Autograder.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource gradescope/" + name);
            }
            return in.readAllBytes();
        }
    }
}
