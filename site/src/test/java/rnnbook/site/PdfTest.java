package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./book pdf}'s printer on the built site: the PDF has every chapter, by its title, in its outline, the
 * chapters start on increasing pages (the named destinations the contents link to). About half a minute.
 */
class PdfTest {
    private static final Pattern OUTLINE_TITLE = Pattern.compile("/Title (\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f]+>)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theBookPrintsWithEveryChapterAndItsPage() throws IOException {
        Path site = SiteFiles.site();
        Book book = Book.read(SiteFiles.concepts());
        List<String> slugs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Book.Chapter c : book.chapters()) {
            Path page = site.resolve(c.page());
            if (Files.exists(page)) {
                slugs.add(c.slug());
                titles.add(Jsoup.parse(page.toFile()).selectFirst(".page-header h1").text());
            }
        }
        assertTrue(!slugs.isEmpty(), "no chapter in the site");
        Path pdf = dir.resolve("book.pdf");
        int pages = Pdf.print(site, pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "not a PDF");
        assertTrue(pages > slugs.size(), "only " + pages + " pages for " + slugs.size() + " chapters");

        List<String> outline = outlineTitles(bytes);
        for (String t : titles) {
            assertTrue(outline.contains(t), "chapter \"" + t + "\" is not in the PDF's outline " + outline);
        }
        Map<String, Integer> at = Pdf.destinationPages(bytes);
        int previous = 1; // the cover
        for (String slug : slugs) {
            Integer p = at.get(slug);
            assertTrue(p != null && p > previous, "chapter " + slug + " starts on page " + p + ", after page " + previous);
            previous = p;
        }
        assertEquals(pages, Pdf.countPages(bytes));
    }

    /** The outline's titles, literal or UTF-16 hex strings. */
    static List<String> outlineTitles(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = OUTLINE_TITLE.matcher(s);
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            String raw = m.group(1);
            if (raw.startsWith("<")) {
                byte[] b = HexFormat.of().parseHex(raw.substring(1, raw.length() - 1));
                titles.add(b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF
                        ? new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE)
                        : new String(b, StandardCharsets.ISO_8859_1));
            } else {
                titles.add(raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1"));
            }
        }
        return titles;
    }
}
