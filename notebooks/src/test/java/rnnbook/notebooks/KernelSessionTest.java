package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kernel as a learner meets it, through jupyter_client ({@code src/test/python/kernel_session.py}): Kernel &gt;
 * Interrupt on a busy loop, then cells that must print and return values; an interrupt while a cell's statements
 * are still compiling, which must stop the rest of the cell; a restart, then a name from a cell
 * above (the "Run All Above" hint); a compile error's {@code evalue}; one stream output per cell; a shape error that
 * names the learner's line; the Vector API in the kernel JVM; a quiet start; a private log without the key.
 * Each of these failed with the kernel jar as it is (the interrupted cell never got its reply and later cells
 * printed nothing; notebooks/README.md has the rest).
 */
class KernelSessionTest {
    @Test
    void interruptRestartErrorsOutputAndLogsBehaveForALearner() throws Exception {
        Jupyter jupyter = Project.jupyter();
        Path report = Project.TARGET.resolve("kernel-session.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(Jupyter.PYTHON.toString(),
                Project.MODULE.resolve("src/test/python/kernel_session.py").toString(),
                Project.KERNEL.toString(), Project.TARGET.resolve("kernel-session").toString()));
        pb.environment().putAll(jupyter.env());
        pb.redirectErrorStream(true).redirectOutput(report.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the kernel session finished within 10 minutes");
        String out = Files.readString(report);
        System.out.print(out);
        assertTrue(!out.contains("FAIL") && out.contains("PASS interrupt"), out);
        assertEquals(0, p.exitValue(), out);
    }
}
