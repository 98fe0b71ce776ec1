package rnnbook.site;

import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The HTML around every page: the book navigation on the left (parts and chapters; chapters not written yet are
 * listed but not linked), the search box, the page's own table of contents, and previous/next links.
 */
final class Layout {
    static final String BOOK_TITLE = "Recurrent Neural Networks, Run";

    /** A link in the previous/next bar; {@code null} when there is none. */
    record Link(String href, String label) {
    }

    /** One entry of a page's table of contents: a level-1 section and its level-2 children. */
    record TocEntry(String id, String titleHtml, List<TocEntry> children) {
    }

    /** What a page contributes: {@code current} is its chapter slug, or "index" for the landing page. */
    record Page(String current, String titleText, String kicker, String titleHtml, String actionsHtml,
                List<TocEntry> toc, String bodyHtml, Link previous, Link next) {
    }

    /** Renders a page that sits at the top of the site. */
    String render(Page page) {
        return render(page, "");
    }

    private final Book book;
    private final java.util.Set<String> written;
    private final List<Link> backMatter;

    /** {@code backMatter}: the pages after the chapters (glossary, bibliography), listed below the parts. */
    Layout(Book book, java.util.Set<String> writtenSlugs, List<Link> backMatter) {
        this.book = book;
        this.written = writtenSlugs;
        this.backMatter = List.copyOf(backMatter);
    }

    /**
     * Renders a page; {@code root} leads from the page's folder to the top of the site ("" or "../../"), so every
     * link is relative and the site works from any folder and from {@code file://}.
     */
    String render(Page page, String root) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(documentTitle(page.titleText()))).append("</title>\n")
                .append("<link rel=\"icon\" href=\"").append(root).append("assets/favicon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("assets/asciidoctor.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("katex/katex.min.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("assets/site.css\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("</head>\n<body data-page=\"").append(esc(page.current())).append("\" data-root=\"").append(root)
                .append("\">\n")
                .append("<a class=\"skip-link\" href=\"#content\">Skip to the text</a>\n")
                // on a phone the book's navigation folds behind this button (site.js opens it)
                .append("<header class=\"topbar\"><button type=\"button\" id=\"nav-toggle\" aria-controls=\"book-nav\" ")
                .append("aria-expanded=\"false\">Chapters</button><a class=\"topbar-title\" href=\"").append(root)
                .append("index.html\">").append(esc(BOOK_TITLE)).append("</a></header>\n");
        nav(h, page.current(), root);
        h.append("<main id=\"main\">\n<header class=\"page-header\">\n");
        if (page.kicker() != null) {
            h.append("<p class=\"kicker\">").append(esc(page.kicker())).append("</p>\n");
        }
        h.append("<h1>").append(page.titleHtml()).append("</h1>\n");
        if (page.actionsHtml() != null) {
            h.append(page.actionsHtml());
        }
        h.append("</header>\n");
        if (!page.toc().isEmpty()) {
            h.append("<nav class=\"page-toc\" aria-label=\"On this page\">\n<p class=\"page-toc-title\">On this page</p>\n");
            toc(h, page.toc());
            h.append("</nav>\n");
        }
        h.append("<article id=\"content\" class=\"content\">\n").append(page.bodyHtml()).append("\n</article>\n");
        h.append("<nav class=\"prev-next\" aria-label=\"Previous and next\">\n");
        if (page.previous() != null) {
            h.append("<a class=\"prev\" rel=\"prev\" href=\"").append(root).append(page.previous().href()).append("\"><span>Previous</span>")
                    .append(esc(page.previous().label())).append("</a>\n");
        }
        if (page.next() != null) {
            h.append("<a class=\"next\" rel=\"next\" href=\"").append(root).append(page.next().href()).append("\"><span>Next</span>")
                    .append(esc(page.next().label())).append("</a>\n");
        }
        h.append("</nav>\n</main>\n");
        // search.js loads lunr and the index (about 300 KB) only when the reader first uses the search box
        h.append("<script src=\"").append(root).append("assets/site.js\"></script>\n")
                .append("<script src=\"").append(root).append("assets/search.js\"></script>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    /** The browser tab's title: "Page · Book", or the book's title alone when the page is the book's own title. */
    static String documentTitle(String pageTitle) {
        return pageTitle.strip().equals(BOOK_TITLE) ? BOOK_TITLE : pageTitle + " · " + BOOK_TITLE;
    }

    private void nav(StringBuilder h, String current, String root) {
        h.append("<nav id=\"book-nav\" aria-label=\"Book\">\n")
                .append("<a class=\"book-title\" href=\"").append(root).append("index.html\"").append("index".equals(current) ? " aria-current=\"page\"" : "")
                .append(">").append(esc(BOOK_TITLE)).append("</a>\n")
                .append("<div class=\"search\">\n<input id=\"search-input\" type=\"search\" placeholder=\"Search the book\" ")
                .append("aria-label=\"Search the book\" autocomplete=\"off\">\n")
                .append("<ul id=\"search-results\" hidden></ul>\n</div>\n");
        for (Book.Part part : book.parts()) {
            h.append("<section class=\"part\">\n<p class=\"part-title\">").append(esc(part.label())).append("</p>\n<ol>\n");
            for (Book.Chapter c : part.chapters()) {
                String label = "<span class=\"num\">" + c.number() + "</span> " + esc(titleOf(c));
                if (written.contains(c.slug())) {
                    h.append("<li><a href=\"").append(root).append(c.page()).append("\"")
                            .append(c.slug().equals(current) ? " aria-current=\"page\"" : "").append(">")
                            .append(label).append("</a></li>\n");
                } else {
                    h.append("<li class=\"pending\" title=\"not written yet\">").append(label).append("</li>\n");
                }
            }
            h.append("</ol>\n</section>\n");
        }
        if (!backMatter.isEmpty()) {
            h.append("<section class=\"part back-matter\">\n<p class=\"part-title\">Back matter</p>\n<ol>\n");
            for (Link l : backMatter) {
                h.append("<li><a href=\"").append(root).append(esc(l.href())).append("\"")
                        .append(l.href().equals(current + ".html") ? " aria-current=\"page\"" : "").append(">")
                        .append(esc(l.label())).append("</a></li>\n");
            }
            h.append("</ol>\n</section>\n");
        }
        h.append("</nav>\n");
    }

    private final java.util.Map<String, String> titles = new java.util.HashMap<>();

    /** Records the real title of a written chapter, for the navigation. */
    void title(String slug, String text) {
        titles.put(slug, text);
    }

    String titleOf(Book.Chapter c) {
        return titles.getOrDefault(c.slug(), c.provisionalTitle());
    }

    private static void toc(StringBuilder h, List<TocEntry> entries) {
        h.append("<ul>\n");
        for (TocEntry e : entries) {
            h.append("<li><a href=\"#").append(esc(e.id())).append("\">").append(e.titleHtml()).append("</a>");
            if (!e.children().isEmpty()) {
                toc(h, e.children());
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    static String esc(String s) {
        return Entities.escape(s);
    }
}
