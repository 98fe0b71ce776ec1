package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that would silently lose content must fail the build instead. */
class AsciidocTest {
    private static Asciidoc asciidoc;
    private static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        Files.writeString(dir.resolve("Example.java"), """
                class Example {
                    // tag::hello[]
                    static String hello() { return "hello"; }
                    // end::hello[]
                }
                """);
        asciidoc = new Asciidoc(Map.of("sourcedir", dir.toString()));
    }

    @AfterAll
    static void stop() {
        asciidoc.close();
    }

    private Asciidoc.Page render(String text) throws IOException {
        Path page = Files.writeString(dir.resolve("page.adoc"), text);
        return asciidoc.render(page);
    }

    @Test
    void rendersTaggedRegionsAnchorsAndMathSource() throws IOException {
        Asciidoc.Page p = render("""
                = A page

                [[c-rnn-cell]]
                == The cell

                Inline stem:[h_t] math.

                [source,java]
                ----
                include::{sourcedir}/Example.java[tags=hello,indent=0]
                ----
                """);
        assertTrue(p.title().equals("A page"), p.title());
        assertTrue(p.body().contains("id=\"c-rnn-cell\""), p.body());
        String text = org.jsoup.Jsoup.parse(p.body()).text();
        assertTrue(text.contains("static String hello() { return \"hello\"; }"), "the tagged region is included: " + text);
        assertTrue(p.body().contains("\\(h_t\\)"), "math is left as TeX for KaTeX: " + p.body());
        assertTrue(!text.contains("class Example"), "only the tagged region is included");
    }

    @Test
    void aWrongIncludeTagFails() {
        var e = assertThrows(IllegalStateException.class, () -> render("""
                = A page

                [source,java]
                ----
                include::{sourcedir}/Example.java[tags=helo]
                ----
                """));
        assertTrue(e.getMessage().contains("helo"), e.getMessage());
    }

    @Test
    void aMissingIncludeFileFails() {
        assertThrows(IllegalStateException.class, () -> render("""
                = A page

                include::{sourcedir}/Missing.java[]
                """));
    }

    @Test
    void anUnknownAttributeFails() {
        var e = assertThrows(IllegalStateException.class, () -> render("""
                = A page

                See {figuresdri}.
                """));
        assertTrue(e.getMessage().contains("figuresdri"), e.getMessage());
    }

    @Test
    void aPageWithoutTitleFails() {
        assertThrows(IllegalStateException.class, () -> render("Just text.\n"));
    }
}
