package rnnbook.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grader gradescope SUBMISSION RESULTS.json --assignment CHAPTER}: what {@code run_autograder} calls on
 * Gradescope (see {@link Autograder}): the public checks and the graded tests, into one results.json. A grader
 * error writes nothing and exits 3, so Gradescope shows the run as failed (to rerun), never as a grade.
 */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
        description = "Grade one submission for Gradescope: public checks (visible) and graded tests into results.json.")
final class GradescopeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "the submission folder (with --prepare: none)")
    Path submission;

    @Parameters(index = "1", arity = "0..1", description = "where results.json goes")
    Path results;

    @Option(names = "--assignment", required = true, paramLabel = "CHAPTER")
    String assignment;

    @Option(names = "--hidden-visibility", description = "visibility of the graded tests (default: after_published)")
    String hiddenVisibility = GradescopeResults.HIDDEN_DEFAULT;

    @Option(names = "--sandbox", paramLabel = "TIER", description = "as for grade (default: bubblewrap)")
    String sandbox;

    @Option(names = "--prepare", description = "only compile the tests and record the reference (setup.sh does this once)")
    boolean prepare;

    @Override
    public Integer call() throws Exception {
        if (sandbox != null) {
            System.setProperty("rnnbook.sandbox", sandbox);
        }
        if (!GradescopeResults.VISIBILITIES.contains(hiddenVisibility)) {
            System.err.println("gradescope: --hidden-visibility must be one of " + GradescopeResults.VISIBILITIES);
            return 2;
        }
        if (prepare) {
            Prepared p = Prepared.load(Catalog.load(Catalog.defaultRoot()));
            GradescopeResults.ids(p.catalog(), assignment);
            System.out.println("grader prepared: " + p.fingerprint());
            return 0;
        }
        if (submission == null || results == null || !Files.isDirectory(submission)) {
            System.err.println("gradescope: give the submission folder and the results.json path");
            return 2;
        }
        Grader g;
        try {
            g = Cli.grader(System.err);
        } catch (IllegalStateException e) {
            // e.g. Gradescope's container does not let bubblewrap create namespaces: never a weaker tier unasked,
            // and no results.json (that would be a grade); Gradescope shows the run as failed to the instructor
            System.out.println("gradescope: GRADER ERROR, not graded: " + e.getMessage() + ". If this container"
                    + " cannot run bubblewrap, build the autograder with ./book autograder ASSIGNMENT --sandbox"
                    + " unshare-net (or rlimits): weaker confinement, named in every result (grader/README.md)");
            return 3;
        }
        List<String> ids = GradescopeResults.ids(g.prepared().catalog(), assignment);
        g = g.only(ids);
        Results.Submission checks;
        Results.Submission graded;
        try {
            checks = g.check(submission, "submission", 0, ids);
            graded = g.grade(submission, "submission", 0);
        } catch (ChildRun.InfrastructureError e) {
            System.err.println("gradescope: GRADER ERROR, not graded: " + e.getMessage());
            return 3;
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Reports.atomically(results.toAbsolutePath(), GradescopeResults.json(checks, graded, hiddenVisibility));
        System.out.print(Reports.text(graded));
        return 0;
    }
}
