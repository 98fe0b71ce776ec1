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
        Files.createDirectories(k.resolve("patch/org/rapaio/jupyter/kernel/channels"));
        Files.write(k.resolve("patch/org/rapaio/jupyter/kernel/channels/LoopThread.class"), new byte[] {1});
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
        assertEquals(List.of("-cp", k.resolve("patch") + ":" + k.resolve(KernelSpec.JAR), "-Djava.awt.headless=true",
                "-Drnnbook.scale=ci", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"),
                argv.subList(1, argv.size()));
        assertTrue(argv.get(0).endsWith("/bin/java"), argv.get(0));
        assertEquals("/a/engine/classes;/b/xchart.jar",
                spec.getAsJsonObject("env").get("RJK_CLASSPATH").getAsString());
        assertEquals("rnnbook (Java)", spec.get("display_name").getAsString());
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
