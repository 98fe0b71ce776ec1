package rnnbook.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.function.UnaryOperator;
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
 * --concepts=FILE --repo=DIR --katex=VERSION --lunr=VERSION [--pdf=FILE]}; the optional PDF, made by
 * {@code ./book pdf} ({@link Pdf}), is published beside the pages when it exists.
 */
public final class SiteBuilder {
    private static final Pattern MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);

    /**
     * Pages after the chapters, in reading order: {@code chapters/src/docs/NAME.adoc} becomes {@code NAME.html}, listed
     * under "Back matter" in the navigation (the concept map lists only chapters). A name without a page is skipped.
     */
    static final List<String> BACK_MATTER = List.of("glossary", "bibliography");

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

    /**
     * What a page is; the landing page, the chapters and the back matter are in the reading order, and the landing
     * page and the chapters in the search.
     */
    private enum Kind { LANDING, CHAPTER, BACK, NOTEBOOK, EXERCISES }

    /**
     * A page to render: its kind, its source, its chapter (null for the landing page and the back matter) and where
     * it goes, relative to the top of the site.
     */
    private record Source(Kind kind, Path file, Book.Chapter chapter, String out) {
        /** The chapter's slug, or the page's file name without {@code .html} ("index", "glossary"). */
        String slug() {
            return chapter == null ? out.replaceFirst("\\.html$", "") : chapter.slug();
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
        for (String name : BACK_MATTER) {
            Path adoc = docs.resolve(name + ".adoc");
            if (Files.exists(adoc)) {
                sources.add(new Source(Kind.BACK, adoc, null, name + ".html"));
            }
        }
        checkNoStrayPages(docs);

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sourcedir", path("sourcedir").toString());
        // the engine's sources beside the chapters' (repo/engine/src/main/java), for a page that shows an engine
        // class's own tagged region: include::{enginedir}/rnnbook/nn/GruCell.java[tags=forward]
        attributes.put("enginedir", path("sourcedir").resolve("../../../../engine/src/main/java").normalize().toString());
        attributes.put("figuresdir", figures.toString());
        attributes.put("imagesdir", "figures");
        attributes.put("book-pdf-link", bookPdf());
        List<Built> pages = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        List<Layout.Link> backMatter = new ArrayList<>();
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
                // a chapter page gets what each listing printed and the scale of the run (ChapterOutputs)
                Built b = render(asciidoc, s, s.kind() == Kind.CHAPTER
                        ? adoc -> ChapterOutputs.place(s.slug(), adoc, figures) : UnaryOperator.identity());
                pages.add(b);
                if (s.kind() == Kind.CHAPTER) {
                    Captions.number(b.body, s.chapter().number());
                    Captions.describeFigures(b.body, out.resolve("figures"));
                    written.add(s.slug());
                    titles.put(s.slug(), b.titleText);
                } else if (s.kind() == Kind.BACK) {
                    backMatter.add(new Layout.Link(s.out(), b.titleText));
                }
            }
            Map<String, String> figureAlts = figureAlts(pages);
            for (Source s : companionPages(work, written, titles, figureAlts)) {
                pages.add(render(asciidoc, s));
            }
        }
        System.out.printf("asciidoc: %d page(s), %.1f s%n", pages.size(), (System.nanoTime() - t1) / 1e9);

        Layout layout = new Layout(book, written, backMatter);
        titles.forEach(layout::title);

        // search entries come from the text before math is rendered, so a formula is indexed by its TeX
        SearchIndex search = new SearchIndex(args.getOrDefault("lunr", ""), work);
        List<Built> reading = pages.stream().filter(b -> b.source.kind() == Kind.LANDING || b.source.kind() == Kind.CHAPTER
                || b.source.kind() == Kind.BACK).toList();
        for (Built b : reading) {
            if (b.source.kind() != Kind.BACK) {
                addToSearch(search, b);
            }
        }
        renderMath(pages, work);

        Set<String> outs = new LinkedHashSet<>();
        pages.forEach(b -> outs.add(b.source.out()));
        for (Built b : pages) {
            checkImages(b);
            PageMarkup.apply(b.body.body());
            Source s = b.source;
            Book.Chapter c = s.chapter();
            Layout.Link prev = null;
            Layout.Link next = null;
            String kicker = null;
            String actions = null;
            List<Layout.TocEntry> toc = toc(b.body);
            PageMarkup.permalinks(b.body.body());
            int at = reading.indexOf(b);
            if (at >= 0) {
                prev = at == 0 ? null : link(reading.get(at - 1));
                next = at + 1 < reading.size() ? link(reading.get(at + 1)) : null;
                if (c != null) {
                    kicker = "Chapter " + c.number() + " · Part " + partOf(c).label();
                    actions = actions(c);
                } else if (s.kind() == Kind.BACK) {
                    kicker = "Back matter";
                }
            } else {
                kicker = (s.kind() == Kind.NOTEBOOK ? "Notebook of chapter " : "Exercises of chapter ") + c.number();
                prev = new Layout.Link(c.page(), c.number() + ". " + titles.get(c.slug()));
                next = companionNext(s, reading, outs, titles);
                if (s.kind() == Kind.NOTEBOOK) {
                    actions = "<p class=\"actions\"><a class=\"notebook-download\" href=\"" + Layout.esc(c.slug())
                            + ".ipynb\" download>Download .ipynb</a></p>\n" + live(c);
                    toc = List.of();
                }
            }
            Layout.Page page = new Layout.Page(s.slug(), b.titleText, kicker, b.titleHtml, actions, toc,
                    b.body.body().html(), prev, next);
            write(out.resolve(s.out()), layout.render(page, s.root()));
        }
        PrintBook.write(out, reading.stream().filter(b -> b.source.kind() == Kind.CHAPTER)
                .map(b -> new PrintBook.Chapter(b.source.out(), b.source.chapter().number(), b.titleText, b.titleHtml,
                        b.body.body()))
                .toList());
        write(out.resolve("assets/search-index.js"), search.toScript());
        // last: the marker Maven's up-to-date check compares the sources with (site/pom.xml)
        write(out.resolve(".built-" + System.getProperty(rnnbook.train.Scale.PROPERTY, "ci")), "");
    }

    private Built render(Asciidoc asciidoc, Source s) {
        return render(asciidoc, s, UnaryOperator.identity());
    }

    private Built render(Asciidoc asciidoc, Source s, UnaryOperator<String> rewrite) {
        long tp = System.nanoTime();
        Asciidoc.Page p = asciidoc.render(s.file(), rewrite);
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
    /** Figure name ({@code figures/NAME.svg}) to the alt text its chapter page gives it. */
    private static Map<String, String> figureAlts(List<Built> pages) {
        Map<String, String> alts = new HashMap<>();
        for (Built b : pages) {
            for (Element img : b.body.select("img[src^=figures/]")) {
                String name = img.attr("src").replaceFirst("^figures/", "").replaceFirst("\\.[a-z]+$", "");
                if (!img.attr("alt").isBlank()) {
                    alts.put(name, img.attr("alt"));
                }
            }
        }
        return alts;
    }

    private List<Source> companionPages(Path work, Set<String> written, Map<String, String> titles,
                                        Map<String, String> figureAlts) throws IOException {
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
                        slug + "/", figureAlts);
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
        String label = b.source.kind() == Kind.LANDING ? "Start here"
                : b.source.chapter() == null ? b.titleText : b.source.chapter().number() + ". " + b.titleText;
        return new Layout.Link(b.source.out(), label);
    }

    /**
     * The landing page's link to the PDF that {@code ./book pdf} made, copied into the site, or nothing when there
     * is none yet (the page then names the command only).
     */
    private String bookPdf() throws IOException {
        String v = args.get("pdf");
        if (v == null || !Files.exists(Path.of(v))) {
            return "";
        }
        Files.copy(Path.of(v), out.resolve("rnnbook.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return " (link:rnnbook.pdf[the PDF, " + Files.size(Path.of(v)) / (1024 * 1024) + " MB], as last made)";
    }

    /** Links to the chapter's notebook and exercises (they 404 until those modules exist). */
    private static String actions(Book.Chapter c) {
        String s = Layout.esc(c.slug());
        return "<p class=\"actions\">"
                + "<a class=\"notebook-view\" href=\"notebooks/" + s + ".html\">Notebook</a>"
                + "<a class=\"notebook-download\" href=\"notebooks/" + s + ".ipynb\" download>Download .ipynb</a>"
                + "<a class=\"exercises\" href=\"exercises/" + s + "/index.html\">Exercises</a>"
                + "</p>\n" + live(c);
    }

    /**
     * The next link of a notebook view or an exercises page: the same kind of page of the next chapter that has
     * one, else the next chapter itself (null after the last).
     */
    private static Layout.Link companionNext(Source s, List<Built> reading, Set<String> outs, Map<String, String> titles) {
        List<Built> chapters = reading.stream().filter(b -> b.source.kind() == Kind.CHAPTER).toList();
        boolean after = false;
        for (Built b : chapters) {
            if (after) {
                Book.Chapter n = b.source.chapter();
                String label = n.number() + ". " + titles.get(n.slug());
                String same = s.kind() == Kind.NOTEBOOK ? "notebooks/" + n.slug() + ".html" : "exercises/" + n.slug() + "/index.html";
                return outs.contains(same)
                        ? new Layout.Link(same, (s.kind() == Kind.NOTEBOOK ? "Notebook: " : "Exercises: ") + label)
                        : new Layout.Link(n.page(), label);
            }
            after = b.source.chapter().slug().equals(s.slug());
        }
        return null;
    }

    /** Said wherever a notebook is shown or downloaded: how to open it live ({@code ./book notebook}) on the book's kernel. */
    static String live(Book.Chapter c) {
        return "<p class=\"kernel-note\">These views are read-only. A notebook runs on the book's JShell kernel, not on a"
                + " stock Jupyter: to run and edit this chapter's code, run <code>./book notebook</code> in a clone of the"
                + " repository, then open <code>chapters/" + Layout.esc(c.slug()) + ".ipynb</code> (its exercises are"
                + " in <code>exercises/</code>).</p>\n";
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
                PageMarkup.replaceMatches(text, m, match -> {
                    boolean display = match.group(2) != null;
                    Element ph = new Element("span").attr("data-math", String.valueOf(formulas.size()));
                    formulas.add(new MathRenderer.Formula((display ? match.group(2) : match.group(1)).strip(), display,
                            b.source.out()));
                    placeholders.add(ph);
                    return ph;
                });
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
        for (String f : List.of("site.css", "site.js", "search.js", "search-pipeline.js", "favicon.svg")) {
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

    /** The line every JVM with an incubator module prints on stderr at start-up (Java 17 has no switch for it). */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    /**
     * Runs {@link BuildFigures} (every chapter program, cached by a hash of their code) in a child JVM, with the
     * Vector API (the engine's SIMD path, as in the notebooks, the grader and the benchmarks, so the page's numbers
     * and times are the ones a learner gets); its stderr is passed on without the incubator warning.
     */
    private static Process startFigures(Path figures) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true",
                "-D" + rnnbook.train.Scale.PROPERTY + "=" + System.getProperty(rnnbook.train.Scale.PROPERTY, "ci"),
                "-cp", System.getProperty("java.class.path"),
                BuildFigures.class.getName(), figures.toString()));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        Thread err = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                lines.lines().filter(l -> !l.equals(INCUBATOR_WARNING)).forEach(System.err::println);
            } catch (IOException e) {
                // the child is gone; its exit code tells what happened
            }
        }, "figures-stderr");
        err.setDaemon(true);
        err.start();
        return p;
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
                // SVG figures, and what a reader can play or download (chapter 13's melody: .mid and .wav)
                for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.(svg|mid|wav)")).toList()) {
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
