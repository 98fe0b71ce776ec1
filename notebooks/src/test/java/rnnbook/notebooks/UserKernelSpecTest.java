package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernelspec that {@code ./book notebook} and {@code ./book setup} install for the user is found by a plain
 * Jupyter (no project variables): nbconvert executes an exercise notebook with it. Here the user is a temporary
 * home folder, so the test never writes into the real one. Before, nbconvert failed with {@code NoSuchKernel}.
 */
class UserKernelSpecTest {
    @TempDir
    Path home;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPlainJupyterExecutesAnExerciseNotebookWithTheInstalledKernel() throws Exception {
        Jupyter.requireInstalled();
        Path spec = Jupyter.installForUser(Project.KERNEL, "ci", Map.of("HOME", home.toString()));
        assertTrue(spec.startsWith(home), "installed under the user's home: " + spec);

        Path notebook;
        try (Stream<Path> found = Files.walk(Project.MODULE.resolveSibling("exercises"), 2)) {
            notebook = found.filter(p -> p.toString().endsWith(".ipynb")).sorted().findFirst().orElseThrow(
                    () -> new AssertionError("no exercise notebook under exercises/NN-slug/"));
        }
        Path out = home.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(List.of(Jupyter.JUPYTER.toString(), "nbconvert", "--to", "notebook",
                "--execute", "--output-dir", out.toString(), notebook.toString()));
        pb.environment().keySet().removeIf(k -> k.startsWith("JUPYTER_"));
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "nbconvert finished");
        assertEquals(0, p.exitValue(), log);
        String executed = Files.readString(out.resolve(notebook.getFileName()));
        assertFalse(executed.contains("\"output_type\": \"error\""), executed);
    }
}
