package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    @TempDir
    Path dir;

    /** A kernel folder as the build makes it, with a made-up class path. */
    private Path kernelDir(String classpath) throws IOException {
        Path k = dir.resolve("kernel");
        Files.createDirectories(k.resolve("patch/rnnbook/kernel"));
        Files.write(k.resolve("patch/rnnbook/kernel/KernelMain.class"), new byte[] {1});
        Files.write(k.resolve(KernelSpec.JAR), new byte[] {1});
        Files.writeString(k.resolve(KernelSpec.CLASSPATH_FILE), classpath + "\n");
        return k;
    }

    @Test
    void argvPutsThePatchBeforeTheJarAndEnvHoldsTheJShellClassPath() throws IOException {
        Path k = kernelDir("/a/engine/classes;/b/xchart.jar");
        JsonObject spec = KernelSpec.spec(k, "ci");
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertEquals(List.of("/bin/bash", "-c"), argv.subList(0, 2));
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "-cp",
                k.resolve("patch") + ":" + k.resolve(KernelSpec.JAR), "-Djava.awt.headless=true",
                "-Drnnbook.scale=ci", "rnnbook.kernel.KernelMain", "{connection_file}"),
                argv.subList(5, argv.size()));
        assertTrue(argv.get(4).endsWith("/bin/java"), argv.get(4));
        assertEquals("/a/engine/classes;/b/xchart.jar",
                spec.getAsJsonObject("env").get("RJK_CLASSPATH").getAsString());
        assertEquals("rnnbook (Java)", spec.get("display_name").getAsString());
    }

    @Test
    void theWrapperDropsOnlyTheIncubatorWarningFromStderr() throws Exception {
        // the script of argv[2], run for real with a command that writes the warning between two other lines
        Path k = kernelDir("/a;/b");
        List<String> argv = new ArrayList<>();
        KernelSpec.spec(k, null).getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        Process p = new ProcessBuilder(argv.get(0), argv.get(1), argv.get(2), argv.get(3), "/bin/sh", "-c",
                "echo before >&2; echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2; echo after >&2;"
                        + " echo out").start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("out\n", out);
        assertEquals("before\nafter\n", err);
    }

    @Test
    void writingTwiceGivesTheSameFile() throws IOException {
        Path k = kernelDir("/a;/b");
        Path f = KernelSpec.write(k, dir.resolve("jupyter"), null);
        String first = Files.readString(f);
        assertEquals(f, KernelSpec.write(k, dir.resolve("jupyter"), null));
        assertEquals(first, Files.readString(f));
        assertEquals(dir.resolve("jupyter/kernels/rnnbook/kernel.json"), f);
    }

    @Test
    void aColonSeparatedClassPathIsRefused() throws IOException {
        // the kernel splits RJK_CLASSPATH on ';' only and would silently ignore this one
        Path k = kernelDir("/a/engine/classes:/b/xchart.jar");
        var e = assertThrows(IllegalStateException.class, () -> KernelSpec.spec(k, null));
        assertTrue(e.getMessage().contains("';'-separated"), e.getMessage());
    }

    @Test
    void anUnknownScaleIsRefused() throws IOException {
        Path k = kernelDir("/a;/b");
        var e = assertThrows(IllegalArgumentException.class, () -> KernelSpec.spec(k, "huge"));
        assertEquals("expected scale 'ci' or 'full' but got 'huge'", e.getMessage());
    }

    @Test
    void aMissingBuildSaysHowToMakeIt() {
        var e = assertThrows(IllegalStateException.class, () -> KernelSpec.spec(dir.resolve("nothing"), null));
        assertTrue(e.getMessage().contains("./mvnw -pl notebooks -am package"), e.getMessage());
    }
}
