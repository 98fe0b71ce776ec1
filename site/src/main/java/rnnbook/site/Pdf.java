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
            byte[] pdf = Base64.getDecoder().decode((String) result.get("data"));
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
