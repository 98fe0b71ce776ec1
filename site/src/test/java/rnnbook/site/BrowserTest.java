package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Reads the built site in a real browser (Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver, both given by path so Selenium Manager never downloads anything). Every page: no console errors
 * or warnings, every same-site link, image, stylesheet and script resolves (anchors included), images decode, math
 * is typeset by KaTeX and none is left raw. Remote hosts do not resolve in this browser, so a page that reaches for
 * a CDN fails. Search is tested from {@code file://}, where the book must work too. A screenshot of every page is
 * kept in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]+");

    /**
     * Selenium looks for a devtools (CDP) module matching the browser and warns when it finds none; this test
     * speaks plain WebDriver only, so those two loggers are silenced (held here so they are not collected).
     */
    private static final java.util.logging.Logger[] QUIET = {
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium")};

    private Path site;
    private Serve server;
    private ChromeDriver driver;
    private final Map<Path, Set<String>> idsByPage = new HashMap<>();
    private String axe;
    /** axe-core's findings of every impact, over all pages and both passes, for the summary line. */
    private final Map<String, Integer> axeCounts = new java.util.TreeMap<>();

    @BeforeAll
    void start() throws IOException {
        site = SiteFiles.site();
        for (java.util.logging.Logger l : QUIET) {
            l.setLevel(Level.SEVERE);
        }
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(Path.of(exe)), exe + " is missing: install Debian's chromium and "
                    + "chromium-driver (./book setup does)");
        }
        server = new Serve(site, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("rnnbook-chromium-");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000",
                // any host but ours fails to resolve: a page that needs the network fails the test
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        try {
            axe = AxeCore.script();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching axe-core", e);
        }
    }

    @AfterAll
    void stop() {
        System.out.println("axe-core " + System.getProperty("axe-core.version") + " findings (elements, by impact "
                + "and rule, all pages and passes): " + axeCounts);
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageLoadsCleanly() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages = pages();
        assertTrue(pages.size() >= 2, "expected the landing page and chapters, found " + pages);
        Files.createDirectories(SiteFiles.screenshots());
        int formulas = 0;
        for (Path page : pages) {
            String rel = site.relativize(page).toString().replace(File.separatorChar, '/');
            driver.get(server.url() + rel);
            problems.addAll(links(rel));
            problems.addAll(images(rel));
            formulas += math(rel, problems);
            screenshot(rel);
            problems.addAll(axe(rel + " (desktop, light)"));
            problems.addAll(console(rel)); // last: resizing for the screenshot may load more of the page
        }
        assertTrue(formulas > 0, "no typeset formula anywhere in the site");
        assertEquals(List.of(), problems, "problems found while reading the site");
    }

    /**
     * The first three elements that reach past a 390 px phone's screen outside any box that scrolls or clips them:
     * the ones that widen the page (elements inside a scroll box reach past it too, but harmlessly).
     */
    private String widerThanPhone() {
        return (String) js("""
                const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {
                    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true; }
                  return false; };
                return Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > 391 && !clipped(e))
                  .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '')
                    .trim().slice(0, 60)).join(' | ');""");
    }

    /**
     * Every page at a phone's width (390 CSS px) in dark mode: nothing makes the document wider than the screen
     * (tables and code scroll inside their own box), nothing reaches past the screen's right edge outside a scroll box
     * and no box cuts off what it holds (display math scrolls), every figure takes at least 90% of the text's
     * width, the chapter list is folded behind its button, inline math
     * never leaves its full stop for the next line, and axe-core finds nothing serious.
     */
    @Test
    void everyPageFitsAPhoneInDarkMode() throws IOException {
        List<String> problems = new ArrayList<>();
        Files.createDirectories(SiteFiles.screenshots());
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            for (Path page : pages()) {
                String rel = site.relativize(page).toString().replace(File.separatorChar, '/');
                driver.get(server.url() + rel);
                long inner = (Long) js("return window.innerWidth;");
                long width = (Long) js("return document.documentElement.scrollWidth;");
                if (inner != 390) {
                    // a phone browser widens its layout viewport to fit content wider than the screen
                    problems.add(rel + ": at 390 px the page widens the phone's layout to " + inner + " px; widest: "
                            + widerThanPhone());
                } else if (width > inner) {
                    problems.add(rel + ": at 390 px the page is " + width + " px wide; widest: " + widerThanPhone());
                }
                if (!rel.equals(PrintBook.FILE)) {
                    boolean navShown = (Boolean) js("return getComputedStyle(document.getElementById('book-nav')).display !== 'none';");
                    if (navShown) {
                        problems.add(rel + ": the chapter list is not folded on a phone");
                    }
                }
                String cut = (String) js("""
                          const vw = window.innerWidth, bad = [];
                          const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                          const scrolls = e => /^(auto|scroll)$/.test(getComputedStyle(e).overflowX);
                          for (const e of document.querySelectorAll('#main *')) {
                            if (e.closest('.katex-mathml, .katex svg')) continue;
                            const s = getComputedStyle(e);
                            if (!e.closest('.katex') || e.classList.contains('katex-display')) {
                              if (/^(hidden|clip)$/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) bad.push(name(e) + ' cuts off its content');
                            }
                            const r = e.getBoundingClientRect();
                            if (r.width === 0 || r.right <= vw + 1) continue;
                            let p = e.parentElement;
                            while (p && !scrolls(p)) p = p.parentElement;
                            if (!p || p.getBoundingClientRect().right > vw + 1) bad.push(name(e) + ' reaches ' + Math.round(r.right) + ' px');
                          }
                          const content = document.getElementById('content');
                          if (content) {
                            const width = content.clientWidth;
                            for (const img of content.querySelectorAll('.imageblock img')) {
                              const w = img.getBoundingClientRect().width;
                              if (w < 0.9 * width) bad.push('figure ' + img.getAttribute('src') + ' is ' + Math.round(w) + ' px of ' + width);
                            }
                          }
                          return [...new Set(bad)].slice(0, 4).join('; ');
                        """);
                if (!cut.isEmpty()) {
                    problems.add(rel + ": at 390 px something is cut off, sticks out of the screen or is shrunk: " + cut);
                }
                String split = (String) js("""
                        const bad = [];
                        for (const k of document.querySelectorAll('#content p .katex')) {
                          if (k.closest('.katex-display')) continue;
                          let t = k.nextSibling;
                          if (!t || t.nodeType !== Node.TEXT_NODE || !/^[.,;:]/.test(t.textContent)) continue;
                          const r = document.createRange();
                          r.setStart(t, 0); r.setEnd(t, 1);
                          const p = r.getBoundingClientRect();
                          const rects = k.getClientRects();
                          const last = rects[rects.length - 1];
                          if (p.top >= last.bottom || p.bottom <= last.top) bad.push(k.textContent + t.textContent.slice(0, 12));
                        }
                        return bad.slice(0, 3).join(' | ');""");
                if (!split.isEmpty()) {
                    problems.add(rel + ": a line starts with the punctuation after a formula: " + split);
                }
                phoneScreenshot(rel);
                problems.addAll(axe(rel + " (phone, dark)"));
                problems.addAll(console(rel + " (phone)"));
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertEquals(List.of(), problems, "problems on a phone");
    }

    private void phoneScreenshot(String page) throws IOException {
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                "height", (int) Math.min(Math.max(height, 844), 16_000), "deviceScaleFactor", 1, "mobile", true));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SiteFiles.screenshots().resolve("phone-dark_" + page.replace('/', '_').replaceFirst("\\.html$", ".png")), png);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** Runs axe-core on the loaded page; its serious and critical violations are problems, all are counted. */
    @SuppressWarnings("unchecked")
    private List<String> axe(String where) {
        js(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'none', help: v.help,
                      nodes: v.nodes.length, where: v.nodes.slice(0, 2).map(n => n.target.join(' ')).join('; ')}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0, where: ''}]));""");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String impact = (String) v.get("impact");
            axeCounts.merge(impact + " " + v.get("id"), ((Number) v.get("nodes")).intValue(), Integer::sum);
            if (impact.equals("serious") || impact.equals("critical")) {
                problems.add(where + ": axe-core " + impact + " " + v.get("id") + " (" + v.get("help") + ") at "
                        + v.get("nodes") + " element(s), e.g. " + v.get("where"));
            }
        }
        return problems;
    }

    /** Console messages at warning level or above, since the last call. */
    private List<String> console(String page) {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(page + ": console " + e.getLevel() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private List<String> links(String page) throws IOException {
        List<String> problems = new ArrayList<>();
        List<List<String>> refs = (List<List<String>>) js("""
                return Array.from(document.querySelectorAll('a[href], img[src], link[href], script[src]')).map(e =>
                    [e.tagName.toLowerCase(), e.getAttribute('href') || e.getAttribute('src'), e.href || e.src]);""");
        for (List<String> ref : refs) {
            String tag = ref.get(0);
            String raw = ref.get(1);
            URI uri = URI.create(ref.get(2));
            boolean local = "127.0.0.1".equals(uri.getHost()) && uri.getPort() == server.port();
            if (!local) {
                // a link may point to a paper or a library elsewhere; nothing the page loads may come from elsewhere
                if (!tag.equals("a") || !(raw.startsWith("https://") || raw.startsWith("http://") || raw.startsWith("mailto:"))) {
                    problems.add(page + ": <" + tag + "> refers outside the site: " + raw);
                }
                continue;
            }
            String path = uri.getPath().replaceFirst("^/", "");
            Path target = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (Files.isDirectory(target)) {
                target = target.resolve("index.html");
            }
            if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                problems.add(page + ": broken <" + tag + "> " + raw);
                continue;
            }
            String fragment = uri.getFragment();
            if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")
                    && !ids(target).contains(fragment)) {
                problems.add(page + ": <" + tag + "> " + raw + " names an anchor that " + site.relativize(target)
                        + " does not have");
            }
        }
        return problems;
    }

    private Set<String> ids(Path html) throws IOException {
        Set<String> ids = idsByPage.get(html);
        if (ids == null) {
            ids = new HashSet<>();
            for (Element e : Jsoup.parse(html.toFile()).select("[id]")) {
                ids.add(e.id());
            }
            idsByPage.put(html, ids);
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private List<String> images(String page) {
        List<String> broken = (List<String>) js("""
                return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)
                    .map(i => i.getAttribute('src'));""");
        return broken.stream().map(src -> page + ": image does not display: " + src).toList();
    }

    /** Checks the page's math and returns how many formulas it typesets. */
    private int math(String page, List<String> problems) throws IOException {
        long katex = (Long) js("return document.querySelectorAll('#content .katex').length;");
        long errors = (Long) js("return document.querySelectorAll('.katex-error').length;");
        String raw = (String) js("""
                const c = document.getElementById('content').cloneNode(true);
                c.querySelectorAll('pre, code, .katex').forEach(e => e.remove());
                const m = c.textContent.match(/\\\\[(\\[][^]{0,40}/);
                return m ? m[0] : '';""");
        if (errors > 0) {
            problems.add(page + ": " + errors + " formula(s) KaTeX could not typeset");
        }
        if (!raw.isEmpty()) {
            problems.add(page + ": math left as raw TeX: " + raw);
        }
        if (katex == 0 && hasMathSource(page)) {
            problems.add(page + ": its source has math but the page shows no typeset formula");
        }
        return (int) katex;
    }

    private static boolean hasMathSource(String page) throws IOException {
        Path adoc = page.equals("index.html") ? SiteFiles.repo().resolve("site/src/docs/index.adoc")
                : SiteFiles.docs().resolve(page.replaceFirst("\\.html$", ".adoc"));
        if (!Files.exists(adoc)) {
            return false;
        }
        String s = Files.readString(adoc);
        return s.contains("stem:[") || s.contains("latexmath:[") || s.contains("[stem]") || s.contains("[latexmath]");
    }

    private void screenshot(String page) throws IOException {
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 800), 16_000)));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SiteFiles.screenshots().resolve(page.replace('/', '_').replaceFirst("\\.html$", ".png")), png);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    /**
     * The reading aids on a chapter page: the search index is not loaded until the box is used, and then shows
     * the match highlighted with no raw TeX; every listing has a copy button; headings have permalinks; the
     * section being read is marked in the contents; a figure opens full size over the page.
     */
    @Test
    @SuppressWarnings("unchecked")
    void readingAidsWork() {
        String chapter = "02-the-cell.html";
        driver.get(server.url() + chapter);
        assertEquals(Boolean.TRUE, js("return window.rnnbookSearch === undefined && window.lunr === undefined;"),
                "the search index loads with the page instead of on first use");
        long listings = (Long) js("return document.querySelectorAll('#content .listingblock pre').length;");
        long buttons = (Long) js("return document.querySelectorAll('#content .copy-button').length;");
        assertTrue(listings > 0 && buttons >= listings, listings + " listings but " + buttons + " copy buttons");
        assertEquals(Boolean.TRUE, js("""
                return Array.from(document.querySelectorAll('#content h2[id]'))
                  .every(h => h.querySelector('a.permalink') && h.querySelector('a.permalink').getAttribute('href') === '#' + h.id);"""),
                "a section heading has no permalink to itself");
        // scroll the third section's heading to the top: its entry in the contents is marked
        String marked = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const h = document.querySelectorAll('#content .sect1 > h2[id]')[2];
                h.scrollIntoView();
                setTimeout(() => {
                  const a = document.querySelector('.page-toc a[aria-current="location"]');
                  done(a ? a.getAttribute('href') + ' for #' + h.id : 'none for #' + h.id);
                }, 300);""");
        assertTrue(marked.matches("#(\\S+) for #\\1"), "the contents mark the wrong section: " + marked);
        // a figure opens full size in a dialog
        assertEquals(Boolean.TRUE, js("""
                const a = document.querySelector('#content a.figure-zoom');
                a.scrollIntoView();
                a.click();
                const d = document.querySelector('dialog.figure-viewer');
                const ok = d && d.open && d.querySelector('img').getAttribute('src') === a.getAttribute('href');
                if (d) d.close();
                return !!ok;"""), "clicking a figure does not open it full size");
        // search: the match is marked in an excerpt around it, and the excerpt holds no TeX
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("hidden state");
        List<String> excerpts = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const list = document.getElementById('search-results');
                (function poll() {
                  if (!list.hidden) {
                    done(Array.from(list.querySelectorAll('.result-excerpt')).map(e => e.innerHTML));
                  } else {
                    setTimeout(poll, 20);
                  }
                })();""");
        assertFalse(excerpts.isEmpty(), "no search results for 'hidden state'");
        for (String e : excerpts) {
            assertTrue(e.toLowerCase().contains("<mark>hidden</mark>") || e.toLowerCase().contains("<mark>state"),
                    "an excerpt does not show the match: " + e);
            assertFalse(e.contains("\\(") || e.contains("\\["), "an excerpt shows raw TeX: " + e);
        }
        assertEquals(List.of(), console(chapter + " (reading aids)"));
    }

    /** Search works offline from file:// and finds, for each chapter, its concept sections by their titles. */
    @Test
    void searchFindsTheChapterFromFileUrls() throws IOException {
        Book book = Book.read(SiteFiles.concepts());
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (Book.Chapter c : book.chapters()) {
            Path page = site.resolve(c.page());
            if (!Files.exists(page)) {
                continue;
            }
            for (String id : c.ids()) {
                Element heading = Jsoup.parse(page.toFile()).getElementById("c-" + id);
                if (heading == null) {
                    continue; // the coverage test reports it
                }
                Element title = heading.clone();
                title.select("a.permalink").remove(); // the "#" link is not part of the title
                String query = title.text();
                List<String> hits = search(query);
                queries++;
                if (hits.isEmpty() || !hits.get(0).startsWith(c.page())) {
                    problems.add("search for \"" + query + "\" should lead to " + c.page() + "#c-" + id
                            + " first, got " + hits.subList(0, Math.min(3, hits.size())));
                }
            }
        }
        assertTrue(queries > 0, "no chapter section to search for");
        Files.createDirectories(SiteFiles.screenshots()); // the last query's results, for people to look at
        Files.write(SiteFiles.screenshots().resolve("search.png"), driver.getScreenshotAs(OutputType.BYTES));
        problems.addAll(console("search"));
        assertEquals(List.of(), problems);
    }

    /** Every audio player (chapter 13's generated melody) plays a local file that loads and has a duration. */
    @Test
    void audioPlayersLoadTheirLocalFileWithAPositiveDuration() throws IOException {
        List<String> problems = new ArrayList<>();
        int players = 0;
        for (Path page : pages()) {
            org.jsoup.select.Elements audio = Jsoup.parse(page.toFile()).select("audio");
            if (audio.isEmpty()) {
                continue;
            }
            String rel = site.relativize(page).toString();
            driver.get(server.url() + rel);
            for (int i = 0; i < audio.size(); i++) {
                players++;
                String src = audio.get(i).attr("src");
                if (!audio.get(i).hasAttr("controls") || src.isEmpty() || src.matches("(?i)^[a-z]+:.*")) {
                    problems.add(rel + ": audio " + src + " is not a local file with controls");
                    continue;
                }
                Object duration = driver.executeAsyncScript("""
                        const a = document.querySelectorAll('audio')[arguments[0]], done = arguments[1];
                        const report = () => done(a.error ? 'error ' + a.error.code : a.duration);
                        if (a.readyState >= 1 || a.error) { report(); return; }
                        a.addEventListener('loadedmetadata', report);
                        a.addEventListener('error', report);
                        a.preload = 'metadata'; a.load();
                        """, i);
                if (!(duration instanceof Number d) || !(d.doubleValue() > 0) || d.doubleValue() == Double.POSITIVE_INFINITY) {
                    problems.add(rel + ": audio " + src + " did not load a positive duration: " + duration);
                }
            }
        }
        assertEquals(List.of(), problems);
        if (Files.exists(site.resolve("13-generation.html"))) {
            assertTrue(players > 0, "13-generation.html has no audio player for its generated melody");
        }
    }

    /** Korean text is on the pages, in a font that has Hangul, and search finds it. */
    @Test
    void koreanTextIsShownAndFound() throws IOException {
        Path found = null;
        String word = null;
        for (Path page : pages()) {
            Element content = Jsoup.parse(page.toFile()).getElementById("content");
            if (content == null) {
                continue;
            }
            content.select("pre, code").remove();
            Matcher m = HANGUL.matcher(content.text());
            while (m.find()) {
                if (m.group().length() >= 2) {
                    found = page;
                    word = m.group();
                    break;
                }
            }
            if (found != null) {
                break;
            }
        }
        assertTrue(found != null, "no Korean text in the prose of any page (the book keeps the Korean examples)");
        // the concept map's worked example: the long-dependency sentence "나는 한국 사람이야 … 나는 한국어를 잘해"
        Path gradients = site.resolve("04-gradients.html");
        if (Files.exists(gradients)) {
            Element section = Jsoup.parse(gradients.toFile()).getElementById("c-long-term-dependency");
            assertTrue(section != null && section.parent().text().contains("한국어"),
                    "the long-term dependency section of 04-gradients shows no Korean example sentence");
        }
        String rel = site.relativize(found).toString();
        driver.get(server.url() + rel);
        String family = (String) js("""
                const walker = document.createTreeWalker(document.getElementById('content'), NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  if (walker.currentNode.textContent.includes(arguments[0])) {
                    return getComputedStyle(walker.currentNode.parentElement).fontFamily;
                  }
                }
                return '';""", word);
        assertTrue(family.contains("CJK KR"), "Korean text " + word + " on " + rel + " is set in " + family
                + ", which names no Korean font");
        assertTrue(fontInstalled(), "no Korean font installed for the browser: install Debian's fonts-noto-cjk");
        List<String> hits = search(word);
        assertFalse(hits.isEmpty(), "search for the Korean word " + word + " found nothing");
        String target = hits.get(0).replaceFirst("#.*", "");
        assertTrue(Files.readString(site.resolve(target)).contains(word), "search for " + word + " led to " + target
                + ", which does not contain it");
        assertEquals(List.of(), console(rel + " (Korean)"));
    }

    private static boolean fontInstalled() throws IOException {
        Process p = new ProcessBuilder("fc-list", ":lang=ko", "family").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return out.contains("CJK KR");
    }

    /** Types a query into the search box of the landing page opened from file://; returns the result links. */
    @SuppressWarnings("unchecked")
    private List<String> search(String query) {
        driver.get(site.resolve("index.html").toUri().toString());
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(query);
        // the first query loads lunr and the index (search.js loads them on first use): wait for the results list
        List<String> hrefs = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const list = document.getElementById('search-results');
                const started = Date.now();
                (function poll() {
                  if (!list.hidden) {
                    done(Array.from(list.querySelectorAll('a')).map(a => a.getAttribute('href')));
                  } else if (Date.now() - started > 15000) {
                    done(null);
                  } else {
                    setTimeout(poll, 20);
                  }
                })();""");
        assertTrue(hrefs != null, "search for \"" + query + "\" showed no result list within 15 s");
        return hrefs;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
