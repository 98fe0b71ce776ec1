package rnnbook.notebooks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the Jupyter kernelspec "rnnbook (Java)": {@code JUPYTER_DIR/kernels/rnnbook/kernel.json}.
 *
 * <p>The kernel is rapaio-jupyter-kernel, run as
 * {@code java --add-modules jdk.incubator.vector -cp KERNEL_DIR/patch:KERNEL_DIR/rapaio-jupyter-kernel.jar
 * rnnbook.kernel.KernelMain}: the {@code patch} folder comes first so its corrected classes and logging set-up win
 * over the jar's (notebooks/README.md lists them), and {@code KernelMain} starts the kernel quietly. The Vector API
 * module gives the engine its SIMD path, as in its benchmarks, the site build and the grader, so a learner's numbers
 * and step times are the page's. The JVM announces an incubator module on stderr at every start and Java 17 has no
 * switch to stop it, so the command runs under {@code bash}, which drops that one line and passes the rest of
 * stderr through. What the notebooks' JShell sees (engine, chapter programs, their dependencies) goes in the
 * kernel's environment as {@code RJK_CLASSPATH}, {@code ;}-separated (the kernel splits on {@code ;} only).
 *
 * <p>Everything the kernel needs is in {@code KERNEL_DIR} ({@code notebooks/target/kernel}, made by the build);
 * writing the spec again gives the same file, so callers may write it on every run.
 */
public final class KernelSpec {
    /** The kernel's name: notebooks refer to it in {@code metadata.kernelspec.name}. */
    public static final String NAME = "rnnbook";
    public static final String DISPLAY_NAME = "rnnbook (Java)";
    public static final String JAR = "rapaio-jupyter-kernel.jar";
    public static final String PATCH = "patch";
    public static final String CLASSPATH_FILE = "jshell-classpath.txt";
    public static final String MAIN = "rnnbook.kernel.KernelMain";
    /** The Vector API module: the engine's SIMD kernels run only in a JVM that resolved it. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The line every JVM with an incubator module prints on stderr at start-up. */
    public static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;
    /** Runs its arguments as a command, with the incubator warning taken out of its stderr. */
    static final String QUIET_STDERR = "exec \"$@\" 2> >(grep -v -x --line-buffered '" + INCUBATOR_WARNING + "' >&2)";

    private KernelSpec() {
    }

    /**
     * Usage: {@code KernelSpec KERNEL_DIR JUPYTER_DIR [ci|full]}, or {@code KernelSpec --user KERNEL_DIR [ci|full]}
     * for the user's own Jupyter data folder. Prints the path of the written kernel.json.
     */
    public static void main(String[] args) {
        if (args.length >= 2 && args.length <= 3 && args[0].equals("--user")) {
            Jupyter.requireInstalled();
            System.out.println(Jupyter.installForUser(Path.of(args[1]), args.length == 3 ? args[2] : null));
            return;
        }
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: KernelSpec KERNEL_DIR JUPYTER_DIR [ci|full] | KernelSpec --user KERNEL_DIR [ci|full]");
            System.exit(2);
        }
        String scale = args.length == 3 ? args[2] : null;
        System.out.println(write(Path.of(args[0]), Path.of(args[1]), scale));
    }

    /**
     * Writes {@code jupyterDir/kernels/rnnbook/kernel.json} atomically and returns its path.
     *
     * @param kernelDir  the build's kernel folder, holding the jar, {@code patch/} and {@code jshell-classpath.txt}
     * @param jupyterDir a folder on Jupyter's {@code JUPYTER_PATH} (or its data dir)
     * @param scale      {@code ci} or {@code full} for {@code -Drnnbook.scale}, or null for the engine's default
     */
    public static Path write(Path kernelDir, Path jupyterDir, String scale) {
        Path file = jupyterDir.resolve("kernels").resolve(NAME).resolve("kernel.json");
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(spec(kernelDir, scale)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "kernel.json", ".tmp");
            Files.writeString(tmp, json);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the kernelspec " + file, e);
        }
        return file;
    }

    /** The kernel.json content. */
    public static JsonObject spec(Path kernelDir, String scale) {
        Path dir = kernelDir.toAbsolutePath().normalize();
        Path jar = require(dir.resolve(JAR));
        Path patch = require(dir.resolve(PATCH).resolve(MAIN.replace('.', '/') + ".class"));
        Path classpathFile = require(dir.resolve(CLASSPATH_FILE));
        String jshellClasspath;
        try {
            jshellClasspath = Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathFile, e);
        }
        if (jshellClasspath.isEmpty() || jshellClasspath.contains(File.pathSeparator) && !jshellClasspath.contains(";")) {
            throw new IllegalStateException("expected a ';'-separated class path in " + classpathFile
                    + " but found: '" + jshellClasspath + "'");
        }
        if (scale != null && !scale.equals("ci") && !scale.equals("full")) {
            throw new IllegalArgumentException("expected scale 'ci' or 'full' but got '" + scale + "'");
        }

        JsonArray argv = new JsonArray();
        argv.add("/bin/bash");
        argv.add("-c");
        argv.add(QUIET_STDERR);
        argv.add("rnnbook-kernel");   // $0 of the script
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("--add-modules");
        argv.add(VECTOR_MODULE);
        argv.add("-cp");
        // order matters: the patch folder first, so its LoopThread and logging.properties shadow the jar's
        argv.add(dir.resolve(PATCH) + File.pathSeparator + jar);
        argv.add("-Djava.awt.headless=true");
        if (scale != null) {
            argv.add("-Drnnbook.scale=" + scale);
        }
        argv.add(MAIN);
        argv.add("{connection_file}");

        JsonObject env = new JsonObject();
        env.addProperty("RJK_CLASSPATH", jshellClasspath);
        // the kernel's dependency cache (used only by its %dependency magic, which the book does not use) stays local
        env.addProperty("RJK_MIMA_CACHE", dir.resolve("mima_cache").toString());

        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", DISPLAY_NAME);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", env);
        return spec;
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("expected " + p + " (made by the notebooks build: "
                    + "./mvnw -pl notebooks -am package) but it is missing");
        }
        return p;
    }
}
