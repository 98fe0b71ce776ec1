package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kernel's class path, in the order the kernelspec gives it, loads our LoopThread, and that class runs its
 * loop body whenever it is started (the jar's version may see running == false and exit at once).
 */
class LoopThreadFixTest {
    private static final String LOOP_THREAD = "org.rapaio.jupyter.kernel.channels.LoopThread";

    /** A class loader over exactly the kernelspec's -cp, in its order, above only the JDK. */
    private static URLClassLoader kernelClassPath() throws IOException {
        JsonObject spec = KernelSpec.spec(Project.KERNEL, "ci");
        var argv = spec.getAsJsonArray("argv");
        String cp = null;
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).getAsString().equals("-cp")) {
                cp = argv.get(i + 1).getAsString();
            }
        }
        URL[] urls = Arrays.stream(cp.split(java.io.File.pathSeparator)).map(p -> {
            try {
                return Path.of(p).toUri().toURL();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theKernelLoadsThePatchedClassNotTheJars() throws Exception {
        try (URLClassLoader loader = kernelClassPath()) {
            Class<?> c = loader.loadClass(LOOP_THREAD);
            Path from = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertEquals(Project.KERNEL.resolve(KernelSpec.PATCH), from);
            // and the jar really holds a different LoopThread, the one being replaced
            byte[] ours = Files.readAllBytes(from.resolve(LOOP_THREAD.replace('.', '/') + ".class"));
            byte[] jars;
            try (var jar = new java.util.jar.JarFile(Project.KERNEL.resolve(KernelSpec.JAR).toFile())) {
                jars = jar.getInputStream(jar.getEntry(LOOP_THREAD.replace('.', '/') + ".class")).readAllBytes();
            }
            assertFalse(Arrays.equals(ours, jars));
        }
    }

    /**
     * The patch replaces whole classes, so it is only right for the exact classes it was written against: when the
     * kernel version changes, this fails until someone has compared the new jar's classes with the patch.
     */
    @Test
    void theJarHoldsTheClassesThePatchWasWrittenFor() throws Exception {
        var expected = java.util.Map.of(
                "org/rapaio/jupyter/kernel/channels/LoopThread.class",
                "75779753148cf7618488f8dbc47729e73c513cdca3538fa0cf7f0387c385c973",
                "org/rapaio/jupyter/kernel/channels/Channels.class",
                "38b45e57b898a5109b50b2715387b2903bf3f58f8503d1f1f520de2b706f53e1",
                "org/rapaio/jupyter/kernel/channels/ControlChannel.class",
                "780c56b01e1d5f8f5bd6a6c0b650e56e571006c71a0f044ced6d2782a3ae7780",
                "org/rapaio/jupyter/kernel/core/java/RapaioExecutionControl.class",
                "b5fe8ac78b6328bbbb29c179aff199f22ccd6195d8a13199556e0fe21566e6d6",
                "org/rapaio/jupyter/kernel/core/java/CompilerException.class",
                "6b927b76464dcd9ece69bc472d0ce12b9bef608b85dbd83f4dacdbd318d145fa",
                "org/rapaio/jupyter/kernel/message/messages/IOPubError.class",
                "3fbef46acbe6c00f6ad9594ee8bbd913a9510ec7e203c3f2070839cb91f349a4");
        try (var jar = new java.util.jar.JarFile(Project.KERNEL.resolve(KernelSpec.JAR).toFile())) {
            for (var e : expected.entrySet()) {
                byte[] bytes = jar.getInputStream(jar.getEntry(e.getKey())).readAllBytes();
                String sha = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                assertEquals(e.getValue(), sha, e.getKey() + " changed in the kernel jar: compare it (javap -c -p)"
                        + " with notebooks/src/main/java/" + e.getKey().replace(".class", ".java")
                        + " before updating this hash");
            }
        }
    }

    @Test
    void theKernelReadsOurLoggingAndDisplayOptions() throws Exception {
        try (URLClassLoader loader = kernelClassPath()) {
            String logging = new String(loader.getResourceAsStream("logging.properties").readAllBytes());
            assertTrue(logging.contains("handlers = rnnbook.kernel.PrivateLogHandler"), logging);
            assertFalse(logging.contains("ConsoleHandler"), "kernel logs must not reach stderr");
            assertTrue(logging.contains("MainApp.level = WARNING"), "the connection file (signing key) is not logged");
            String options = new String(loader.getResourceAsStream("options.json").readAllBytes());
            assertTrue(options.contains("\"display.defaultMime\", \"value\": \"text/plain\""), options);
        }
    }

    /** Every started loop runs its body: 300 threads started as the kernel starts its channel loops. */
    @Test
    void everyStartedLoopRunsItsBody() throws Exception {
        try (URLClassLoader loader = kernelClassPath()) {
            Class<?> c = loader.loadClass(LOOP_THREAD);
            Constructor<?> make = c.getConstructor(String.class, long.class, Runnable.class);
            int n = 300;
            CountDownLatch ran = new CountDownLatch(n);
            Thread[] loops = new Thread[n];
            boolean[] counted = new boolean[n];
            for (int i = 0; i < n; i++) {
                int k = i;
                loops[i] = (Thread) make.newInstance("loop-" + i, 1L, (Runnable) () -> {
                    if (!counted[k]) {
                        counted[k] = true;
                        ran.countDown();
                    }
                });
                loops[i].start();
            }
            boolean all = ran.await(30, TimeUnit.SECONDS);
            for (Thread t : loops) {
                c.getMethod("shutdown").invoke(t);
            }
            for (Thread t : loops) {
                t.join(5_000);
                assertFalse(t.isAlive(), "shutdown() ends the loop");
            }
            assertTrue(all, (n - ran.getCount()) + " of " + n + " started loops ran their body");
        }
    }
}
