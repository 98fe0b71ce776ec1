package rnnbook.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The grading child's own Java runtime: a jlink image holding only the modules a child may have, linked once per
 * grader cache. Those are {@code java.base}, what the JUnit Platform requires ({@code java.logging},
 * {@code java.management}), the JUnit modules and the runner. A module absent from the image cannot be loaded by
 * any layer or class loader ({@code ModuleFinder.ofSystem()} does not have it either), which is the confinement
 * {@code --limit-modules} gave, without its cost: on JDK 17 {@code --limit-modules} turns class-data sharing off,
 * and an image can carry a class-data sharing archive of the child's classes ({@link CdsArchive}).
 */
final class ChildImage {
    /** The modules linked besides what {@code rnnbook.runner} requires (JUnit's optional annotations). */
    static final List<String> ROOTS = List.of("rnnbook.runner", "org.apiguardian.api");

    private ChildImage() {
    }

    /**
     * Links the image into {@code into} from the runner module and the JUnit jars, with the JDK's own modules
     * ({@code jmods}, part of Debian's and Ubuntu's JDK packages); null when it worked, else why not (then the
     * children run on the grader's JDK with {@code --limit-modules}, without class-data sharing).
     */
    static String link(Path runner, Path junit, Path into) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElse(null);
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (jlink == null || !Files.isRegularFile(jmods.resolve("java.base.jmod"))) {
            return "this JDK has no jlink or no jmods";
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = jlink.run(out, out, "--module-path", String.join(java.io.File.pathSeparator, jmods.toString(),
                        runner.toString(), junit.toString()),
                "--add-modules", String.join(",", ROOTS), "--output", into.toString(),
                "--no-header-files", "--no-man-pages", "--generate-cds-archive");
        if (code != 0 || !Files.isExecutable(java(into))) {
            return "jlink failed: " + log.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("exit " + code);
        }
        return null;
    }

    static Path java(Path image) {
        return image.resolve("bin").resolve("java");
    }

    /** The modules of an image, as {@code java --list-modules} names them (without versions). */
    static List<String> modules(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(image).toString(), "--list-modules").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().map(l -> l.split("@")[0].strip()).filter(l -> !l.isEmpty()).sorted().toList();
    }
}
