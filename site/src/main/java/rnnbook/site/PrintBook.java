package rnnbook.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The whole book on one page ({@code book.html}): a title, a table of contents, then every written chapter, each
 * starting on a new page when printed. It is what {@code ./book pdf} prints (see {@link Pdf}). Element ids are
 * prefixed with their chapter's slug, so the chapters' own ids ("summary") do not clash, and links between
 * chapters become links inside the page (and inside the PDF).
 */
final class PrintBook {
    static final String FILE = "book.html";

    /** A chapter as rendered for its own page; {@code page} is its file ("02-the-cell.html"). */
    record Chapter(String page, int number, String titleText, String titleHtml, Element body) {
        String slug() {
            return page.replaceFirst("\\.html$", "");
        }
    }

    private PrintBook() {
    }

    static void write(Path site, List<Chapter> chapters) throws IOException {
        Map<String, String> slugs = new HashMap<>();
        chapters.forEach(c -> slugs.put(c.page(), c.slug()));
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Layout.esc(Layout.BOOK_TITLE)).append(" (the whole book)</title>\n")
                .append("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"assets/asciidoctor.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"assets/site.css\">\n")
                .append("</head>\n<body class=\"print-book\">\n<main id=\"main\">\n")
                .append("<header class=\"book-cover\">\n<h1>").append(Layout.esc(Layout.BOOK_TITLE)).append("</h1>\n")
                .append("<p class=\"kicker\">Recurrent neural networks, built from scratch in Java and run as you read. ")
                .append("Every number, table and chart was produced by the book's engine when this copy was built.</p>\n")
                .append("</header>\n<nav class=\"book-toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (Chapter c : chapters) {
            h.append("<li><a href=\"#").append(c.slug()).append("\"><span class=\"num\">").append(c.number())
                    .append("</span> ").append(c.titleHtml()).append("</a>\n<ol>\n");
            for (Element h2 : c.body().select("div.sect1 > h2[id]")) {
                Element title = h2.clone();
                title.select("a.permalink").remove();
                h.append("<li><a href=\"#").append(c.slug()).append("--").append(h2.id()).append("\">")
                        .append(title.html()).append("</a></li>\n");
            }
            h.append("</ol>\n</li>\n");
        }
        h.append("</ol>\n</nav>\n<div id=\"content\">\n");
        for (Chapter c : chapters) {
            Element body = c.body().clone();
            body.select("a.permalink").remove();
            body.select("a.figure-zoom").unwrap();
            for (Element e : body.select("[id]")) {
                e.attr("id", c.slug() + "--" + e.id());
            }
            for (Element a : body.select("a[href]")) {
                a.attr("href", rewrite(a.attr("href"), c.slug(), slugs));
            }
            h.append("<section class=\"book-chapter\" id=\"").append(c.slug()).append("\">\n")
                    .append("<p class=\"kicker\">Chapter ").append(c.number()).append("</p>\n<h1>")
                    .append(c.titleHtml()).append("</h1>\n<div class=\"content\">\n").append(body.html())
                    .append("\n</div>\n</section>\n");
        }
        h.append("</div>\n</main>\n<script src=\"assets/site.js\"></script>\n</body>\n</html>\n");
        Files.writeString(site.resolve(FILE), h.toString());
    }

    /** A link of chapter {@code slug} as it must read inside the one-page book. */
    static String rewrite(String href, String slug, Map<String, String> slugs) {
        if (href.startsWith("#")) {
            return "#" + slug + "--" + href.substring(1);
        }
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        String target = slugs.get(file);
        if (target == null) {
            return href; // another page of the site (a notebook, the exercises) or another site
        }
        return hash < 0 ? "#" + target : "#" + target + "--" + href.substring(hash + 1);
    }
}
