package rnnbook.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./book check EXERCISE [PATH]}: the public checks, for the learner. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run an exercise's public checks on your solution (default folder: submission/).")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the exercise id, e.g. rnn-step")
    String exercise;

    @Parameters(index = "1", arity = "0..1", description = "your solution: a folder, a .java file, a .zip or an .ipynb")
    Path path = Path.of("submission");

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.load(Catalog.defaultRoot());
        Exercise e = catalog.byId(exercise).orElse(null);
        if (e == null) {
            System.err.println("check: no exercise " + exercise + "; the exercises are: "
                    + String.join(", ", catalog.exercises().stream().map(Exercise::id).toList()));
            return 2;
        }
        if (Files.isDirectory(path) || !Files.exists(path)) {
            Path mine = path.resolve(e.fileName());
            if (!Files.exists(mine)) {
                Files.createDirectories(path);
                Files.copy(e.starter(), mine);
                System.out.println("Copied the starter to " + mine + ": complete it, then run this again.");
            }
        }
        Grader g = Cli.grader(System.err);
        Results.Submission r = g.check(path, e.id(), 0, List.of(e.id()));
        Results.Exercise x = r.exercise(e.id());
        r.problems().forEach(p -> System.out.println("! " + p));
        System.out.println(e.id() + ": " + e.title());
        if (x.status() != Results.Status.GRADED) {
            System.out.println("  " + x.message());
            x.compileErrors().forEach(c -> System.out.println("  " + c.file() + (c.line() > 0 ? ":" + c.line() : "")
                    + ": error: " + c.message()));
            return 1;
        }
        boolean all = true;
        for (Results.Test t : x.tests()) {
            System.out.println("  " + (t.passed() ? "[pass] " : "[FAIL] ") + t.title()
                    + (t.passed() ? "" : "\n         " + t.message()));
            all &= t.passed();
        }
        System.out.println(all ? "All public checks pass. The graded tests check more cases." : "Some checks fail.");
        return all ? 0 : 1;
    }
}
