package rnnbook.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A character vocabulary: each distinct Unicode code point of a text gets an integer id. Code points, not Java
 * {@code char}s, so a Hangul syllable (U+D55C "한") is one token and a character outside the Basic Multilingual
 * Plane (an emoji, stored as two {@code char}s) is one token too.
 *
 * <p>Order: ids follow ascending code point order, so the same set of characters always gets the same ids
 * whatever order the text shows them in. With {@link #withUnknown} id 0 is reserved for the unknown token, which
 * encodes any character the vocabulary has not seen and decodes as {@value #UNKNOWN} (U+FFFD, Unicode's
 * replacement character); without it, encoding an unseen character is an error naming the character, its code
 * point and its position.
 */
public final class Vocabulary {
    /** How the unknown token decodes: U+FFFD REPLACEMENT CHARACTER. */
    public static final String UNKNOWN = "\uFFFD";

    private final int[] codePoints;                 // id -> code point (-1 for the unknown token)
    private final Map<Integer, Integer> ids = new HashMap<>();
    private final boolean hasUnknown;

    private Vocabulary(TreeSet<Integer> sorted, boolean hasUnknown) {
        this.hasUnknown = hasUnknown;
        this.codePoints = new int[sorted.size() + (hasUnknown ? 1 : 0)];
        int id = 0;
        if (hasUnknown) {
            codePoints[id++] = -1;
        }
        for (int cp : sorted) {
            codePoints[id] = cp;
            ids.put(cp, id);
            id++;
        }
    }

    /** The characters of {@code text}; unseen characters are an error when encoding. */
    public static Vocabulary of(String text) {
        return new Vocabulary(distinct(text), false);
    }

    /** The characters of {@code text} plus an unknown token with id 0 for characters not in it. */
    public static Vocabulary withUnknown(String text) {
        return new Vocabulary(distinct(text), true);
    }

    private static TreeSet<Integer> distinct(String text) {
        TreeSet<Integer> set = new TreeSet<>();
        text.codePoints().forEach(set::add);
        return set;
    }

    public int size() {
        return codePoints.length;
    }

    public boolean hasUnknown() {
        return hasUnknown;
    }

    /** The id of the unknown token (0), or -1 when this vocabulary has none. */
    public int unknownId() {
        return hasUnknown ? 0 : -1;
    }

    public boolean contains(int codePoint) {
        return ids.containsKey(codePoint);
    }

    /** The id of one code point; unknown ones map to the unknown token or fail. */
    public int id(int codePoint) {
        return idAt(codePoint, -1);
    }

    private int idAt(int codePoint, int position) {
        Integer id = ids.get(codePoint);
        if (id != null) {
            return id;
        }
        if (hasUnknown) {
            return 0;
        }
        throw new IllegalArgumentException("unknown character " + describe(codePoint)
                + (position >= 0 ? " at position " + position + " (counted in characters)" : "")
                + ": the vocabulary has " + size() + " characters; build it from a text that contains it,"
                + " or with Vocabulary.withUnknown to map unseen characters to " + UNKNOWN);
    }

    /** {@code 'x' (U+0078)}: the character as printed and its code point. */
    static String describe(int codePoint) {
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? Character.getName(codePoint) : new String(Character.toChars(codePoint));
        return "'" + shown + "' (U+" + String.format("%04X", codePoint) + ")";
    }

    /** The characters of {@code text} as ids, one per code point. */
    public int[] encode(String text) {
        int[] cps = text.codePoints().toArray();
        int[] out = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            out[i] = idAt(cps[i], i);
        }
        return out;
    }

    /** The text of a sequence of ids. */
    public String decode(int[] idSequence) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < idSequence.length; i++) {
            sb.append(token(idSequence[i], i));
        }
        return sb.toString();
    }

    /** The character of one id, as a string (one code point may need two Java chars). */
    public String token(int id) {
        return token(id, -1);
    }

    private String token(int id, int position) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + (position >= 0 ? " at position " + position : "")
                    + " is outside the vocabulary's 0.." + (size() - 1));
        }
        int cp = codePoints[id];
        return cp < 0 ? UNKNOWN : new String(Character.toChars(cp));
    }

    /** The code point of an id; -1 for the unknown token. */
    public int codePoint(int id) {
        token(id);
        return codePoints[id];
    }

    /** Every token in id order. */
    public List<String> tokens() {
        List<String> out = new ArrayList<>(size());
        for (int id = 0; id < size(); id++) {
            out.add(token(id));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "Vocabulary of " + size() + " characters" + (hasUnknown ? " (with unknown)" : "");
    }
}
