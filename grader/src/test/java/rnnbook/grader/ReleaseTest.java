package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * {@code ./book release}: students get the starters, the public checks, the notebook, a README and a project that
 * compiles and runs the checks on its own, and nothing of a solution, a hidden test or a mutant.
 */
@Timeout(120)
class ReleaseTest {
    @TempDir
    Path tmp;

    private static Catalog catalog() {
        return Catalog.load(Catalog.defaultRoot());
    }

    @Test
    void releaseHoldsWhatStudentsNeed() throws IOException {
        Path out = tmp.resolve("release");
        Release.write(catalog(), "02-the-cell", out);
        for (String f : List.of("README.md", "pom.xml", "02-the-cell-exercises.ipynb", "lib/rnnbook-tensor.jar",
                "src/main/java/rnnbook/exercises/RnnStep.java", "src/main/java/rnnbook/exercises/MemoryDecay.java",
                "src/test/java/rnnbook/exercises/RnnStepCheck.java",
                "src/test/java/rnnbook/exercises/MemoryDecayCheck.java", "src/test/java/rnnbook/runner/Expect.java")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("src/main/java/rnnbook/exercises/Bptt.java")), "another chapter's exercise");
        // Maven's surefire runs only *Test classes unless told: mvn test must run the *Check classes
        assertTrue(Files.readString(out.resolve("pom.xml")).contains("<include>**/*Check.java</include>"));
        String readme = Files.readString(out.resolve("README.md"));
        for (String s : List.of("./book check EXERCISE-ID path/to/this/folder/src/main/java/rnnbook/exercises",
                "02-the-cell-exercises.ipynb", "mvn test", "IDE", "Hand in", "rnn-step", "memory-decay")) {
            assertTrue(readme.contains(s), s);
        }
    }

    /**
     * Every line of a solution, hidden test or mutant (of every chapter) that its starter and public checks do
     * not also hold, 20 characters or longer once trimmed: none may occur in any released file.
     */
    @Test
    void releaseLeaksNoSolutionHiddenTestOrMutant() throws IOException {
        Path out = tmp.resolve("release");
        Release.write(catalog(), "02-the-cell", out);
        StringBuilder released = new StringBuilder();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                released.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .append('\n');
                String n = f.getFileName().toString();
                assertFalse(n.contains("Graded") || n.equals("mutants.json") || f.toString().contains("solution"), n);
            }
        }
        String all = released.toString();
        int checked = 0;
        for (Exercise e : catalog().exercises()) {
            Set<String> shared = lines(e.starter());
            shared.addAll(lines(e.dir().resolve("tests").resolve(e.className() + "Check.java")));
            List<Path> secret = new ArrayList<>(List.of(e.solution(),
                    e.dir().resolve("hidden").resolve(e.className() + "Graded.java")));
            for (String m : Catalog.mutants(e).keySet()) {
                secret.add(e.dir().resolve("mutants").resolve(m).resolve(e.fileName()));
            }
            for (Path p : secret) {
                for (String line : lines(p)) {
                    if (line.length() >= 20 && !shared.contains(line)) {
                        checked++;
                        assertFalse(all.contains(line), "released: " + line + " (from " + p + ")");
                        // the notebook holds code as JSON strings, where quotes are escaped
                        assertFalse(all.contains(line.replace("\"", "\\\"")), "released in JSON: " + line);
                    }
                }
            }
        }
        assertTrue(checked > 100, "distinctive lines checked: " + checked);
    }

    /** The released project stands alone: starters and checks compile against its jar, and the checks run. */
    @Test
    void releasedChecksCompileAndRunOnTheirOwn() throws Exception {
        Path out = tmp.resolve("release");
        Release.write(catalog(), "02-the-cell", out);
        // a student who solved rnn-step: the reference goes where the starter was
        Exercise rnn = catalog().byId("rnn-step").orElseThrow();
        Files.copy(rnn.solution(), out.resolve("src/main/java/rnnbook/exercises/RnnStep.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        Path classes = tmp.resolve("classes");
        String cp = out.resolve("lib/rnnbook-tensor.jar") + java.io.File.pathSeparator + System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", cp, "-proc:none"));
        args.addAll(sources);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(),
                out.resolve("lib/rnnbook-tensor.jar").toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(0, failures(loader.loadClass("rnnbook.exercises.RnnStepCheck")), "solved rnn-step");
            long starterFails = failures(loader.loadClass("rnnbook.exercises.MemoryDecayCheck"));
            assertTrue(starterFails > 0, "the untouched memory-decay starter fails its checks");
        }
    }

    @Test
    void refusesAnUnknownAssignmentAndAFullFolder() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Release.write(catalog(), "02-the-cel", tmp.resolve("x")));
        assertTrue(e.getMessage().contains("02-the-cell"), e.getMessage());
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/keep.txt"), "mine");
        e = assertThrows(IllegalArgumentException.class, () -> Release.write(catalog(), "02-the-cell", tmp.resolve("full")));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    private static long failures(Class<?> checks) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(checks.getClassLoader());
        try {
            SummaryGeneratingListener l = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(checks))
                    .build(), l);
            assertTrue(l.getSummary().getTestsFoundCount() > 0, "tests found in " + checks);
            return l.getSummary().getTotalFailureCount();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static Set<String> lines(Path p) throws IOException {
        Set<String> out = new HashSet<>();
        for (String l : Files.readAllLines(p)) {
            out.add(l.strip());
        }
        return out;
    }
}
