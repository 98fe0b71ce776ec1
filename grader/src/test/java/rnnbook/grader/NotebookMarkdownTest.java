package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An exercise's Javadoc as the Markdown of its notebook: what a learner reads above the cell. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotebookMarkdownTest {
    @Test
    void javadocEntitiesBecomeTheCharactersInsideAndOutsideACodeBlock() {
        String starter = """
                /**
                 * Scores {@code x}.
                 * <pre>
                 *   y = 1 if a &gt; b, else 0      (start &lt;= t &lt; end; p &amp; q)
                 * </pre>
                 * When lowest &gt; highest it throws.
                 */
                public final class Score {
                }
                """;
        assertEquals("Scores `x`.\n```\n  y = 1 if a > b, else 0      (start <= t < end; p & q)\n```\n"
                + "When lowest > highest it throws.", Notebooks.javadocAsMarkdown(starter, null));
    }
}
