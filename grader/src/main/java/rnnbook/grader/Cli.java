package rnnbook.grader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./book grade} and {@code ./book check}. */
@Command(name = "grader", mixinStandardHelpOptions = true, subcommands = {Cli.Grade.class, Cli.Check.class,
    Cli.Preflight.class}, description = "Grades rnnbook exercises in a sandbox.")
public final class Cli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Cli()).execute(args));
    }

    static Grader grader(PrintStream log) {
        Catalog catalog = Catalog.load(Catalog.defaultRoot());
        Prepared prepared = Prepared.load(catalog);
        Sandbox sandbox = Sandbox.preflight();
        log.println("sandbox: " + sandbox.describe());
        return new Grader(prepared, sandbox);
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = "Grade a submission (a folder, a .zip or an .ipynb), or with --batch a folder of them.")
    static final class Grade implements Callable<Integer> {
        @Parameters(index = "0", description = "the submission, or with --batch the folder of submissions")
        Path path;

        @Option(names = "--batch", description = "grade every folder, .zip and .ipynb inside PATH")
        boolean batch;

        @Option(names = "--out", description = "where reports go (default: graded/ next to PATH, or graded/NAME)")
        Path out;

        @Option(names = "--jobs", description = "submissions graded at once (default: the number of cores)")
        int jobs = Runtime.getRuntime().availableProcessors();

        @Option(names = "--no-similarity", description = "skip the JPlag similarity report in batch mode")
        boolean noSimilarity;

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(path)) {
                System.err.println("grade: " + path + " does not exist");
                return 2;
            }
            Grader g = grader(System.err);
            if (batch) {
                if (!Files.isDirectory(path)) {
                    System.err.println("grade --batch: " + path + " is not a folder of submissions");
                    return 2;
                }
                Path o = out != null ? out : path.toAbsolutePath().getParent().resolve(path.getFileName() + "-graded");
                Batch.Summary s = Batch.run(g, path, o, Math.max(1, jobs), !noSimilarity, System.out);
                System.out.printf("%d graded, %d resumed, %d failed in %.1f s; gradebook: %s%n", s.graded(),
                        s.resumed(), s.failed(), s.millis() / 1000.0, o.resolve("gradebook.csv"));
                System.out.printf("time (summed over %d parallel slots): %d child JVMs, %.1f s in children, of which"
                        + " %.1f s start-up to first result; %.1f s compiling in-process%n", Math.max(1, jobs),
                        ChildRun.CHILD_STARTS.get(), ChildRun.CHILD_NANOS.get() / 1e9,
                        ChildRun.STARTUP_NANOS.get() / 1e9, Grader.COMPILE_NANOS.get() / 1e9);
                return s.failed() == 0 ? 0 : 1;
            }
            String name = Batch.nameOf(path.toAbsolutePath().normalize());
            Path o = out != null ? out : Path.of("graded").resolve(name);
            Results.Submission r = g.grade(path, name, 0);
            Reports.writeAll(r, o);
            System.out.print(Reports.text(r));
            System.out.println("\nreports: " + o.resolve("report.html") + ", results.json, junit.xml");
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run an exercise's public checks on your solution (default folder: submission/).")
    static final class Check implements Callable<Integer> {
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
            Grader g = grader(System.err);
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

    @Command(name = "preflight", description = "Show which sandbox tier works on this machine.")
    static final class Preflight implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println(Sandbox.preflight().describe());
            return 0;
        }
    }
}
