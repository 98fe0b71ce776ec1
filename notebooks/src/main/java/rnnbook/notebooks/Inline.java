package rnnbook.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asciidoc inline markup to Jupyter Markdown, for the subset the chapters use: math ({@code latexmath:[..]},
 * {@code stem:[..]} become {@code $..$}), code spans, bold and italic, links, cross references (as links to the
 * anchor in this or another notebook), inline anchors, footnotes, super/subscript and attribute references.
 *
 * <p>Math and code are taken out first and put back last, so nothing inside them is touched (an underscore in
 * {@code x_t} stays an underscore). A literal {@code $} in prose is escaped, since Jupyter reads {@code $} as math.
 */
final class Inline {
    private static final Pattern MATH = Pattern.compile("(?:latexmath|stem|asciimath):\\[((?:\\\\]|[^\\]])*)]");
    private static final Pattern PASS = Pattern.compile("pass:[a-z,]*\\[((?:\\\\]|[^\\]])*)]");
    private static final Pattern CODE = Pattern.compile("`\\+(.+?)\\+`|`([^`]+)`");
    private static final Pattern PLUS = Pattern.compile("(?<![\\w+])\\+([^+\\s](?:[^+]*[^+\\s])?)\\+(?![\\w+])");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{([\\w-]+)}");
    private static final Pattern XREF_ANGLE = Pattern.compile("<<([\\w.#/-]+?)(?:,\\s*([^>]+))?>>");
    private static final Pattern XREF_MACRO = Pattern.compile("xref:([\\w./-]*?)(?:#([\\w-]+))?\\[([^\\]]*)]");
    private static final Pattern LINK = Pattern.compile("(?:link:)?((?:https?|ftp|mailto):[^\\s\\[]+|link:[^\\s\\[]+)\\[([^\\]]*)]");
    private static final Pattern ANCHOR = Pattern.compile("\\[\\[([\\w-]+)(?:,[^\\]]*)?]]");
    private static final Pattern FOOTNOTE = Pattern.compile("footnote:[\\w-]*\\[((?:\\\\]|[^\\]])*)]");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*\\\\])\\*(?![\\s*])([^*\\n]*?[^\\s*])\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_\\\\])_(?![\\s_])([^_\\n]*?[^\\s_])_(?![\\w_])");
    private static final Pattern ITALIC2 = Pattern.compile("__(.+?)__");
    private static final Pattern SUPER = Pattern.compile("\\^([^\\s^]+)\\^");
    private static final Pattern SUB = Pattern.compile("(?<!~)~([^\\s~]+)~(?!~)");
    private static final Pattern KBD = Pattern.compile("kbd:\\[([^\\]]*)]");
    private static final String MARK = "\u0000";

    private final Map<String, String> attributes;
    private final Function<String, String> xrefText;

    /**
     * @param attributes the document's attributes, for {@code {name}} references
     * @param xrefText   the text to show for a reference to an id given without text (e.g. the section title)
     */
    Inline(Map<String, String> attributes, Function<String, String> xrefText) {
        this.attributes = attributes;
        this.xrefText = xrefText;
    }

    String convert(String text) {
        List<String> kept = new ArrayList<>();
        String s = text;
        s = keep(s, MATH, m -> "$" + m.group(1).replace("\\]", "]").strip() + "$", kept);
        s = keep(s, PASS, m -> m.group(1).replace("\\]", "]"), kept);
        s = keep(s, CODE, m -> "`" + (m.group(1) != null ? m.group(1) : m.group(2)) + "`", kept);
        s = keep(s, PLUS, m -> escapeMarkdown(m.group(1)), kept);
        s = ATTRIBUTE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                attributes.getOrDefault(m.group(1), m.group())));
        s = s.replace("$", "\\$");
        s = keep(s, XREF_MACRO, m -> link(m.group(3).isBlank() ? xrefText.apply(m.group(2) == null ? m.group(1) : m.group(2)) : m.group(3),
                target(m.group(1), m.group(2))), kept);
        s = keep(s, XREF_ANGLE, m -> {
            String ref = m.group(1);
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : "";
            String id = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref;
            String label = m.group(2) != null ? m.group(2).strip() : xrefText.apply(id);
            return link(label, target(file, id));
        }, kept);
        s = keep(s, LINK, m -> {
            String url = m.group(1).startsWith("link:") ? m.group(1).substring(5) : m.group(1);
            String label = m.group(2).isBlank() ? url : m.group(2);
            return link(label, url);
        }, kept);
        s = keep(s, ANCHOR, m -> "<a id=\"" + m.group(1) + "\"></a>", kept);
        s = FOOTNOTE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(" (" + m.group(1).replace("\\]", "]") + ")"));
        s = KBD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<kbd>" + m.group(1) + "</kbd>"));
        s = BOLD.matcher(s).replaceAll("**$1**");
        s = ITALIC2.matcher(s).replaceAll("*$1*");
        s = ITALIC.matcher(s).replaceAll("*$1*");
        s = SUPER.matcher(s).replaceAll("<sup>$1</sup>");
        s = SUB.matcher(s).replaceAll("<sub>$1</sub>");
        return restore(s, kept);
    }

    /** A cross-chapter reference points at the other notebook; a local one at the anchor in this one. */
    private static String target(String file, String id) {
        String f = file == null ? "" : file;
        if (f.endsWith(".adoc")) {
            f = f.substring(0, f.length() - ".adoc".length()) + ".ipynb";
        }
        return f + (id == null || id.isEmpty() ? "" : "#" + id);
    }

    /**
     * A Markdown link, or the label alone where a notebook has nothing to link to: a page that is no chapter (the
     * glossary and the bibliography have no notebook) or a local file (a notebook has no figures folder beside it).
     */
    private static String link(String label, String url) {
        boolean web = url.matches("(?:https?|ftp|mailto):.*");
        boolean notebookOrAnchor = url.startsWith("#") || url.matches("\\d\\d-[\\w-]+\\.ipynb(?:#.*)?");
        return web || notebookOrAnchor ? "[" + label + "](" + url + ")" : label;
    }

    private static String escapeMarkdown(String s) {
        return s.replaceAll("([*_`\\\\\\[\\]$])", "\\\\$1");
    }

    /** Replaces each match by a placeholder and remembers what it becomes. */
    private static String keep(String s, Pattern p, Function<Matcher, String> f, List<String> kept) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            kept.add(f.apply(m));
            m.appendReplacement(sb, MARK + (kept.size() - 1) + MARK);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String restore(String s, List<String> kept) {
        // placeholders may nest (a link label holding math), so restore until none is left
        String out = s;
        Pattern ph = Pattern.compile(MARK + "(\\d+)" + MARK);
        for (int round = 0; round < 5 && out.contains(MARK); round++) {
            out = ph.matcher(out).replaceAll(m -> Matcher.quoteReplacement(kept.get(Integer.parseInt(m.group(1)))));
        }
        return out;
    }
}
