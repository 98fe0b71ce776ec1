package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built site stays light enough for a phone on a slow connection, and its figures are real figures: every
 * figure file at most {@value #FIGURE_BYTES} bytes, every chapter page with everything it loads at most
 * {@value #PAGE_BYTES} bytes, and each figure's SVG writes its labels as text and carries the page's caption and
 * alt text.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PageWeightTest {
    static final long FIGURE_BYTES = 150 * 1024;
    /**
     * A sound is no picture: the JDK writes only uncompressed WAV (32 KB a second at 16 kHz, 16-bit, mono), and a
     * player fetches it when pressed, not with the page; a melody of half a minute at most.
     */
    static final long AUDIO_BYTES = 1024 * 1024;
    static final long PAGE_BYTES = 1536 * 1024;
    private static final Pattern CSS_URL = Pattern.compile("url\\(['\"]?([^'\")]+)['\"]?\\)");

    private final Path site = SiteFiles.site();

    @Test
    void everyFigureFitsTheBudget() throws IOException {
        List<String> heavy = new ArrayList<>();
        try (Stream<Path> files = Files.list(site.resolve("figures"))) {
            for (Path f : files.toList()) {
                long budget = f.getFileName().toString().endsWith(".wav") ? AUDIO_BYTES : FIGURE_BYTES;
                if (Files.size(f) > budget) {
                    heavy.add(f.getFileName() + ": " + Files.size(f) / 1024 + " KB");
                }
            }
        }
        assertEquals(List.of(), heavy, "figures over " + FIGURE_BYTES / 1024 + " KB (sounds over "
                + AUDIO_BYTES / 1024 + " KB)");
    }

    /**
     * A page's weight: the HTML, its images, scripts and stylesheets, and every file those stylesheets refer to
     * (all of KaTeX's fonts, although a browser fetches only the ones a page's formulas use: an upper bound).
     */
    @Test
    void everyChapterPageWithItsAssetsFitsTheBudget() throws IOException {
        List<String> heavy = new ArrayList<>();
        List<Path> chapters = chapterPages();
        assertFalse(chapters.isEmpty(), "no chapter pages in " + site);
        for (Path page : chapters) {
            Set<Path> loads = new LinkedHashSet<>();
            loads.add(page);
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element e : doc.select("img[src], script[src], link[rel=stylesheet][href]")) {
                Path p = local(page, e.hasAttr("src") ? e.attr("src") : e.attr("href"));
                if (p != null && loads.add(p) && p.toString().endsWith(".css")) {
                    Matcher m = CSS_URL.matcher(Files.readString(p));
                    while (m.find()) {
                        Path ref = local(p, m.group(1));
                        if (ref != null) {
                            loads.add(ref);
                        }
                    }
                }
            }
            long bytes = 0;
            for (Path p : loads) {
                bytes += Files.size(p);
            }
            if (bytes > PAGE_BYTES) {
                heavy.add(site.relativize(page) + ": " + bytes / 1024 + " KB in " + loads.size() + " files");
            }
        }
        assertEquals(List.of(), heavy, "chapter pages over " + PAGE_BYTES / 1024 + " KB with their assets");
    }

    @Test
    void figuresWriteTextAndCarryTheirCaption() throws IOException {
        List<String> problems = new ArrayList<>();
        int figures = 0;
        for (Path page : chapterPages()) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element block : doc.select("div.imageblock")) {
                Element img = block.selectFirst("img");
                Element caption = block.selectFirst("div.title");
                String where = site.relativize(page) + " " + (img == null ? "?" : img.attr("src"));
                if (img == null || caption == null || !caption.text().matches("Figure \\d+\\.\\d+\\. .{20,}")) {
                    problems.add(where + ": no numbered caption (\"Figure C.N. what to see\")");
                    continue;
                }
                if (img.attr("alt").length() < 40) {
                    problems.add(where + ": alt text too short to describe a chart: '" + img.attr("alt") + "'");
                }
                Path svg = local(page, img.attr("src"));
                if (svg == null || !svg.toString().endsWith(".svg")) {
                    continue;
                }
                figures++;
                Document d = Jsoup.parse(Files.readString(svg), "", org.jsoup.parser.Parser.xmlParser());
                if (d.select("text").size() < 3) {
                    problems.add(where + ": labels are not written as <text>");
                }
                Element title = d.selectFirst("svg > title");
                Element desc = d.selectFirst("svg > desc");
                if (title == null || !title.text().equals(caption.text())) {
                    problems.add(where + ": <title> is not the caption: " + (title == null ? "none" : title.text()));
                }
                if (desc == null || !desc.text().equals(img.attr("alt"))) {
                    problems.add(where + ": <desc> is not the alt text");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertFalse(figures == 0, "no SVG figures on any chapter page");
    }

    private List<Path> chapterPages() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{2}-.*\\.html")).sorted().toList();
        }
    }

    /** The file a relative URL in {@code from} names, or null for other sites, data URLs and missing files. */
    private static Path local(Path from, String url) {
        if (url.isEmpty() || url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//")) {
            return null;
        }
        String path = url.replaceAll("[?#].*$", "");
        Path p = from.getParent().resolve(path).normalize();
        return Files.isRegularFile(p) ? p : null;
    }
}
