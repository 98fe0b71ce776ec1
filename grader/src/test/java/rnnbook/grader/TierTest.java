package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lower sandbox tiers grade correctly too, and a report says which tier graded it. */
class TierTest {
    @TempDir
    Path tmp;

    private Results.Submission gradeIn(Sandbox.Tier tier) {
        Grader g = new Grader(Fixture.grader().prepared(), Sandbox.tier(tier));
        return g.grade(Fixture.submission(tmp.resolve(tier.name()), Exercise::solution), "refs", 0);
    }

    @Test
    void unshareTierGradesAndSaysSo() {
        Results.Submission r = gradeIn(Sandbox.Tier.UNSHARE_NET);
        assertEquals(r.maxScore(), r.score());
        assertTrue(r.sandbox().startsWith("unshare-net"), r.sandbox());
    }

    @Test
    void rlimitTierIsFlaggedUnconfined() {
        Results.Submission r = gradeIn(Sandbox.Tier.RLIMITS);
        assertEquals(r.maxScore(), r.score());
        assertTrue(r.sandbox().contains("UNCONFINED"), r.sandbox());
        assertTrue(Reports.text(r).contains("UNCONFINED"));
    }
}
