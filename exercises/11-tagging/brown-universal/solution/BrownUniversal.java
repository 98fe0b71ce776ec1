package rnnbook.exercises;

/** Reference solution of brown-universal. */
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

    public static String universal(String brownTag) {
        String tag = resolve(brownTag.strip().toLowerCase(java.util.Locale.ROOT));
        if (tag == null) {
            throw new IllegalArgumentException("universal: unknown Brown tag '" + brownTag + "'");
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
        for (String mark : java.util.List.of("-hl", "-tl", "-nc")) {
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
