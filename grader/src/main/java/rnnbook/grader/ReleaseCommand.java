package rnnbook.grader;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./book release ASSIGNMENT DIR}: what students get for one chapter (see {@link Release}). */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Write what students get for one assignment: starters, public checks, the exercise notebook,"
                + " a README and a Maven project; no solutions, hidden tests or mutants.")
final class ReleaseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ASSIGNMENT", description = "a chapter, e.g. 02-the-cell")
    String assignment;

    @Parameters(index = "1", paramLabel = "DIR", description = "a new (or empty) folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        try {
            List<Path> files = Release.write(Catalog.load(Catalog.defaultRoot()), assignment, out);
            files.forEach(f -> System.out.println("  " + out.relativize(f)));
            System.out.println("released " + assignment + " to " + out + " (" + files.size() + " files)");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("release: " + e.getMessage());
            return 2;
        }
    }
}
