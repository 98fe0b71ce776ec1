package rnnbook.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Numbered captions with the chapter in front ("Figure 4.2. ...", "Table 3.1. ...") where Asciidoctor numbers
 * figures and tables per page ("Figure 2. ..."), and each figure's SVG gets the page's caption as its
 * {@code <title>} and the alt text as its {@code <desc>}, so the words a screen reader or a search engine finds
 * in the file are the ones the page shows.
 */
final class Captions {
    private static final Pattern NUMBER = Pattern.compile("^(Figure|Table) (\\d+)\\. ");
    private static final Pattern TITLE_DESC = Pattern.compile("<title>.*?</title>(<desc>.*?</desc>)?", Pattern.DOTALL);

    private Captions() {
    }

    /** Puts the chapter number in front of every figure and table number of a chapter page. */
    static void number(Document body, int chapter) {
        for (Element title : body.select("div.imageblock > div.title, table.tableblock > caption.title")) {
            TextNode first = title.textNodes().isEmpty() ? null : title.textNodes().get(0);
            if (first == null) {
                continue;
            }
            Matcher m = NUMBER.matcher(first.getWholeText());
            if (m.find()) {
                first.text(m.group(1) + " " + chapter + "." + m.group(2) + ". " + first.getWholeText().substring(m.end()));
            }
        }
    }

    /** Writes each figure's caption and alt text into its SVG in {@code siteRoot}/figures. */
    static void describeFigures(Document body, Path figures) throws IOException {
        for (Element block : body.select("div.imageblock")) {
            Element img = block.selectFirst("img[src$=.svg]");
            Element title = block.selectFirst("> div.title");
            if (img == null || title == null) {
                continue;
            }
            Path svg = figures.resolve(Path.of(img.attr("src")).getFileName().toString());
            if (!Files.isRegularFile(svg)) {
                continue;   // checkImages reports it
            }
            String head = "<title>" + escape(title.text()) + "</title><desc>" + escape(img.attr("alt")) + "</desc>";
            String text = Files.readString(svg);
            Matcher m = TITLE_DESC.matcher(text);
            String updated = m.find() ? text.substring(0, m.start()) + head + text.substring(m.end())
                    : text.replaceFirst("(<svg[^>]*>)", "$1" + Matcher.quoteReplacement(head));
            Files.writeString(svg, updated);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
