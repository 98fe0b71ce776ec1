package rnnbook.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What the build adds to a rendered page body so it reads well on any screen and to any reader: Korean marked as
 * Korean, tables and code that scroll inside their own box (focusable, so a keyboard can scroll them), figures that
 * open full size, inline math kept on the line of its punctuation, and a permalink on every heading.
 */
final class PageMarkup {
    /** A run of Hangul, with the spaces, digits and punctuation between its words, and a closing mark. */
    static final Pattern HANGUL_RUN = Pattern.compile(
            "\\p{IsHangul}+(?:[\\s\\p{IsDigit}\\p{Punct}…·“”‘’]+\\p{IsHangul}+)*[.!?…]?");
    private static final Pattern LEADING_PUNCT = Pattern.compile("^[.,;:!?)\\]’”'\"]+");
    private static final Pattern TRAILING_OPEN = Pattern.compile("[(\\[‘“]+$");

    private PageMarkup() {
    }

    /** Applies every step but the permalinks (which must come after the page's contents are read from headings). */
    static void apply(Element body) {
        markKorean(body);
        scrollBoxes(body);
        zoomableFigures(body);
        keepMathWithPunctuation(body);
    }

    /** Wraps every run of Hangul that is not already inside a {@code lang="ko"} element in {@code <span lang="ko">}. */
    static void markKorean(Element root) {
        List<TextNode> texts = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                if (HANGUL_RUN.matcher(t.getWholeText()).find()) {
                    texts.add(t);
                }
            }
        }
        for (TextNode t : texts) {
            Element parent = (Element) t.parent();
            Element tagged = parent.closest("[lang]");
            if (tagged != null && tagged.attr("lang").startsWith("ko")) {
                continue;
            }
            PageMarkup.replaceMatches(t, HANGUL_RUN.matcher(t.getWholeText()),
                    m -> new Element("span").attr("lang", "ko").appendText(m.group()));
        }
    }

    /**
     * Replaces a text node by its text with every match of {@code m} (a matcher over that text) turned into the
     * node {@code replacement} makes of it.
     */
    static void replaceMatches(TextNode text, Matcher m, java.util.function.Function<java.util.regex.MatchResult, Node> replacement) {
        String s = text.getWholeText();
        List<Node> parts = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new TextNode(s.substring(at, m.start())));
            }
            parts.add(replacement.apply(m.toMatchResult()));
            at = m.end();
        }
        if (at < s.length()) {
            parts.add(new TextNode(s.substring(at)));
        }
        for (Node n : parts) {
            text.before(n);
        }
        text.remove();
    }

    /**
     * Tables go in a box that scrolls sideways on its own, so a wide table never widens the page; code blocks scroll
     * the same way. Both can take keyboard focus (a keyboard user can scroll them too).
     */
    static void scrollBoxes(Element root) {
        for (Element table : root.select("table.tableblock")) {
            if (table.parent() != null && table.parent().hasClass("table-scroll")) {
                continue;
            }
            Element caption = table.selectFirst("> caption");
            String label = caption != null ? caption.text() : "Table";
            table.wrap("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"></div>");
            table.parent().attr("aria-label", label);
        }
        for (Element pre : root.select(".listingblock pre, .literalblock pre, .nb-output pre, .nb-markdown pre")) {
            pre.attr("tabindex", "0");
        }
    }

    /** Every block figure becomes a link to its file, which site.js opens full size over the page. */
    static void zoomableFigures(Element root) {
        for (Element img : root.select(".imageblock img[src]")) {
            if (img.closest("a") != null) {
                continue;
            }
            img.wrap("<a class=\"figure-zoom\"></a>");
            Element a = img.parent();
            a.attr("href", img.attr("src"));
            a.attr("title", "Open the figure full size");
        }
        for (Element img : root.select(".nb-output img[src]")) {
            if (img.closest("a") == null) {
                img.wrap("<a class=\"figure-zoom\"></a>");
                img.parent().attr("href", img.attr("src")).attr("title", "Open the figure full size");
            }
        }
    }

    /**
     * Inline math and the punctuation that touches it ({@code \(x_t\).} or {@code (\(t\)}) go into one unbreakable
     * span, so no line starts with ". Each".
     */
    static void keepMathWithPunctuation(Element root) {
        for (Element katex : root.select("span.katex")) {
            if (katex.closest(".katex-display") != null || katex.parent() == null
                    || katex.parent().hasClass("math-nobreak")) {
                continue;
            }
            Node next = katex.nextSibling();
            Node prev = katex.previousSibling();
            String after = next instanceof TextNode tn ? match(LEADING_PUNCT, tn.getWholeText()) : "";
            String before = prev instanceof TextNode tp ? match(TRAILING_OPEN, tp.getWholeText()) : "";
            if (after.isEmpty() && before.isEmpty()) {
                continue;
            }
            Element wrap = new Element("span").addClass("math-nobreak");
            katex.before(wrap);
            if (!before.isEmpty()) {
                TextNode tp = (TextNode) prev;
                String s = tp.getWholeText();
                tp.text(s.substring(0, s.length() - before.length()));
                wrap.appendText(before);
            }
            wrap.appendChild(katex);
            if (!after.isEmpty()) {
                TextNode tn = (TextNode) next;
                tn.text(tn.getWholeText().substring(after.length()));
                wrap.appendText(after);
            }
        }
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : "";
    }

    /** A "#" link after every section heading of the page, to copy or share a link to that section. */
    static void permalinks(Element root) {
        for (Element h : root.select("h2[id], h3[id], h4[id]")) {
            if (h.selectFirst("> a.permalink") != null) {
                continue;
            }
            h.appendElement("a").addClass("permalink").attr("href", "#" + h.id())
                    .attr("aria-label", "Link to the section " + h.text()).text("#");
        }
    }
}
