package rnnbook.grader;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The grader's command line: one class per command ({@link GradeCommand}, {@link CheckCommand},
 * {@link PreflightCommand}); a new command is a new class listed in {@code subcommands}.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, subcommands = {GradeCommand.class, CheckCommand.class, ReleaseCommand.class,
    AutograderCommand.class, GradescopeCommand.class,
    PreflightCommand.class}, description = "Grades rnnbook exercises in a sandbox.")
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
}
