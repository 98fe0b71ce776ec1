package rnnbook.exercises;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of bleu (worked by hand): {@code ./book check bleu}, Maven or an IDE. */
@Timeout(5)
class BleuScoreCheck {

    private static List<List<String>> s(String... sentences) {
        return Arrays.stream(sentences).map(x -> List.of(x.split(" "))).toList();
    }

    @Test
    @DisplayName("clipping: 'the the the the' against 'the cat is here' has p_1 = 1/4, not 4/4")
    void clipping() {
        Expect.near("precision(..., 1)", 0.25, BleuScore.precision(s("the the the the"), s("the cat is here"), 1),
                1e-12, "'the' occurs once in the reference, so it matches at most once");
    }

    @Test
    @DisplayName("brevity: 2 words against 4 give exp(1 - 4/2) = 0.3679; longer candidates are not penalised")
    void brevity() {
        Expect.near("brevity(2, 4)", Math.exp(-1), BleuScore.brevity(2, 4), 1e-12, "BP = exp(1 - r/c)");
        Expect.near("brevity(5, 4)", 1, BleuScore.brevity(5, 4), 1e-12, "c > r: no penalty");
        Expect.near("brevity(4, 4)", 1, BleuScore.brevity(4, 4), 1e-12, "exp(1 - 4/4) = 1");
    }

    @Test
    @DisplayName("corpus level: ('a b c' | 'a b d'), ('x y' | 'x y'): p_1 = 4/5, p_2 = 2/3, BLEU-2 = sqrt(8/15)")
    void corpus() {
        List<List<String>> c = s("a b c", "x y");
        List<List<String>> r = s("a b d", "x y");
        Expect.near("precision(..., 1)", 0.8, BleuScore.precision(c, r, 1), 1e-12, "sums over both pairs first");
        Expect.near("precision(..., 2)", 2.0 / 3, BleuScore.precision(c, r, 2), 1e-12, "'a b' and 'x y' match");
        Expect.near("bleu(..., 2)", Math.sqrt(0.8 * 2 / 3), BleuScore.bleu(c, r, 2), 1e-12,
                "the geometric mean of p_1 and p_2, BP = 1 (5 words each)");
    }

    @Test
    @DisplayName("a missing n-gram order gives 0; identical sentences give 1")
    void extremes() {
        Expect.near("bleu(..., 2)", 0, BleuScore.bleu(s("the the the the"), s("the cat is here"), 2), 0,
                "no bigram matches: p_2 = 0");
        Expect.near("bleu(..., 4)", 1, BleuScore.bleu(s("a large red circle"), s("a large red circle"), 4), 1e-12,
                "every p_n = 1 and BP = 1");
    }
}
