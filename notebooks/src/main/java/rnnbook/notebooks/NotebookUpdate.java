package rnnbook.notebooks;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Regenerates the committed notebooks: generate from the chapters, execute headless at CI scale, and replace
 * {@code notebooks/NN-slug.ipynb} only when the run was clean (all cells executed, no error, nothing on stderr).
 * A notebook that fails keeps its old committed version and the problems are printed.
 *
 * <p>Usage: {@code NotebookUpdate DOCS_DIR NOTEBOOKS_DIR KERNEL_DIR [NN-slug ...]} (run by
 * {@code ./book notebook-update}).
 */
public final class NotebookUpdate {
    private NotebookUpdate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: NotebookUpdate DOCS_DIR NOTEBOOKS_DIR KERNEL_DIR [NN-slug ...]");
            System.exit(2);
        }
        Jupyter.requireInstalled();
        Path docs = Path.of(args[0]);
        Path notebooks = Path.of(args[1]);
        Path kernelDir = Path.of(args[2]);
        Path work = kernelDir.getParent().resolve("notebook-update");
        Jupyter jupyter = new Jupyter(work.resolve("jupyter"), kernelDir);
        jupyter.writeKernelSpec("ci");
        List<Path> pages = new ArrayList<>();
        for (Path p : NotebookGenerator.chapters(docs)) {
            String slug = p.getFileName().toString().replace(".adoc", "");
            if (args.length == 3 || List.of(args).subList(3, args.length).contains(slug)) {
                pages.add(p);
            }
        }
        int failed = 0;
        for (Path page : pages) {
            String name = NotebookGenerator.notebookName(page);
            Path generated = work.resolve("generated").resolve(name);
            Notebooks.write(generated, NotebookGenerator.generate(page));
            Jupyter.Execution run = jupyter.execute(generated, work.resolve("executed"), Duration.ofSeconds(300));
            List<String> problems = new ArrayList<>();
            if (run.exitCode() != 0) {
                problems.add(name + ": nbconvert exited with " + run.exitCode() + "\n" + run.log());
            } else {
                JsonObject executed = NotebookValidator.read(run.output());
                problems.addAll(NotebookCheck.outputProblems(executed, notebooks.resolve(name)));
            }
            if (problems.isEmpty()) {
                Path target = notebooks.resolve(name);
                Path tmp = Files.createTempFile(notebooks, "." + name, ".tmp");
                Files.copy(run.output(), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.printf("%s: executed in %.1f s, written%n", target, run.took().toMillis() / 1000.0);
            } else {
                failed++;
                problems.forEach(System.err::println);
                System.err.println(name + ": not updated");
            }
        }
        if (failed > 0) {
            System.err.println(failed + " notebook(s) failed; the committed versions were kept");
            System.exit(1);
        }
    }
}
