package rnnbook.exercises;

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

    /** Some simple Brown tags (lower case), each followed by its universal tag; the rest are compounds or unknown. */
    public static final java.util.Map<String, String> TABLE = table(
            "nn NOUN nns NOUN np NOUN nr NOUN vb VERB vbd VERB bez VERB ber VERB bedz VERB do VERB md VERB jj ADJ"
            + " rb ADV * ADV pps PRON ppss PRON ppo PRON at DET wdt DET in ADP cd NUM cc CONJ rp PRT to PRT"
            + " . . , . `` . fw X uh X");

    private static java.util.Map<String, String> table(String pairs) {
        String[] p = pairs.split(" ");
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < p.length; i += 2) {
            m.put(p[i], p[i + 1]);
        }
        return java.util.Map.copyOf(m);
    }

    /** The universal tag of a Brown tag, simple or compound. */
    public static String universal(String brownTag) {
        // TODO
        return null;
    }
}
