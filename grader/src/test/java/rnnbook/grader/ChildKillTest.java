package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit code 137 is both SIGKILL and {@code Runtime.halt(137)}. The rule: a child killed (by a signal the grader did
 * not send) before it reported that a test started has run no submitted code, so the kill came from outside: a
 * grader error. After that line, the submission's code may have halted with 137 itself: the exercise that was
 * running is charged, like any other early exit. A stand-in {@code java} (a shell script, in the trusted tier)
 * reads the secret from the payload, reports what a child would, and kills itself with SIGKILL.
 */
@Timeout(120)
class ChildKillTest {
    @TempDir
    static Path tmp;

    /** A Java home whose bin/java reports the given channel lines (after the secret) and then dies of SIGKILL. */
    static Path killedJava(String name, String... lines) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# the payload starts with the secret: 2 length bytes, 48 hex\n"
                + "secret=$(head -c 50 | tail -c 48)\n");
        for (String l : lines) {
            sh.append("printf '%s ").append(l).append("\\n' \"$secret\"\n");
        }
        sh.append("kill -9 $$\n");
        Path java = Files.writeString(bin.resolve("java"), sh.toString());
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    static Map<String, ChildRun.Outcome> run(Path javaHome) throws Exception {
        Prepared p = Fixture.grader().prepared();
        ChildRun.Job job = new ChildRun.Job("rnn-step", p.hidden("rnn-step"), p.starterClasses("rnn-step"));
        Path runDir = Files.createDirectories(tmp.resolve("run-" + javaHome.getFileName()));
        return ChildRun.run(Sandbox.trusted().withJavaHome(javaHome), 0, p, runDir, List.of(job), 30_000);
    }

    @Test
    void aKillBeforeAnyTestStartedIsAGraderError() throws Exception {
        // the exercise was announced (its classes about to load), but no test, so no submitted code, had run
        Path home = killedJava("before", "S\\trnn-step");
        ChildRun.InfrastructureError e = assertThrows(ChildRun.InfrastructureError.class, () -> run(home));
        assertTrue(e.getMessage().contains("did not send"), e.getMessage());
    }

    @Test
    void aKillBeforeTheChildSpokeIsAGraderError() throws Exception {
        Path home = killedJava("silent");
        assertThrows(ChildRun.InfrastructureError.class, () -> run(home));
    }

    @Test
    void aKillAfterATestStartedIsChargedToTheExercise() throws Exception {
        Path home = killedJava("after", "S\\trnn-step", "T\\trnn-step\\t");
        ChildRun.Outcome o = run(home).get("rnn-step");
        assertFalse(o.finished());
        assertTrue(o.results().isEmpty());
        assertTrue(o.failure().contains("exit code 137"), o.failure());
    }

    @Test
    void aTestStartLineForAnExerciseNotAnnouncedDoesNotCount() throws Exception {
        Path home = killedJava("unannounced", "T\\trnn-step\\t", "S\\trnn-step");
        assertThrows(ChildRun.InfrastructureError.class, () -> run(home));
    }
}
