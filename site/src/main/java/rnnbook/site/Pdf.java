package rnnbook.site;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The book as one PDF ({@code ./book pdf}): Debian's headless Chromium opens the built site's one-page book
 * ({@link PrintBook}, styled by the print stylesheet) and prints it through DevTools' {@code Page.printToPDF}, with
 * page numbers in the footer and the chapters and sections as the PDF's outline (bookmarks).
 *
 * <p>Usage: {@code Pdf SITE_DIR OUT.pdf}.
 */
public final class Pdf {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Selenium's CDP-version loggers warn that no devtools module matches; this speaks CDP through chromedriver. */
    private static final Logger[] QUIET = {Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium")};

    private Pdf() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Pdf SITE_DIR OUT.pdf");
            System.exit(2);
        }
        Path site = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        long start = System.nanoTime();
        int pages = print(site, out);
        System.out.printf("%s: %d pages, %d KB, in %.1f s%n", out, pages, Files.size(out) / 1024,
                (System.nanoTime() - start) / 1e9);
    }

    /** Prints {@code site/book.html} to {@code out} (written atomically); returns the number of pages. */
    static int print(Path site, Path out) throws IOException {
        Path book = site.resolve(PrintBook.FILE);
        if (!Files.exists(book)) {
            throw new IllegalArgumentException("no " + book + ": build the site first (./book pdf does)");
        }
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new IllegalStateException(exe + " is missing: install Debian's chromium and chromium-driver "
                        + "(./book setup does)");
            }
        }
        for (Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
        Path profile = Files.createTempDirectory("rnnbook-pdf-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND"); // the book needs no network
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.get(book.toUri().toString());
            // every font (KaTeX's, the CJK face) and every figure in place before printing
            ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Promise.all([document.fonts.ready].concat(Array.from(document.images).map(i => i.decode().catch(() => null))))
                      .then(() => done(true));""");
            // print, read on which page every chapter and section landed (the PDF's named destinations), write
            // those numbers into the contents and print again; the numbers sit on lines of their own width, so the
            // second print paginates like the first (checked: a third round runs if it did not)
            byte[] pdf = printOnce(driver);
            for (int round = 0; round < 2; round++) {
                Map<String, Integer> pages = destinationPages(pdf);
                ((JavascriptExecutor) driver).executeScript("""
                        const pages = arguments[0];
                        document.querySelectorAll('.book-toc a[href^="#"]').forEach(a => {
                          const n = pages[a.getAttribute('href').substring(1)];
                          let span = a.querySelector('.toc-page');
                          if (!span) {
                            span = document.createElement('span');
                            span.className = 'toc-page';
                            a.appendChild(span);
                          }
                          span.textContent = n === undefined ? '' : String(n);
                        });""", pages);
                byte[] again = printOnce(driver);
                boolean stable = destinationPages(again).equals(pages);
                pdf = again;
                if (stable) {
                    break;
                }
            }
            Files.createDirectories(out.getParent());
            Path tmp = Files.createTempFile(out.getParent(), ".rnnbook-", ".pdf.tmp");
            Files.write(tmp, pdf);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return countPages(pdf);
        } finally {
            driver.quit();
            SiteBuilder.deleteTree(profile);
        }
    }

    private static byte[] printOnce(ChromeDriver driver) {
        String footer = "<div style=\"font: 8px sans-serif; color: #444; width: 100%; padding: 0 16mm; "
                + "display: flex; justify-content: space-between;\"><span class=\"title\"></span>"
                + "<span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";
        Map<String, Object> result = driver.executeCdpCommand("Page.printToPDF", Map.ofEntries(
                Map.entry("printBackground", true),
                Map.entry("preferCSSPageSize", true),
                Map.entry("displayHeaderFooter", true),
                Map.entry("headerTemplate", "<div></div>"),
                Map.entry("footerTemplate", footer),
                Map.entry("generateDocumentOutline", true),
                Map.entry("generateTaggedPDF", true)));
        return Base64.getDecoder().decode((String) result.get("data"));
    }

    /**
     * The page number (from 1) of every named destination of a PDF as Chromium writes it: the catalog's
     * {@code /Dests} dictionary maps each element id to {@code [PAGE 0 R /XYZ ...]}, and the page tree under
     * {@code /Pages} gives the pages' order.
     */
    static Map<String, Integer> destinationPages(byte[] pdf) {
        String s = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher catalog = java.util.regex.Pattern.compile(
                "/Type /Catalog[^>]*?/Pages (\\d+) 0 R[^>]*?/Dests (\\d+) 0 R").matcher(s);
        if (!catalog.find()) {
            throw new IllegalStateException("the PDF has no page tree and named destinations where Chromium puts them");
        }
        List<String> order = new java.util.ArrayList<>();
        pagesUnder(s, catalog.group(1), order);
        Map<String, Integer> pageOf = new java.util.HashMap<>();
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("/([^\\s\\[/]+) \\[(\\d+) 0 R")
                .matcher(object(s, catalog.group(2)));
        while (d.find()) {
            int at = order.indexOf(d.group(2));
            if (at >= 0) {
                pageOf.put(d.group(1), at + 1);
            }
        }
        return pageOf;
    }

    private static void pagesUnder(String pdf, String node, List<String> order) {
        String obj = object(pdf, node);
        if (!obj.contains("/Type /Pages")) {
            order.add(node);
            return;
        }
        java.util.regex.Matcher kids = java.util.regex.Pattern.compile("/Kids \\[([^\\]]*)\\]").matcher(obj);
        if (kids.find()) {
            java.util.regex.Matcher ref = java.util.regex.Pattern.compile("(\\d+) 0 R").matcher(kids.group(1));
            while (ref.find()) {
                pagesUnder(pdf, ref.group(1), order);
            }
        }
    }

    /** The text of object {@code n 0 obj ... endobj} (dictionaries only are read from it). */
    private static String object(String pdf, String n) {
        int start = pdf.indexOf("\n" + n + " 0 obj");
        if (start < 0) {
            throw new IllegalStateException("object " + n + " is missing from the PDF");
        }
        int end = pdf.indexOf("endobj", start);
        return pdf.substring(start, end);
    }

    /** Pages of a PDF: its "/Type /Page" objects (not "/Pages"), enough for Chromium's uncompressed page tree. */
    static int countPages(byte[] pdf) {
        String s = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
