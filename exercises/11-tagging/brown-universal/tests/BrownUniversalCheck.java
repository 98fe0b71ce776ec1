package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of brown-universal (mapped by hand): {@code ./book check brown-universal}, Maven or an IDE. */
@Timeout(5)
class BrownUniversalCheck {

    private static void maps(String brownTag, String expected, String hint) {
        String got = BrownUniversal.universal(brownTag);
        Expect.notNull(got, "universal(\"" + brownTag + "\")");
        Expect.that(expected.equals(got), "universal(\"" + brownTag + "\") should be " + expected + ", got " + got
                + (hint == null ? "" : "; " + hint));
    }

    @Test
    @DisplayName("simple tags come from the table, in any case")
    void simple() {
        maps("nn", "NOUN", null);
        maps("AT", "DET", "lower-case the tag first");
        maps("*", "ADV", "'*' alone is \"not\", in the table");
    }

    @Test
    @DisplayName("compounds: title marks, contractions, negations, foreign words")
    void compounds() {
        maps("np-tl", "NOUN", "drop the title mark -tl");
        maps("nn-tl-hl", "NOUN", "drop -hl, then map nn-tl again");
        maps("ppss+md", "PRON", "a contraction takes the tag of its first part");
        maps("bedz*", "VERB", "\"wasn't\": drop the negation *, then map bedz");
        maps("fw-nn", "X", "a foreign word is X whatever follows fw-");
    }

    @Test
    @DisplayName("an unknown tag is an IllegalArgumentException naming it")
    void unknown() {
        String message = null;
        try {
            BrownUniversal.universal("xyz");
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        Expect.that(message != null, "universal(\"xyz\") must throw an IllegalArgumentException");
        Expect.that(message.contains("'xyz'"), "the message should name the tag: " + message);
    }
}
