package rnnbook.exercises;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of bleu: precisions, penalties and scores of other captions, recorded. */
@Timeout(5)
class BleuScoreGraded {

    private static List<List<String>> s(String... sentences) {
        return Arrays.stream(sentences).map(x -> List.of(x.split(" "))).toList();
    }

    private static final List<List<String>> CANDIDATES = s("a small red square at the top left",
            "a large blue circle at the the bottom", "a yellow yellow triangle");
    private static final List<List<String>> REFERENCES = s("a small red circle at the top left",
            "a large blue circle at the bottom right", "a small yellow triangle at the top right");

    @Test
    @DisplayName("clipped precisions for n = 1 to 4")
    @Points(3)
    @Hint("count each candidate n-gram at most as often as it occurs in its own reference")
    void a_precisions() {
        for (int n = 1; n <= 4; n++) {
            Record.value("precision(n = " + n + ")", BleuScore.precision(CANDIDATES, REFERENCES, n));
        }
    }

    @Test
    @DisplayName("brevity penalties")
    @Points(2)
    @Hint("BP = exp(1 - r/c) when c <= r, else 1")
    void b_brevity() {
        Record.value("brevity(3, 9)", BleuScore.brevity(3, 9));
        Record.value("brevity(9, 3)", BleuScore.brevity(9, 3));
        Record.value("brevity(7, 8)", BleuScore.brevity(7, 8));
    }

    @Test
    @DisplayName("corpus BLEU-1 to BLEU-4 of three captions")
    @Points(3)
    @Hint("a geometric mean: exp of the mean of ln p_n, times BP over the whole corpus")
    void c_bleu() {
        for (int n = 1; n <= 4; n++) {
            Record.value("bleu(maxN = " + n + ")", BleuScore.bleu(CANDIDATES, REFERENCES, n));
        }
    }

    @Test
    @DisplayName("mismatched lists are refused")
    @Points(1)
    @Hint("one reference per candidate")
    void d_refused() {
        boolean refused;
        try {
            BleuScore.bleu(s("a b"), s("a b", "c d"), 2);
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        Record.value("are 1 candidate and 2 references refused?", refused);
    }
}
