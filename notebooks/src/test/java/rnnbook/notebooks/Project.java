package rnnbook.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are, seen from the notebooks module (Surefire runs tests in the module folder). */
final class Project {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path DOCS = MODULE.resolveSibling("chapters").resolve("src/docs");
    static final Path NOTEBOOKS = MODULE;
    static final Path TARGET = MODULE.resolve("target");
    static final Path KERNEL = TARGET.resolve("kernel");

    private static Jupyter jupyter;

    private Project() {
    }

    static List<Path> chapters() {
        return Files.isDirectory(DOCS) ? NotebookGenerator.chapters(DOCS) : List.of();
    }

    /** Jupyter with its own folders under target/test-jupyter and the kernelspec at CI scale. */
    static synchronized Jupyter jupyter() {
        if (jupyter == null) {
            Jupyter.requireInstalled();
            jupyter = new Jupyter(TARGET.resolve("test-jupyter"), KERNEL);
            jupyter.writeKernelSpec("ci");
        }
        return jupyter;
    }
}
