package rnnbook.chapters.ch11;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The twelve universal part-of-speech tags of Petrov, Das and McDonald (2012) and the book's mapping of the Brown
 * Corpus tags onto them, written from the Brown tagset's documentation (Francis and Kucera's manual): the simple
 * tags in a table, compound tags ({@code np-tl}, {@code ppss+md}, {@code doz*}, {@code fw-nn}) by the rules of
 * {@link #universal(String)}.
 */
public final class UniversalTags {
    private UniversalTags() {
    }

    // tag::mapping[]
    /** The twelve universal tags; a tag's number is its index here. */
    public static final List<String> TAGS = List.of(
            "NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", ".", "X");

    private static Map<String, String> brownTable() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] groups = {
            {"NOUN", "nn", "nns", "nn$", "nns$", "np", "nps", "np$", "nps$", "nr", "nrs", "nr$"},
            {"VERB", "vb", "vbd", "vbg", "vbn", "vbz", "md", "be", "bed", "bedz", "beg", "bem", "ben", "ber", "bez",
                "do", "dod", "doz", "hv", "hvd", "hvg", "hvn", "hvz"},
            {"ADJ", "jj", "jjr", "jjs", "jjt", "od", "ap"},            // ordinals (first) and post-determiners (many)
            {"ADV", "rb", "rbr", "rbt", "rn", "ql", "qlp", "abl", "wrb", "wql", "*"},   // '*' is "not", "n't"
            {"PRON", "pn", "pp$", "pp$$", "ppl", "ppls", "ppo", "pps", "ppss", "wp$", "wpo", "wps"},
            {"DET", "at", "dt", "dti", "dts", "dtx", "abn", "abx", "wdt", "ex"},      // ex: existential "there"
            {"ADP", "in", "cs"},                       // prepositions, and subordinators as the Penn tagset's IN
            {"NUM", "cd"},
            {"CONJ", "cc"},
            {"PRT", "rp", "to"},                       // particles (up, out) and the infinitive's "to"
            {".", ".", ",", ":", "(", ")", "--", "'", "''", "``"},
            {"X", "fw", "uh", "nil"}};                 // foreign words, interjections, untagged
        for (String[] group : groups) {
            for (int i = 1; i < group.length; i++) {
                m.put(group[i], group[0]);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every simple Brown tag (lower case, as the corpus writes it) to its universal tag. */
    public static final Map<String, String> BROWN = brownTable();

    /** The universal tag of a lower-case tag by the table and the rules of {@link #universal}, or null if they do not explain it. */
    private static String compound(String t) {
        if (BROWN.containsKey(t)) {
            return BROWN.get(t);
        }
        if (t.startsWith("fw-")) {
            return "X";
        }
        if (t.indexOf('+') > 0) {
            return compound(t.substring(0, t.indexOf('+')));
        }
        for (String mark : List.of("-hl", "-tl", "-nc")) {
            if (t.endsWith(mark) && t.length() > mark.length()) {
                return compound(t.substring(0, t.length() - mark.length()));
            }
        }
        if (t.length() > 1 && (t.endsWith("*") || t.endsWith("$"))) {
            return compound(t.substring(0, t.length() - 1));
        }
        return null;
    }

    /**
     * The universal tag of a Brown tag. A simple tag is looked up; a compound one is taken apart: a foreign word
     * ({@code fw-...}) is X; a contraction ({@code ppss+md}, "I'll") takes the tag of its first word; a headline,
     * title or cited-word mark ({@code -hl}, {@code -tl}, {@code -nc}), a negation ({@code doz*}, "doesn't") and a
     * possessive {@code $} are dropped. Anything else is an error that names the tag.
     */
    public static String universal(String brownTag) {
        String t = brownTag.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("universal: an empty Brown tag has no universal tag");
        }
        String tag = compound(t);
        if (tag == null) {
            throw new IllegalArgumentException("universal: unknown Brown tag '" + brownTag + "' (not in the table,"
                    + " and not a compound of fw-, +, -hl, -tl, -nc, * or $)");
        }
        return tag;
    }
    // end::mapping[]

    /** The number of a universal tag, its index in {@link #TAGS}. */
    public static int index(String universalTag) {
        int i = TAGS.indexOf(universalTag);
        if (i < 0) {
            throw new IllegalArgumentException("index: '" + universalTag + "' is not one of the 12 universal tags "
                    + TAGS);
        }
        return i;
    }
}
