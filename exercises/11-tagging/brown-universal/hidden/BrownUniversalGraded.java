package rnnbook.exercises;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/**
 * Hidden tests of brown-universal: tags of the corpus, each one's universal tag recorded as its number in the list of
 * the twelve (-1 for an IllegalArgumentException, -2 for any other answer).
 */
@Timeout(5)
class BrownUniversalGraded {

    private static final List<String> TAGS = List.of(
            "NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", ".", "X");

    /** The universal tag's number, -1 when the submission throws an IllegalArgumentException, -2 if not a tag. */
    private static int outcome(String tag) {
        try {
            int i = TAGS.indexOf(BrownUniversal.universal(tag));
            return i >= 0 ? i : -2;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static void recordAll(String... tags) {
        for (String tag : tags) {
            Record.value("universal(\"" + tag + "\")", outcome(tag));
        }
    }

    @Test
    @DisplayName("simple tags")
    @Points(1)
    void a_simple() {
        recordAll("NN", " vbd ", "``", "cc");
    }

    @Test
    @DisplayName("headline, title and cited-word marks, also stacked")
    @Points(3)
    @Hint("after dropping a mark, map what is left by all the rules again")
    void b_marks() {
        recordAll("np$-tl", "nn-tl-hl", "*-tl", "do*-hl", "jj-nc");
    }

    @Test
    @DisplayName("contractions")
    @Points(2)
    @Hint("the part before the first +")
    void c_contractions() {
        recordAll("pps+bez", "wdt+ber+pp", "ppss+ber-n");
    }

    @Test
    @DisplayName("foreign words")
    @Points(2)
    void d_foreign() {
        recordAll("fw-nn", "fw-at+nn-tl");
    }

    @Test
    @DisplayName("negations and possessives")
    @Points(2)
    void e_negation() {
        recordAll("bedz*", "md*", "rb$");
    }

    @Test
    @DisplayName("unknown tags are errors, not X")
    @Points(2)
    @Hint("a tag the table and the rules do not explain is an IllegalArgumentException")
    void f_unknown() {
        recordAll("xyz", "", "qq-tl");
    }
}
