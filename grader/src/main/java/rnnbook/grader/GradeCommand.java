package rnnbook.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./book grade}: one submission, or with --batch a folder of them. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a submission (a folder, a .zip or an .ipynb), or with --batch a folder of them.")
final class GradeCommand implements Callable<Integer> {
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

    @Option(names = "--assignment", paramLabel = "CHAPTER",
            description = "grade only this chapter's exercises (e.g. 02-the-cell), out of that chapter's maximum")
    String assignment;

    @Option(names = "--sandbox", paramLabel = "TIER", description = "bubblewrap (the default and the only safe"
            + " tier); unshare-net or rlimits only on purpose, on a machine without bubblewrap")
    String sandbox;

    @Option(names = "--due", paramLabel = "TIME", description = "batch: the due date, ISO-8601 (2026-12-10T23:59Z)")
    String due;

    @Option(names = "--late-penalty", paramLabel = "N%/day", description = "batch: points off per started day late")
    String latePenalty;

    @Option(names = "--late-cap", paramLabel = "N%", description = "batch: the most a late penalty takes (default 100%)")
    String lateCap;

    @Option(names = "--times", paramLabel = "CSV", description = "batch: submission,time rows (ISO-8601); default:"
            + " file modification times")
    Path times;

    @Option(names = "--overrides", paramLabel = "CSV", description = "batch: student,exercise,points,comment rows"
            + " applied on top (default: OUT/overrides.csv, created empty; never written once it exists)")
    Path overrides;
    @Option(names = "--roster", paramLabel = "CSV", description = "batch: Canvas's gradebook export (Student, ID, SIS"
            + " User ID, SIS Login ID, Section); canvas.csv then carries each submission's student IDs")
    Path roster;

    /**
     * The chapter whose exercise notebook {@code path} is, read from its name ({@code NN-slug-exercises.ipynb} as the
     * notebook is handed out), or null: a learner who grades that notebook is graded on its chapter, not marked
     * "not submitted" for every other chapter's exercises.
     */
    static String chapterOfNotebook(Path path, List<String> chapters) {
        String name = path.getFileName().toString();
        String suffix = "-exercises.ipynb";
        if (!name.endsWith(suffix)) {
            return null;
        }
        String chapter = name.substring(0, name.length() - suffix.length());
        return chapters.contains(chapter) ? chapter : null;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(path)) {
            System.err.println("grade: " + path + " does not exist");
            return 2;
        }
        if (sandbox != null) {
            System.setProperty("rnnbook.sandbox", sandbox);
        }
        Grader g = Cli.grader(System.err);
        if (assignment == null && !batch) {
            assignment = chapterOfNotebook(path, g.prepared().catalog().exercises().stream()
                    .map(Exercise::chapter).distinct().toList());
            if (assignment != null) {
                System.err.println("grade: " + path.getFileName() + " is the exercise notebook of " + assignment
                        + ": grading that chapter's exercises, out of its maximum");
            }
        }
        if (assignment != null) {
            List<String> only = g.prepared().catalog().exercises().stream()
                    .filter(e -> e.chapter().equals(assignment)).map(Exercise::id).toList();
            if (only.isEmpty()) {
                System.err.println("grade: no exercises for the assignment " + assignment + "; chapters: "
                        + String.join(", ", g.prepared().catalog().exercises().stream().map(Exercise::chapter)
                        .distinct().toList()));
                return 2;
            }
            g = g.only(only);
        }
        if (batch) {
            if (!Files.isDirectory(path)) {
                System.err.println("grade --batch: " + path + " is not a folder of submissions");
                return 2;
            }
            Path o = out != null ? out : path.toAbsolutePath().getParent().resolve(path.getFileName() + "-graded");
            GradebookFiles.Options options;
            try {
                if ((due == null) != (latePenalty == null)) {
                    throw new IllegalArgumentException("--due and --late-penalty go together");
                }
                options = new GradebookFiles.Options(due == null ? null : LatePolicy.parse(due, latePenalty, lateCap),
                        times, overrides, roster);
            } catch (IllegalArgumentException e) {
                System.err.println("grade: " + e.getMessage());
                return 2;
            }
            Batch.Summary s = Batch.run(g, path, o, Math.max(1, jobs), !noSimilarity, System.out);
            List<Exercise> graded = g.prepared().catalog().exercises().stream()
                    .filter(e -> assignment == null || e.chapter().equals(assignment)).toList();
            try {
                GradebookFiles.write(o, path, graded, s.all(), options);
                System.out.println("gradebook: " + o.resolve("gradebook.html") + ", final.csv, canvas.csv");
            } catch (IllegalArgumentException e) {
                System.err.println("grade: the gradebook was not written: " + e.getMessage());
                return 2;
            }
            System.out.printf("%d graded, %d resumed, %d failed in %.1f s; gradebook: %s%n", s.graded(),
                    s.resumed(), s.failed(), s.millis() / 1000.0, o.resolve("gradebook.csv"));
            System.out.printf("time (summed over %d parallel slots): %d child JVMs, %.1f s in children, of which"
                    + " %.1f s start-up to first result (%.1f s of it freeing the slot's uid and starting the"
                    + " process); %.1f s compiling (%d warm compiler children; %d submissions"
                    + " compiled in one javac task, %d exercise by exercise)%n",
                    Math.max(1, jobs), ChildRun.CHILD_STARTS.get(), ChildRun.CHILD_NANOS.get() / 1e9,
                    ChildRun.STARTUP_NANOS.get() / 1e9, ChildRun.SPAWN_NANOS.get() / 1e9, Grader.COMPILE_NANOS.get() / 1e9,
                    CompileServer.STARTS.get(), CompileChild.TOGETHER_OK.get(), CompileChild.TOGETHER_NOT.get());
            double[] cpu = cpuSeconds();
            if (cpu != null) {
                // CPU time does not grow with other work on the machine, as wall time does.
                // bubblewrap does not pass its sandboxed process's CPU time on to the grader: there the test runs
                // are missing from the children's figure (grade with --sandbox rlimits to measure them)
                boolean bwrap = g.sandbox().tier() == Sandbox.Tier.BUBBLEWRAP;
                double compile = Grader.COMPILE_CPU.get() / 100.0;
                // bubblewrap does not pass its sandboxed process's CPU time on: there the test children's CPU is read
                // from /proc at each child's last line (a child that ended otherwise is not counted)
                double sandboxed = ChildRun.SANDBOXED_CPU_TICKS.get() / 100.0;
                System.out.printf("CPU: %.1f s in the grader, %.1f s in child processes: %.1f s compiling, %.1f s"
                        + " %s; %.2f s per submission graded; child runtime: %s%n", cpu[0], cpu[1] + sandboxed,
                        compile, Math.max(0, cpu[1] - compile), bwrap ? String.format("in similarity and the compiler"
                                + " children's start, %.1f s in sandboxed test children (read at their last line)",
                                sandboxed) : "in test runs and similarity",
                        s.graded() == 0 ? 0 : (cpu[0] + cpu[1] + sandboxed) / s.graded(), g.prepared().childRuntime());
            }
            return s.failed() == 0 ? 0 : 1;
        }
        String name = Batch.printable(Batch.nameOf(path.toAbsolutePath().normalize()));
        Path o = out != null ? out : Path.of("graded").resolve(name);
        Results.Submission r;
        try {
            r = g.grade(path, name, 0);
        } catch (ChildRun.InfrastructureError e) {
            System.err.println("grade: GRADER ERROR, not graded: " + e.getMessage());
            return 3;
        }
        Reports.writeAll(r, o);
        System.out.print(Reports.text(r));
        System.out.println("\nreports: " + o.resolve("report.html") + ", results.json, junit.xml");
        return 0;
    }

    /** CPU time of this process's ended children, in clock ticks (1/100 s), or 0. */
    static long childCpuTicks() {
        double[] c = cpuSeconds();
        return c == null ? 0 : Math.round(c[1] * 100);
    }

    /** This process's CPU seconds and its ended children's (user + system, from /proc/self/stat), or null. */
    static double[] cpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based, man 5 proc)
            double tick = 100.0;
            return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick,
                    (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
