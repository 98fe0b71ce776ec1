package rnnbook.exercises;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exercise brown-universal: the universal tag of any Brown Corpus tag, compounds included.
 *
 * <p>Lower-case the tag and strip spaces. A tag in {@link #TABLE} maps directly. Otherwise, in this order:
 * <ol>
 *   <li>a foreign word, a tag starting with {@code fw-}, is {@code X} whatever follows ({@code fw-at+nn-tl});</li>
 *   <li>a contraction, a tag with a {@code +}, takes the universal tag of the part before its first {@code +}
 *       ({@code ppss+md}, "I'll", is a pronoun);</li>
 *   <li>a tag ending in a headline, title or cited-word mark ({@code -hl}, {@code -tl}, {@code -nc}) is the tag
 *       without it, mapped again by these rules ({@code nn-tl-hl} is {@code nn-tl}, which is {@code nn});</li>
 *   <li>a tag of two or more characters ending in {@code *} (negation, {@code doz*}) or {@code $} (possessive,
 *       {@code np$}) is the tag without that character, mapped again;</li>
 *   <li>anything else, the empty tag included, is an IllegalArgumentException whose message contains the tag as
 *       given, between single quotes.</li>
 * </ol>
 */
public final class BrownUniversal {
    private BrownUniversal() {
    }

    /** Some simple Brown tags (lower case) and their universal tags; everything else is a compound or unknown. */
    public static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("nn", "NOUN"), Map.entry("nns", "NOUN"), Map.entry("np", "NOUN"), Map.entry("nr", "NOUN"),
            Map.entry("vb", "VERB"), Map.entry("vbd", "VERB"), Map.entry("bez", "VERB"), Map.entry("ber", "VERB"),
            Map.entry("bedz", "VERB"), Map.entry("do", "VERB"), Map.entry("md", "VERB"), Map.entry("jj", "ADJ"),
            Map.entry("rb", "ADV"), Map.entry("*", "ADV"), Map.entry("pps", "PRON"), Map.entry("ppss", "PRON"),
            Map.entry("ppo", "PRON"), Map.entry("at", "DET"), Map.entry("wdt", "DET"), Map.entry("in", "ADP"),
            Map.entry("cd", "NUM"), Map.entry("cc", "CONJ"), Map.entry("rp", "PRT"), Map.entry("to", "PRT"),
            Map.entry(".", "."), Map.entry(",", "."), Map.entry("``", "."), Map.entry("fw", "X"), Map.entry("uh", "X"));

    /** The universal tag of a Brown tag, simple or compound. */
    public static String universal(String brownTag) {
        // TODO
        return null;
    }
}
