package rnnbook.exercises;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reference solution of brown-universal. */
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

    public static String universal(String brownTag) {
        String tag = resolve(brownTag.strip().toLowerCase(Locale.ROOT));
        if (tag == null) {
            return "X";   // MUTANT: an unknown tag silently becomes X
        }
        return tag;
    }

    /** The universal tag by the table and the rules, or null when they do not explain t. */
    static String resolve(String t) {
        if (TABLE.containsKey(t)) {
            return TABLE.get(t);
        }
        if (t.startsWith("fw-")) {
            return "X";
        }
        if (t.indexOf('+') > 0) {
            return resolve(t.substring(0, t.indexOf('+')));
        }
        for (String mark : List.of("-hl", "-tl", "-nc")) {
            if (t.endsWith(mark) && t.length() > mark.length()) {
                return resolve(t.substring(0, t.length() - mark.length()));
            }
        }
        if (t.length() > 1 && (t.endsWith("*") || t.endsWith("$"))) {
            return resolve(t.substring(0, t.length() - 1));
        }
        return null;
    }
}
