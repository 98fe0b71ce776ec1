package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm compiler: one compiler child serves a slot's submissions, and a submission's exercises are compiled in
 * one javac task when that gives exactly what one task per exercise gives. Each exercise must still compile on its
 * own: a class declared in one exercise's file is not there for another's (its own task would not see it).
 */
@Timeout(600)
class WarmCompilerTest {
    @TempDir
    Path tmp;

    private static final List<String> TWO = List.of("parameter-count", "memory-decay");

    private static String solution(String id) {
        return Fixture.read(Fixture.catalog().byId(id).orElseThrow().solution());
    }

    @Test
    void oneWarmCompilerChildServesTheBatchAndEachSubmissionIsOneTask() throws Exception {
        Path in = tmp.resolve("in");
        for (String n : List.of("a", "b", "c")) {
            Fixture.submission(in.resolve(n), Exercise::solution);
        }
        int starts = CompileServer.STARTS.get();
        int together = CompileChild.TOGETHER_OK.get();
        Batch.Summary s = Batch.run(Fixture.grader().only(TWO), in, tmp.resolve("out"), 1, false, System.out);
        assertEquals(0, s.failed());
        for (Results.Submission r : s.all()) {
            assertEquals(r.maxScore(), r.score(), r.name());
        }
        assertEquals(1, CompileServer.STARTS.get() - starts, "one compiler child for the whole batch");
        assertEquals(3, CompileChild.TOGETHER_OK.get() - together, "each submission compiled in one task");
    }

    /**
     * parameter-count's file declares a helper class; memory-decay's file uses it (a call, and a constant that
     * javac inlines, so no class file would show the use). Compiled together the two would build; each on its own,
     * memory-decay cannot find the helper and is a compile error, and parameter-count keeps its marks.
     */
    @Test
    void aClassDeclaredInOneExercisesFileIsNotThereForAnother() throws Exception {
        String helper = "\nfinal class Shared {\n    static final int K = 0;\n    static double zero() { return 0; }\n}\n";
        String call = solution("memory-decay").replace("double h = 0;", "double h = Shared.zero() + Shared.K;");
        String constant = solution("memory-decay").replace("double h = 0;", "double h = Shared.K;");
        for (String user : List.of(call, constant)) {
            Path sub = tmp.resolve("shared-" + user.hashCode());
            Fixture.submission(sub, Exercise::solution);
            Files.writeString(sub.resolve("ParameterCount.java"), solution("parameter-count") + helper);
            Files.writeString(sub.resolve("MemoryDecay.java"), user);
            Results.Submission r = Fixture.grader().only(TWO).grade(sub, "shared", 0);
            Results.Exercise md = r.exercise("memory-decay");
            assertEquals(Results.Status.COMPILE_ERROR, md.status(), md.toString());
            assertTrue(md.compileErrors().toString().contains("Shared"), md.compileErrors().toString());
            Results.Exercise pc = r.exercise("parameter-count");
            assertEquals(pc.maxScore(), pc.score(), pc.toString());
        }
    }

    /** The same helper name in two exercises' files is fine one task each (and a duplicate in one task). */
    @Test
    void theSameHelperNameInTwoExercisesFilesCompilesInEach() throws Exception {
        String helper = "\nfinal class Helper {\n    static int one() { return 1; }\n}\n";
        Path sub = tmp.resolve("twins");
        Fixture.submission(sub, Exercise::solution);
        Files.writeString(sub.resolve("ParameterCount.java"), solution("parameter-count") + helper);
        Files.writeString(sub.resolve("MemoryDecay.java"), solution("memory-decay")
                .replace("double h = 0;", "double h = Helper.one() - 1;") + helper);
        Results.Submission r = Fixture.grader().only(TWO).grade(sub, "twins", 0);
        assertEquals(r.maxScore(), r.score(), r.exercises().toString());
    }
}
