package rnnbook.grader;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code grader preflight}: which sandbox tier works here. */
@Command(name = "preflight", description = "Show which sandbox tier works on this machine.")
final class PreflightCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println(Sandbox.preflight().describe());
        return 0;
    }
}
