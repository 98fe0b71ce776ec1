package rnnbook.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import rnnbook.chapters.BuildFigures;

/**
 * Builds the website into one folder: draws the figures (by running every chapter program), renders the landing
 * page and every chapter page that exists, pre-renders the math with KaTeX, builds the search index, and copies the
 * theme, KaTeX's stylesheet and fonts, and lunr. The result needs no network and no server: it also works from
 * {@code file://}.
 *
 * <p>Usage: {@code SiteBuilder --out=DIR --figures=DIR --work=DIR --docs=DIR --sourcedir=DIR --landing=FILE
 * --concepts=FILE --repo=DIR --katex=VERSION --lunr=VERSION}.
 */
public final class SiteBuilder {
    private static final Pattern MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);

    private final Map<String, String> args;
    private final Path out;
    private final Book book;

    private SiteBuilder(Map<String, String> args) {
        this.args = args;
        this.out = path("out");
        this.book = Book.read(path("concepts"));
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments look like --name=value, got: " + a);
            }
            args.put(a.substring(2, eq), a.substring(eq + 1));
        }
        long start = System.nanoTime();
        new SiteBuilder(args).build();
        System.out.printf("site built in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, args.get("out"));
    }

    private Path path(String name) {
        String v = args.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing argument --" + name + "=...");
        }
        return Path.of(v).toAbsolutePath().normalize();
    }

    /** What a page is; only the landing page and the chapters are in the reading order and the search. */
    private enum Kind { LANDING, CHAPTER, NOTEBOOK, EXERCISES }

    /**
     * A page to render: its kind, its source, its chapter (null for the landing page) and where it goes, relative
     * to the top of the site.
     */
    private record Source(Kind kind, Path file, Book.Chapter chapter, String out) {
        String slug() {
            return chapter == null ? "index" : chapter.slug();
        }

        /** From the page's folder back to the top of the site. */
        String root() {
            return "../".repeat((int) out.chars().filter(ch -> ch == '/').count());
        }
    }

    /** A page between rendering and writing. */
    private static final class Built {
        Source source;
        String titleText;
        String titleHtml;
        Document body;
    }

    void build() throws IOException {
        Path figures = path("figures");
        Path work = path("work");
        long t0 = System.nanoTime();
        // the chapter programs train networks: they get a JVM of their own with the full JIT, running while this
        // one (started for quick start-up, see the pom) gets Asciidoctor ready
        Process figureRun = startFigures(figures);
        try {
            build(figures, work, figureRun, t0);
        } finally {
            if (figureRun.isAlive()) { // the build failed before it waited for them
                figureRun.destroyForcibly();
            }
        }
    }

    private void build(Path figures, Path work, Process figureRun, long t0) throws IOException {
        deleteTree(out);
        Files.createDirectories(out);
        copyAssets();

        List<Source> sources = new ArrayList<>();
        sources.add(new Source(Kind.LANDING, path("landing"), null, "index.html"));
        Path docs = path("docs");
        for (Book.Chapter c : book.chapters()) {
            Path adoc = docs.resolve(c.slug() + ".adoc");
            if (Files.exists(adoc)) {
                sources.add(new Source(Kind.CHAPTER, adoc, c, c.page()));
            }
        }
        checkNoStrayPages(docs);

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sourcedir", path("sourcedir").toString());
        attributes.put("figuresdir", figures.toString());
        attributes.put("imagesdir", "figures");
        List<Built> pages = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        long t1 = System.nanoTime();
        try (Asciidoc asciidoc = new Asciidoc(attributes)) {
            // Asciidoctor's own default stylesheet (from the gem inside AsciidoctorJ) is the base of the theme
            copyResource("gems/asciidoctor-" + asciidoc.version() + "/data/stylesheets/asciidoctor-default.css",
                    out.resolve("assets/asciidoctor.css"));
            System.out.printf("asciidoctor ready in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            waitFor(figureRun, figures);
            System.out.printf("figures ready after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            copyFigures(figures);
            for (Source s : sources) {
                Built b = render(asciidoc, s);
                pages.add(b);
                if (s.kind() == Kind.CHAPTER) {
                    Captions.number(b.body, s.chapter().number());
                    Captions.describeFigures(b.body, out.resolve("figures"));
                    written.add(s.slug());
                    titles.put(s.slug(), b.titleText);
                }
            }
            for (Source s : companionPages(work, written, titles)) {
                pages.add(render(asciidoc, s));
            }
        }
        System.out.printf("asciidoc: %d page(s), %.1f s%n", pages.size(), (System.nanoTime() - t1) / 1e9);

        Layout layout = new Layout(book, written);
        titles.forEach(layout::title);

        // search entries come from the text before math is rendered, so a formula is indexed by its TeX
        SearchIndex search = new SearchIndex(args.getOrDefault("lunr", ""), work);
        List<Built> reading = pages.stream().filter(b -> b.source.kind() == Kind.LANDING || b.source.kind() == Kind.CHAPTER).toList();
        for (Built b : reading) {
            addToSearch(search, b);
        }
        renderMath(pages, work);

        for (Built b : pages) {
            checkImages(b);
            Source s = b.source;
            Book.Chapter c = s.chapter();
            Layout.Link prev = null;
            Layout.Link next = null;
            String kicker = null;
            String actions = null;
            List<Layout.TocEntry> toc = toc(b.body);
            int at = reading.indexOf(b);
            if (at >= 0) {
                prev = at == 0 ? null : link(reading.get(at - 1));
                next = at + 1 < reading.size() ? link(reading.get(at + 1)) : null;
                if (c != null) {
                    kicker = "Chapter " + c.number() + " · Part " + partOf(c).label();
                    actions = actions(c);
                }
            } else {
                kicker = (s.kind() == Kind.NOTEBOOK ? "Notebook of chapter " : "Exercises of chapter ") + c.number();
                prev = new Layout.Link(c.page(), c.number() + ". " + titles.get(c.slug()));
                if (s.kind() == Kind.NOTEBOOK) {
                    actions = "<p class=\"actions\"><a class=\"notebook-download\" href=\"" + Layout.esc(c.slug())
                            + ".ipynb\" download>Download .ipynb</a></p>\n";
                    toc = List.of();
                }
            }
            Layout.Page page = new Layout.Page(s.slug(), b.titleText, kicker, b.titleHtml, actions, toc,
                    b.body.body().html(), prev, next);
            write(out.resolve(s.out()), layout.render(page, s.root()));
        }
        write(out.resolve("assets/search-index.js"), search.toScript());
    }

    private Built render(Asciidoc asciidoc, Source s) {
        long tp = System.nanoTime();
        Asciidoc.Page p = asciidoc.render(s.file());
        System.out.printf("  %-34s %5.1f s%n", s.out(), (System.nanoTime() - tp) / 1e9);
        Built b = new Built();
        b.source = s;
        b.titleHtml = p.title();
        b.titleText = Jsoup.parse(p.title()).text();
        b.body = Jsoup.parseBodyFragment(p.body());
        b.body.outputSettings().prettyPrint(false);
        return b;
    }

    /**
     * The notebook view and the exercises page of every written chapter whose notebook ({@code notebooks/NN-slug.ipynb})
     * or exercises ({@code exercises/NN-slug/}) exist in the repository; the notebook file itself is copied too.
     */
    private List<Source> companionPages(Path work, Set<String> written, Map<String, String> titles) throws IOException {
        Path repo = path("repo");
        List<Source> extra = new ArrayList<>();
        Map<String, String> conceptLinks = new LinkedHashMap<>();
        for (Book.Chapter c : book.chapters()) {
            if (written.contains(c.slug())) {
                c.ids().forEach(id -> conceptLinks.put(id, "../../" + c.page() + "#c-" + id));
            }
        }
        for (String slug : written) {
            Book.Chapter c = book.chapter(slug).orElseThrow();
            Path nb = repo.resolve("notebooks").resolve(slug + ".ipynb");
            if (Files.exists(nb)) {
                Path dir = out.resolve("notebooks");
                Files.createDirectories(dir);
                Files.copy(nb, dir.resolve(nb.getFileName()));
                String adoc = NotebookPage.toAsciidoc(nb, titles.get(slug) + ": the notebook", dir.resolve(slug),
                        slug + "/");
                Path file = work.resolve("notebooks").resolve(slug + ".adoc");
                write(file, adoc);
                extra.add(new Source(Kind.NOTEBOOK, file, c, "notebooks/" + slug + ".html"));
            }
            List<Path> exercises = ExercisesPage.exercises(repo.resolve("exercises").resolve(slug));
            if (!exercises.isEmpty()) {
                Path dir = out.resolve("exercises").resolve(slug);
                String adoc = ExercisesPage.toAsciidoc(titles.get(slug), exercises, dir, conceptLinks);
                Path file = work.resolve("exercises").resolve(slug + ".adoc");
                write(file, adoc);
                extra.add(new Source(Kind.EXERCISES, file, c, "exercises/" + slug + "/index.html"));
            }
        }
        return extra;
    }

    private Book.Part partOf(Book.Chapter c) {
        return book.parts().stream().filter(p -> p.numeral().equals(c.partNumeral())).findFirst().orElseThrow();
    }

    private static Layout.Link link(Built b) {
        return new Layout.Link(b.source.out(), b.source.chapter() == null ? "Start here"
                : b.source.chapter().number() + ". " + b.titleText);
    }

    /** Links to the chapter's notebook and exercises (they 404 until those modules exist). */
    private static String actions(Book.Chapter c) {
        String s = Layout.esc(c.slug());
        return "<p class=\"actions\">"
                + "<a class=\"notebook-view\" href=\"notebooks/" + s + ".html\">Notebook</a>"
                + "<a class=\"notebook-download\" href=\"notebooks/" + s + ".ipynb\" download>Download .ipynb</a>"
                + "<a class=\"exercises\" href=\"exercises/" + s + "/index.html\">Exercises</a>"
                + "</p>\n";
    }

    /** A page in the docs folder that the concept map does not list would never be reached: refuse it. */
    private void checkNoStrayPages(Path docs) throws IOException {
        if (!Files.isDirectory(docs)) {
            return;
        }
        try (Stream<Path> files = Files.list(docs)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("\\d{2}-.*\\.adoc")).toList()) {
                String slug = p.getFileName().toString().replaceFirst("\\.adoc$", "");
                if (book.chapter(slug).isEmpty()) {
                    throw new IllegalStateException("page " + p + " is not a chapter of the concept map ("
                            + "../shared/CONCEPTS.md lists " + book.chapters().stream().map(Book.Chapter::slug).toList() + ")");
                }
            }
        }
    }

    private void addToSearch(SearchIndex search, Built b) {
        String page = b.source.chapter() == null ? b.titleText : b.source.chapter().number() + ". " + b.titleText;
        String url = b.source.out();
        Element body = b.body.body();
        Element preamble = body.selectFirst("#preamble");
        String intro = preamble != null ? preamble.text() : "";
        search.add(new SearchIndex.Entry(url, b.titleText, page, intro));
        for (Element section : body.select("div.sect1, div.sect2")) {
            Element heading = section.selectFirst("> h2, > h3");
            if (heading == null || heading.id().isEmpty()) {
                continue;
            }
            Element own = section.clone();
            own.select("div.sect2, div.sect3").remove();
            own.select("> h2, > h3").remove();
            search.add(new SearchIndex.Entry(url + "#" + heading.id(), heading.text(), page, own.text()));
        }
    }

    /** Replaces every {@code \(..\)} and {@code \[..\]} outside code with KaTeX's HTML, in one node run. */
    private void renderMath(List<Built> pages, Path work) {
        List<MathRenderer.Formula> formulas = new ArrayList<>();
        List<Element> placeholders = new ArrayList<>();
        for (Built b : pages) {
            for (TextNode text : textNodes(b.body.body())) {
                String s = text.getWholeText();
                Matcher m = MATH.matcher(s);
                if (!m.find()) {
                    continue;
                }
                m.reset();
                List<Node> parts = new ArrayList<>();
                int at = 0;
                while (m.find()) {
                    if (m.start() > at) {
                        parts.add(new TextNode(s.substring(at, m.start())));
                    }
                    boolean display = m.group(2) != null;
                    Element ph = new Element("span").attr("data-math", String.valueOf(formulas.size()));
                    formulas.add(new MathRenderer.Formula((display ? m.group(2) : m.group(1)).strip(), display,
                            b.source.out()));
                    placeholders.add(ph);
                    parts.add(ph);
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
        }
        if (formulas.isEmpty()) {
            return;
        }
        List<String> html = new MathRenderer(args.getOrDefault("katex", ""), work).render(formulas);
        for (int i = 0; i < placeholders.size(); i++) {
            Element ph = placeholders.get(i);
            Document frag = Jsoup.parseBodyFragment(html.get(i));
            List<Node> nodes = new ArrayList<>(frag.body().childNodes());
            for (Node n : nodes) {
                ph.before(n);
            }
            ph.remove();
        }
        System.out.printf("math: %d formula(s) rendered with KaTeX%n", formulas.size());
    }

    /** Text nodes that may hold math: not inside code, listings or scripts. */
    private static List<TextNode> textNodes(Element root) {
        List<TextNode> result = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e.closest("pre, code, script, style, kbd") != null) {
                continue;
            }
            result.addAll(e.textNodes());
        }
        return result;
    }

    private static List<Layout.TocEntry> toc(Document body) {
        List<Layout.TocEntry> entries = new ArrayList<>();
        for (Element s1 : body.select("div.sect1")) {
            Element h2 = s1.selectFirst("> h2");
            if (h2 == null || h2.id().isEmpty()) {
                continue;
            }
            List<Layout.TocEntry> children = new ArrayList<>();
            for (Element h3 : s1.select("> div.sectionbody > div.sect2 > h3")) {
                if (!h3.id().isEmpty()) {
                    children.add(new Layout.TocEntry(h3.id(), h3.html(), List.of()));
                }
            }
            entries.add(new Layout.TocEntry(h2.id(), h2.html(), children));
        }
        return entries;
    }

    /** Every image a page shows must exist in the site: fail the build now rather than show a broken picture. */
    private void checkImages(Built b) {
        List<String> missing = new ArrayList<>();
        for (Element img : b.body.select("img[src]")) {
            String src = img.attr("src");
            if (src.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                missing.add(src + " (remote or data URL: the site must work offline)");
            } else if (!Files.exists(out.resolve(b.source.out()).getParent().resolve(src).normalize())) {
                missing.add(src);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(b.source.file() + " shows images that the build did not produce: " + missing
                    + " (figures come from the chapter programs: Figures.show(chart, \"name\") writes figures/name.svg)");
        }
    }

    private void copyAssets() throws IOException {
        String theme = "rnnbook/site/theme/";
        for (String f : List.of("site.css", "search.js", "search-pipeline.js", "favicon.svg")) {
            copyResource(theme + f, out.resolve("assets/" + f));
        }
        String lunr = "META-INF/resources/webjars/lunr/" + args.get("lunr") + "/";
        copyResource(lunr + "lunr.min.js", out.resolve("assets/lunr.min.js"));
        String katex = "META-INF/resources/webjars/katex/" + args.get("katex") + "/dist/";
        copyResource(katex + "katex.min.css", out.resolve("katex/katex.min.css"));
        for (String font : katexFonts(katex)) {
            copyResource(katex + "fonts/" + font, out.resolve("katex/fonts/" + font));
        }
    }

    /** Runs {@link BuildFigures} (every chapter program, cached by a hash of their code) in a child JVM. */
    private static Process startFigures(Path figures) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-D" + rnnbook.train.Scale.PROPERTY + "=" + System.getProperty(rnnbook.train.Scale.PROPERTY, "ci"),
                "-cp", System.getProperty("java.class.path"),
                BuildFigures.class.getName(), figures.toString()));
        return new ProcessBuilder(cmd).inheritIO().start();
    }

    private static void waitFor(Process figureRun, Path figures) {
        try {
            int code = figureRun.waitFor();
            if (code != 0) {
                throw new IllegalStateException("drawing the figures failed (BuildFigures " + figures + " exited with "
                        + code + "); its output is above");
            }
        } catch (InterruptedException e) {
            figureRun.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the figures were drawn", e);
        }
    }

    private void copyFigures(Path figures) throws IOException {
        Files.createDirectories(out.resolve("figures"));
        if (Files.isDirectory(figures)) {
            try (Stream<Path> files = Files.list(figures)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".svg")).toList()) {
                    Files.copy(f, out.resolve("figures").resolve(f.getFileName()));
                }
            }
        }
    }

    /** The font files katex.min.css refers to (woff2 only: every browser that runs the site reads woff2). */
    private static List<String> katexFonts(String katexDir) {
        String css = resourceText(katexDir + "katex.min.css");
        Matcher m = Pattern.compile("url\\(fonts/([A-Za-z0-9_-]+\\.woff2)\\)").matcher(css);
        Set<String> fonts = new LinkedHashSet<>();
        while (m.find()) {
            fonts.add(m.group(1));
        }
        if (fonts.isEmpty()) {
            throw new IllegalStateException("found no woff2 fonts in " + katexDir + "katex.min.css");
        }
        return List.copyOf(fonts);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SiteBuilder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the classpath");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    private static String resourceText(String resource) {
        try (InputStream in = SiteBuilder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
