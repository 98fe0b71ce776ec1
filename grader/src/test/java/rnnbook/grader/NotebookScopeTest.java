package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A learner who grades a chapter's exercise notebook ({@code ./book grade 09-language-models-exercises.ipynb}, as
 * its first cell says) is graded on that chapter: a perfect notebook scored "22 / 258", with every other chapter's
 * exercises listed as not submitted. And a test the run never reached says why it has no result.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NotebookScopeTest {
    @Test
    void anExerciseNotebookIsGradedOnItsOwnChapter() {
        List<String> chapters = Catalog.load(Catalog.defaultRoot()).exercises().stream().map(Exercise::chapter)
                .distinct().toList();
        assertTrue(chapters.contains("09-language-models"), chapters.toString());
        assertEquals("09-language-models",
                GradeCommand.chapterOfNotebook(Path.of("work/09-language-models-exercises.ipynb"), chapters));
        assertEquals("10-classification-and-forecasting", GradeCommand.chapterOfNotebook(
                Path.of("10-classification-and-forecasting-exercises.ipynb"), chapters));
        // anything else keeps grading every exercise it holds
        assertNull(GradeCommand.chapterOfNotebook(Path.of("my-work.ipynb"), chapters));
        assertNull(GradeCommand.chapterOfNotebook(Path.of("99-nothing-exercises.ipynb"), chapters));
        assertNull(GradeCommand.chapterOfNotebook(Path.of("09-language-models-exercises"), chapters));
    }

    @Test
    void aTestWithoutAResultSaysTheRunStoppedBeforeIt() {
        Prepared.TestSpec spec = new Prepared.TestSpec("seasonalNaiveWeekly", "seasonal naive, weekly season", 2,
                null, 5000);
        ChildRun.TestRun ref = new ChildRun.TestRun("SUCCESSFUL", "", "", "", java.util.Map.of());
        Verdict.Result r = Verdict.hidden(spec, null, ref, null, null);
        assertEquals(false, r.passed());
        assertTrue(r.message().contains("the run stopped before it"), r.message());
    }
}
