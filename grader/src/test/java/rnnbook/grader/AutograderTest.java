package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./book autograder}: the zip is unpacked into a temporary root standing in for {@code /autograder},
 * {@code setup.sh} and {@code run_autograder} run as Gradescope runs them, and results.json is checked field by
 * field against Gradescope's documented format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class AutograderTest {
    private static final Set<String> VISIBILITY = Set.of("hidden", "after_due_date", "after_published", "visible");

    @TempDir
    static Path tmp;
    private Path root;
    private Path zip;

    @BeforeAll
    void unpackAndSetUp() throws Exception {
        // the children's uids must reach the prepared runner under this root, as under Gradescope's /autograder
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        zip = tmp.resolve("02-the-cell-autograder.zip");
        Autograder.write(Fixture.catalog(), "02-the-cell", "after_published", null, zip);
        root = tmp.resolve("autograder");
        Path source = root.resolve("source");
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                Path f = source.resolve(e.getName()).normalize();
                assertTrue(f.startsWith(source), e.getName());
                Files.createDirectories(f.getParent());
                try (var in = z.getInputStream(e)) {
                    Files.copy(in, f);
                }
                if ((e.getUnixMode() & 0100) != 0) {
                    Files.setPosixFilePermissions(f, EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
                }
            }
        }
        assertTrue(Files.isExecutable(source.resolve("setup.sh")), "setup.sh is executable in the zip");
        assertTrue(Files.isExecutable(source.resolve("run_autograder")), "run_autograder is executable in the zip");
        // setup.sh twice: the second run installs nothing and reuses the prepared grader
        for (int i = 0; i < 2; i++) {
            Run r = run(List.of(source.resolve("setup.sh").toString()), source);
            assertEquals(0, r.exit, r.output);
            assertFalse(r.output.contains("apt-get"), r.output);
        }
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"));
    }

    @Test
    void zipHoldsTheAssignmentsTestsAndNoMutants() throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            Collections.list(z.getEntries()).forEach(e -> names.add(e.getName()));
            for (String n : List.of("setup.sh", "run_autograder", "autograder.conf",
                    "exercises/02-the-cell/rnn-step/hidden/RnnStepGraded.java",
                    "exercises/02-the-cell/rnn-step/tests/RnnStepCheck.java",
                    "grader/runner/rnnbook.runner/module-info.java")) {
                assertTrue(names.contains(n), n);
            }
            assertTrue(names.stream().anyMatch(n -> n.startsWith("lib/") && n.endsWith(".jar")));
            assertFalse(names.stream().anyMatch(n -> n.contains("mutants")), "mutants are not shipped");
            assertFalse(names.stream().anyMatch(n -> n.contains("/bptt/")), "other chapters are not shipped");
        }
        assertTrue(Files.readString(root.resolve("source/autograder.conf")).contains("HIDDEN_VISIBILITY=after_published"));
    }

    @Test
    void referenceSolutionGetsFullMarksWithVisibleChecks() throws Exception {
        JsonObject r = grade("reference", e -> Fixture.read(e.solution()));
        assertEquals(21, r.get("score").getAsInt(), "11 + 10 points of chapter 2");
        assertEquals(21, r.get("max_score").getAsInt());
        int hidden = 0;
        int checks = 0;
        for (JsonElement t : r.getAsJsonArray("tests")) {
            JsonObject o = t.getAsJsonObject();
            assertEquals("passed", o.get("status").getAsString(), o.toString());
            String name = o.get("name").getAsString();
            if (name.contains(": public check: ") || name.endsWith(": compiles")) {
                checks++;
                assertEquals("visible", o.get("visibility").getAsString(), name);
                assertEquals(0, o.get("max_score").getAsInt(), name);
            } else {
                hidden++;
                assertEquals("after_published", o.get("visibility").getAsString(), name);
                assertTrue(o.get("max_score").getAsInt() > 0, name);
                assertEquals(o.get("max_score").getAsInt(), o.get("score").getAsInt(), name);
            }
        }
        assertTrue(hidden >= 4 && checks >= 6, hidden + " graded tests, " + checks + " visible checks");
        assertTrue(r.get("output").getAsString().startsWith("Sandbox: bubblewrap"), "the tier is named: " + r);
    }

    /**
     * Gradescope's container may not let bubblewrap create namespaces. A stand-in {@code bwrap} that fails as
     * bubblewrap does there: run_autograder must not grade in a weaker tier, must say why and what to do, and
     * must leave no results.json (Gradescope then shows the run as failed to the instructor, and a regrade after
     * the fix gives the real score; a results.json would have been a grade).
     */
    @Test
    void withoutNamespacesTheRunFailsClearlyAndGradesNothing() throws Exception {
        Path fake = Files.createDirectories(tmp.resolve("no-namespaces"));
        Path bwrap = Files.writeString(fake.resolve("bwrap"), "#!/bin/sh\necho 'bwrap: No permissions to creating"
                + " new namespace, likely because the kernel does not allow non-privileged user namespaces.' >&2\n"
                + "exit 1\n");
        Files.setPosixFilePermissions(bwrap, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sub = root.resolve("submission");
        Prepared.deleteTree(sub);
        for (Exercise e : Fixture.catalog().exercises()) {
            if (e.chapter().equals("02-the-cell")) {
                Fixture.write(sub, e.fileName(), Fixture.read(e.solution()));
            }
        }
        Path results = root.resolve("results/results.json");
        Files.deleteIfExists(results);
        Run r = run(List.of(root.resolve("run_autograder").toString()), root,
                fake + java.io.File.pathSeparator + System.getenv("PATH"));
        assertEquals(3, r.exit, r.output);
        assertTrue(r.output.contains("GRADER ERROR, not graded") && r.output.contains("bubblewrap")
                && r.output.contains("--sandbox"), r.output);
        assertFalse(Files.exists(results), "no results.json, so no grade");
    }

    @Test
    void starterAndCompileErrorAreVisibleFeedbackWorthNothing() throws Exception {
        JsonObject r = grade("broken", e -> e.id().equals("rnn-step")
                ? Fixture.read(e.starter()).replace("return null;", "return null\n") : Fixture.read(e.starter()));
        assertEquals(0, r.get("score").getAsInt());
        assertEquals(21, r.get("max_score").getAsInt());
        JsonObject compiles = byName(r, "rnn-step: compiles");
        assertEquals("failed", compiles.get("status").getAsString());
        assertEquals("visible", compiles.get("visibility").getAsString());
        assertTrue(compiles.get("output").getAsString().contains("RnnStep.java:"), compiles.toString());
        assertEquals("passed", byName(r, "memory-decay: compiles").get("status").getAsString());
        boolean starterCheckFailsVisibly = false;
        for (JsonElement t : r.getAsJsonArray("tests")) {
            JsonObject o = t.getAsJsonObject();
            String name = o.get("name").getAsString();
            if (name.startsWith("memory-decay: public check: ")) {
                starterCheckFailsVisibly |= o.get("status").getAsString().equals("failed")
                        && o.get("visibility").getAsString().equals("visible")
                        && !o.get("output").getAsString().isBlank();
            }
            if (!name.contains(": public check: ") && !name.endsWith(": compiles")) {
                assertEquals(0, o.get("score").getAsInt(), name);
                assertEquals("failed", o.get("status").getAsString(), name);
            }
        }
        assertTrue(starterCheckFailsVisibly, "the starter's public checks fail, visibly, with a message");
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autograder.write(
                Fixture.catalog(), "02-the-cell", "later", null, tmp.resolve("x.zip")));
        assertTrue(e.getMessage().contains("later"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autograder.write(Fixture.catalog(), "02-the-cell",
                "visible", "none", tmp.resolve("x.zip")));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    private JsonObject grade(String name, java.util.function.Function<Exercise, String> file) throws Exception {
        Path sub = root.resolve("submission");
        Prepared.deleteTree(sub);
        Path results = root.resolve("results/results.json");
        Files.deleteIfExists(results);
        for (Exercise e : Fixture.catalog().exercises()) {
            if (e.chapter().equals("02-the-cell")) {
                Fixture.write(sub, e.fileName(), file.apply(e));
            }
        }
        Run r = run(List.of(root.resolve("run_autograder").toString()), root);
        assertEquals(0, r.exit, name + ": " + r.output);
        JsonObject o = JsonParser.parseString(Files.readString(results, StandardCharsets.UTF_8)).getAsJsonObject();
        validate(o);
        return o;
    }

    /** Gradescope's results.json format, field by field. */
    private static void validate(JsonObject o) {
        assertTrue(o.get("score").getAsJsonPrimitive().isNumber());
        assertTrue(o.get("max_score").getAsJsonPrimitive().isNumber());
        assertTrue(o.get("execution_time").getAsJsonPrimitive().isNumber());
        assertTrue(o.get("output").getAsJsonPrimitive().isString());
        assertTrue(VISIBILITY.contains(o.get("visibility").getAsString()));
        assertTrue(VISIBILITY.contains(o.get("stdout_visibility").getAsString()));
        double sum = 0;
        double max = 0;
        for (JsonElement t : o.getAsJsonArray("tests")) {
            JsonObject x = t.getAsJsonObject();
            assertEquals(Set.of("name", "score", "max_score", "status", "output", "visibility"), x.keySet(), x.toString());
            assertTrue(x.get("name").getAsJsonPrimitive().isString());
            assertTrue(x.get("score").getAsJsonPrimitive().isNumber());
            assertTrue(x.get("max_score").getAsJsonPrimitive().isNumber());
            assertTrue(Set.of("passed", "failed").contains(x.get("status").getAsString()), x.toString());
            assertTrue(x.get("output").getAsJsonPrimitive().isString());
            assertTrue(VISIBILITY.contains(x.get("visibility").getAsString()), x.toString());
            assertTrue(x.get("score").getAsDouble() <= x.get("max_score").getAsDouble(), x.toString());
            sum += x.get("score").getAsDouble();
            max += x.get("max_score").getAsDouble();
        }
        assertEquals(sum, o.get("score").getAsDouble(), "the total is the sum of the tests");
        assertEquals(max, o.get("max_score").getAsDouble());
    }

    private static JsonObject byName(JsonObject r, String name) {
        for (JsonElement t : r.getAsJsonArray("tests")) {
            if (t.getAsJsonObject().get("name").getAsString().equals(name)) {
                return t.getAsJsonObject();
            }
        }
        throw new AssertionError("no test " + name + " in " + r);
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> cmd, Path dir) throws Exception {
        return run(cmd, dir, null);
    }

    private Run run(List<String> cmd, Path dir, String path) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        Path log = Files.createTempFile(tmp, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish in 300 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }
}
