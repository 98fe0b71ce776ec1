package rnnbook.grader;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./book autograder ASSIGNMENT [OUT.zip]}: Gradescope's autograder zip (see {@link Autograder}). */
@Command(name = "autograder", mixinStandardHelpOptions = true,
        description = "Write Gradescope's autograder zip for one assignment (setup.sh, run_autograder, the grader,"
                + " the assignment's tests and references). For the instructor only: it holds the solutions.")
final class AutograderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ASSIGNMENT", description = "a chapter, e.g. 02-the-cell")
    String assignment;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT.zip", description = "default: ASSIGNMENT-autograder.zip")
    Path zip;

    @Option(names = "--hidden-visibility", description = "when students see the graded tests: after_published"
            + " (default), after_due_date, visible or hidden")
    String hiddenVisibility = GradescopeResults.HIDDEN_DEFAULT;

    @Option(names = "--sandbox", paramLabel = "TIER", description = "bubblewrap (default); unshare-net or rlimits"
            + " only if Gradescope's container cannot run bubblewrap (weaker: see grader/README.md)")
    String sandbox;

    @Override
    public Integer call() throws Exception {
        Path out = zip != null ? zip : Path.of(assignment + "-autograder.zip");
        try {
            Autograder.write(Catalog.load(Catalog.defaultRoot()), assignment, hiddenVisibility, sandbox, out);
        } catch (IllegalArgumentException e) {
            System.err.println("autograder: " + e.getMessage());
            return 2;
        }
        System.out.println("wrote " + out.toAbsolutePath() + ": upload it as the assignment's autograder on Gradescope"
                + " (configuration: Ubuntu base image; it holds the solutions, keep it private)");
        return 0;
    }
}
