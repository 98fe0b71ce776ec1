package rnnbook.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter, run by absolute path (another {@code python3} or {@code jupyter} may come first on PATH), with
 * every Jupyter folder inside one project-local directory: {@code JUPYTER_PATH} (where the rnnbook kernelspec is),
 * runtime (connection files), config and data. {@link #env()} is the one place that environment is made: the
 * tests, {@code ./book notebook-update} and {@code ./book notebook} (through {@link #main}) all use it.
 *
 * <p>{@code ./book notebook} also installs the kernelspec in the user's own Jupyter data folder
 * ({@link #installForUser}), so any Jupyter on the machine finds it, nbconvert included.
 */
public final class Jupyter {
    public static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path home;
    private final Path kernelDir;

    /**
     * @param home      the project-local Jupyter folder (e.g. {@code notebooks/target/jupyter})
     * @param kernelDir the build's kernel folder ({@code notebooks/target/kernel})
     */
    public Jupyter(Path home, Path kernelDir) {
        this.home = home.toAbsolutePath().normalize();
        this.kernelDir = kernelDir.toAbsolutePath().normalize();
    }

    /** Fails with what to do when Debian's Jupyter is not installed. */
    public static void requireInstalled() {
        if (!Files.isExecutable(JUPYTER) || !Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("expected Jupyter at " + JUPYTER + " and Python at " + PYTHON
                    + " but they are missing: ./book test and ./book notebook install them (Debian packages"
                    + " jupyter-notebook jupyter-nbconvert jupyter-client)");
        }
    }

    public Path home() {
        return home;
    }

    /** Writes the rnnbook kernelspec under this Jupyter's path; scale {@code ci}, {@code full} or null. */
    public Path writeKernelSpec(String scale) {
        return KernelSpec.write(kernelDir, home, scale);
    }

    /** The environment that points Jupyter at the project-local folders. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUPYTER_PATH", home.toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        env.put("JUPYTER_DATA_DIR", home.resolve("data").toString());
        env.put("JUPYTER_PLATFORM_DIRS", "1");
        env.put("PYTHONNOUSERSITE", "1");
        // Debian's debugpy warns on stderr about frozen modules at every kernel-manager start otherwise
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return env;
    }

    /**
     * Writes the kernelspec into the user's Jupyter data folder ({@code jupyter --data-dir} as the user's own
     * Jupyter sees it, without this project's variables), where every Jupyter on the machine looks for kernels.
     * Returns the written kernel.json.
     */
    public static Path installForUser(Path kernelDir, String scale) {
        return installForUser(kernelDir, scale, Map.of());
    }

    /** As {@link #installForUser(Path, String)}, with {@code env} added to Jupyter's environment (tests: HOME). */
    static Path installForUser(Path kernelDir, String scale, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(JUPYTER.toString(), "--data-dir");
        pb.environment().keySet().removeIf(k -> k.startsWith("JUPYTER_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty() || out.contains("\n")) {
                throw new IllegalStateException("expected '" + JUPYTER + " --data-dir' to print one folder but got: " + out);
            }
            return KernelSpec.write(kernelDir, Path.of(out), scale);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + JUPYTER + " --data-dir", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Jupyter for its data folder", e);
        }
    }

    /**
     * The folder {@code ./book notebook} serves: {@code chapters} (the chapter notebooks) and {@code exercises} (the
     * exercise notebooks), links to the repository's own folders, so what a learner saves lands in the repository.
     */
    public static Path learnerRoot(Path root, Path notebooks, Path exercises) {
        try {
            Files.createDirectories(root);
            link(root.resolve("chapters"), notebooks);
            link(root.resolve("exercises"), exercises);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the notebook folder " + root, e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Path to = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(to)) {
            return;
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, to);
    }

    /**
     * For {@code ./book notebook}: {@code Jupyter serve KERNEL_DIR JUPYTER_HOME SERVE_ROOT NOTEBOOKS EXERCISES
     * [ci|full]} writes the project's kernelspec, installs it for the user, makes the served folder and prints
     * the environment as {@code export NAME='value'} lines for the shell to evaluate.
     */
    public static void main(String[] args) {
        if (args.length < 6 || args.length > 7 || !args[0].equals("serve")) {
            System.err.println("usage: Jupyter serve KERNEL_DIR JUPYTER_HOME SERVE_ROOT NOTEBOOKS EXERCISES [ci|full]");
            System.exit(2);
        }
        requireInstalled();
        String scale = args.length == 7 ? args[6] : null;
        Jupyter jupyter = new Jupyter(Path.of(args[2]), Path.of(args[1]));
        jupyter.writeKernelSpec(scale);
        Path user = installForUser(Path.of(args[1]), scale);
        System.err.println("[book] kernelspec 'rnnbook' installed for every Jupyter of this user: " + user);
        learnerRoot(Path.of(args[3]), Path.of(args[4]), Path.of(args[5]));
        jupyter.env().forEach((k, v) -> System.out.println("export " + k + "='" + v.replace("'", "'\\''") + "'"));
    }

    /** A process builder for {@code /usr/bin/jupyter ARGS} with this environment. */
    public ProcessBuilder jupyter(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JUPYTER.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env());
        return pb;
    }

    /** The result of executing one notebook headless. */
    public record Execution(Path input, Path output, int exitCode, Duration took, String log) {
    }

    /**
     * Executes a notebook top to bottom with nbconvert into {@code outDir} (same file name). Errors do not stop the
     * run ({@code --allow-errors}), so the written notebook shows every failing cell; the caller inspects it.
     * Timing metadata is not recorded, so an executed notebook differs from its last run only in its outputs.
     */
    public Execution execute(Path notebook, Path outDir, Duration timeout) {
        try {
            Files.createDirectories(outDir);
            Path log = Files.createTempFile(outDir, "nbconvert", ".log");
            ProcessBuilder pb = jupyter(List.of("nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                    "--ExecutePreprocessor.record_timing=False",
                    "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                    "--ExecutePreprocessor.startup_timeout=60",
                    "--ExecutePreprocessor.timeout=" + timeout.toSeconds(),
                    "--output-dir", outDir.toAbsolutePath().toString(), notebook.toAbsolutePath().toString()));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            // nbconvert's own limit is per cell; this one only guards against a hang outside any cell
            if (!p.waitFor(timeout.toSeconds() + 120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Execution(notebook, outDir.resolve(notebook.getFileName()), -1,
                        Duration.ofNanos(System.nanoTime() - t0), Files.readString(log) + "\n(killed: no answer)");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            String text = Files.readString(log);
            Files.delete(log);
            return new Execution(notebook, outDir.resolve(notebook.getFileName()), p.exitValue(), took, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run nbconvert on " + notebook, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while executing " + notebook, e);
        }
    }
}
