package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small chapter using the Asciidoc the chapters use; expected Markdown written by hand. */
class NotebookGeneratorTest {
    @TempDir
    Path root;
    Path page;

    @BeforeEach
    void chapter() throws IOException {
        Path docs = Files.createDirectories(root.resolve("src/docs"));
        Path src = Files.createDirectories(root.resolve("src/main/java/rnnbook/chapters/ch09"));
        Files.writeString(src.resolve("Decay.java"), """
                package rnnbook.chapters.ch09;

                import java.util.Random;
                import rnnbook.viz.Figures;

                public final class Decay {
                    public static void main(String[] args) {
                        // tag::setup[]
                        var rng = new Random(3);
                        // end::setup[]
                        // tag::chart[]
                        var chart = Charts.line(rng);
                        Figures.show(chart, "decay-curve");
                        // end::chart[]
                    }
                }
                """);
        Files.writeString(src.resolve("Other.java"), """
                package rnnbook.chapters.ch09;

                import java.util.List;
                import java.util.Random;

                final class Other {
                    // tag::helper[]
                    static int twice(int x) {
                        return 2 * x;
                    }
                    // end::helper[]
                }
                """);
        page = docs.resolve("09-memory.adoc");
        Files.writeString(page, """
                = Memory and its limits
                :stem: latexmath
                ifndef::sourcedir[:sourcedir: ../main/java]
                ifndef::figuresdir[:figuresdir: ../../target/figures]
                ifndef::imagesdir[:imagesdir: {figuresdir}]

                // a comment the reader never sees

                An _intro_ with *bold*, `code_with_underscores`, latexmath:[h_t = \\tanh(W h_{t-1})] and a price of $5.

                [[c-decay]]
                == Decay

                See <<c-decay>> and <<c-other,the other section>>, or xref:02-bptt.adoc#c-bptt[BPTT].
                No notebook has the xref:glossary.adoc#g-decay[glossary] or link:{imagesdir}/decay.mid[the tune].

                [source,java]
                ----
                include::{sourcedir}/rnnbook/chapters/ch09/Decay.java[tags=setup,indent=0]
                ----

                [latexmath]
                ++++
                \\|h_t\\| \\le \\gamma^t \\|h_0\\|
                ++++

                [source,java]
                ----
                include::{sourcedir}/rnnbook/chapters/ch09/Decay.java[tags=chart,indent=0]
                ----

                image::decay-curve.svg[The norm shrinks,align=center]

                .A table the program writes
                include::{figuresdir}/decay-table.adoc[]

                NOTE: Gradients shrink
                the same way.

                [[c-other]]
                === Other things

                * one
                ** nested
                * two
                  continued

                . first
                . second

                Term:: its definition

                [source,java]
                ----
                include::{sourcedir}/rnnbook/chapters/ch09/Other.java[tags=helper,indent=0]
                ----

                [%header,cols="2*"]
                |===
                |name |value
                |a |1
                |===
                """);
    }

    private static List<String> sources(JsonObject nb, String type) {
        List<String> out = new ArrayList<>();
        for (var e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals(type)) {
                out.add(Notebooks.text(c.get("source")));
            }
        }
        return out;
    }

    @Test
    void cellsComeInPageOrder() {
        JsonObject nb = NotebookGenerator.generate(page);
        List<String> order = new ArrayList<>();
        for (var e : nb.getAsJsonArray("cells")) {
            order.add(e.getAsJsonObject().get("cell_type").getAsString());
        }
        assertEquals(List.of("markdown", "markdown", "code", "code", "markdown", "code", "markdown", "markdown",
                "code", "markdown"), order);
        assertEquals(4, nb.get("nbformat").getAsInt());
        assertEquals("rnnbook", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
    }

    @Test
    void firstCodeCellHoldsTheImportsOfEveryIncludedFileAndTheirPackage() {
        assertEquals("""
                import java.util.List;
                import java.util.Random;
                import rnnbook.viz.Figures;
                import rnnbook.chapters.ch09.*;""", sources(NotebookGenerator.generate(page), "code").get(0));
    }

    @Test
    void regionsBecomeCodeCellsWithoutTagLines() {
        List<String> code = sources(NotebookGenerator.generate(page), "code");
        assertEquals("var rng = new Random(3);", code.get(1));
        assertEquals("var chart = Charts.line(rng);\nFigures.show(chart, \"decay-curve\");", code.get(2));
        assertEquals("static int twice(int x) {\n    return 2 * x;\n}", code.get(3));
    }

    @Test
    void proseBecomesMarkdown() {
        List<String> md = sources(NotebookGenerator.generate(page), "markdown");
        assertEquals("# Memory and its limits\n\nAn *intro* with **bold**, `code_with_underscores`,"
                + " $h_t = \\tanh(W h_{t-1})$ and a price of \\$5.", md.get(0));
        assertEquals("<a id=\"c-decay\"></a>\n## Decay\n\nSee [Decay](#c-decay) and [the other section](#c-other),"
                + " or [BPTT](02-bptt.ipynb#c-bptt).\nNo notebook has the glossary or the tune.", md.get(1));
        // the image is shown by the chart cell and the table include is printed by code: both left out
        assertEquals("$$\n\\|h_t\\| \\le \\gamma^t \\|h_0\\|\n$$", md.get(2));
        assertEquals("> **Note:** Gradients shrink\n> the same way.", md.get(3));
        assertEquals("""
                <a id="c-other"></a>
                ### Other things

                - one
                   - nested
                - two
                   continued

                1. first
                2. second

                - **Term**: its definition""", md.get(4));
        assertEquals("| name | value |\n| --- | --- |\n| a | 1 |", md.get(5));
    }

    @Test
    void anEngineRegionIsShownToBeReadNotRun() throws IOException {
        Path engine = Files.createDirectories(root.resolve("engine/src/main/java/rnnbook/nn"));
        Files.writeString(engine.resolve("Cell.java"), """
                package rnnbook.nn;

                final class Cell {
                    double forward(double h) {
                        // tag::forward[]
                        double next = 0.5 * h;
                        // end::forward[]
                        return next;
                    }
                }
                """);
        Files.writeString(page, Files.readString(page).replace("ifndef::figuresdir", """
                ifndef::enginedir[:enginedir: ../../engine/src/main/java]
                ifndef::figuresdir""").replace("[%header", """
                [source,java]
                ----
                include::{enginedir}/rnnbook/nn/Cell.java[tags=forward,indent=0]
                ----

                [%header"""));
        JsonObject nb = NotebookGenerator.generate(page);
        assertEquals(4, sources(nb, "code").size(), "no code cell for the engine's region");
        assertTrue(sources(nb, "markdown").stream().anyMatch(m -> m.contains("```java\ndouble next = 0.5 * h;\n```")),
                sources(nb, "markdown").toString());
    }

    @Test
    void anImageNoCellShowsAndNoFileHasIsAnError() throws IOException {
        Files.writeString(page, Files.readString(page).replace("image::decay-curve.svg", "image::missing.svg"));
        var e = assertThrows(IllegalArgumentException.class, () -> NotebookGenerator.generate(page));
        assertTrue(e.getMessage().contains("09-memory.adoc:") && e.getMessage().contains("missing.svg"), e.getMessage());
    }

    @Test
    void aStaticImageFileIsAttached() throws IOException {
        Path figures = Files.createDirectories(root.resolve("target/figures"));
        Files.write(figures.resolve("diagram.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(page, Files.readString(page).replace("image::decay-curve.svg[The norm shrinks,align=center]",
                "image::decay-curve.svg[]\n\nimage::diagram.png[A diagram]"));
        JsonArray cells = NotebookGenerator.generate(page).getAsJsonArray("cells");
        JsonObject withImage = null;
        for (var e : cells) {
            if (Notebooks.text(e.getAsJsonObject().get("source")).contains("attachment:diagram.png")) {
                withImage = e.getAsJsonObject();
            }
        }
        assertTrue(withImage != null, "a markdown cell shows the attached diagram");
        assertEquals("iVBORw==", withImage.getAsJsonObject("attachments").getAsJsonObject("diagram.png")
                .get("image/png").getAsString());
    }

    /** The chart region also plays a sound it wrote; the page has its own player with a title. */
    private void addSound(String played) throws IOException {
        Path src = root.resolve("src/main/java/rnnbook/chapters/ch09/Decay.java");
        Files.writeString(src, Files.readString(src).replace("""
                        Figures.show(chart, "decay-curve");
                """, """
                        Figures.show(chart, "decay-curve");
                        Sounds.play(folder.resolve("%s"), 5);
                """.formatted(played)));
        Files.writeString(page, Files.readString(page).replace("image::decay-curve.svg[The norm shrinks,align=center]",
                """
                image::decay-curve.svg[The norm shrinks,align=center]

                .The decay, heard (link:{imagesdir}/decay.mid[the MIDI file]).
                audio::decay.wav[options="controls"]

                After the sound."""));
    }

    @Test
    void thePagesPlayerIsLeftOutWhenACellPlaysTheSoundAndTheCellEndsWithThePlayer() throws IOException {
        addSound("decay.wav");
        JsonObject nb = NotebookGenerator.generate(page);
        List<String> code = sources(nb, "code");
        assertEquals("var chart = Charts.line(rng);\nFigures.show(chart, \"decay-curve\");", code.get(2));
        assertEquals("Sounds.play(folder.resolve(\"decay.wav\"), 5);", code.get(3), "the player is a cell's value");
        String md = String.join("\n", sources(nb, "markdown"));
        assertFalse(md.contains("audio::") || md.contains("The decay, heard"), md);
        assertTrue(md.contains("After the sound."), md);
    }

    @Test
    void anAudioBlockNoCellPlaysIsAnErrorNamingTheLine() throws IOException {
        addSound("other.wav");
        var e = assertThrows(IllegalArgumentException.class, () -> NotebookGenerator.generate(page));
        assertTrue(e.getMessage().contains("09-memory.adoc:") && e.getMessage().contains("audio decay.wav is not played"),
                e.getMessage());
    }

    @Test
    void aWrongTagNamesThePageLineAndTheSource() throws IOException {
        Files.writeString(page, Files.readString(page).replace("tags=setup", "tags=stup"));
        var e = assertThrows(IllegalArgumentException.class, () -> NotebookGenerator.generate(page));
        assertTrue(e.getMessage().contains("09-memory.adoc:19") && e.getMessage().contains("tag::stup[]"),
                e.getMessage());
    }

    @Test
    void aRegionShowingATableAndThenAChartBecomesTwoCells() {
        String region = """
                Table t = Table.create("x");
                for (int i = 0; i < 2; i++) {
                    Figures.table(t, "inside-a-loop-is-not-split");
                }
                Figures.table(t,
                        "ends");
                chart.setTitle("(");   // a bracket in a string: (
                Figures.show(chart, "c");
                int after = 1;""";
        assertEquals(List.of(
                "Table t = Table.create(\"x\");\nfor (int i = 0; i < 2; i++) {\n"
                        + "    Figures.table(t, \"inside-a-loop-is-not-split\");\n}\nFigures.table(t,\n        \"ends\");",
                "chart.setTitle(\"(\");   // a bracket in a string: (\nFigures.show(chart, \"c\");",
                "int after = 1;"),
                NotebookGenerator.splitAfterDisplays(region));
        assertEquals(List.of("int a = 1;\nFigures.show(chart, \"c\");"),
                NotebookGenerator.splitAfterDisplays("int a = 1;\nFigures.show(chart, \"c\");"));
    }

    @Test
    void anAsciidocIncludeWithTagsTakesOnlyThoseRegionsAsAsciidoctorDoes() throws IOException {
        Files.writeString(page.resolveSibling("refs.adoc"), """
                = References
                // tag::a1990[]
                * [[a1990]]Author, A. (1990). _First_.
                // end::a1990[]
                // tag::b1991[]
                * [[b1991]]Author, B. (1991). _Second_.
                // end::b1991[]
                // tag::c1992[]
                * [[c1992]]Author, C. (1992). _Third_.
                // end::c1992[]
                """);
        Files.writeString(page, Files.readString(page) + "\nAs <<c1992,C (1992)>> showed.\n\n== References\n\n"
                + "include::refs.adoc[tags=c1992;a1990]\n");
        List<String> md = sources(NotebookGenerator.generate(page), "markdown");
        String all = String.join("\n", md);
        assertTrue(all.contains("As [C (1992)](#c1992) showed."), all);
        assertEquals("""
                ## References

                - <a id="a1990"></a>Author, A. (1990). *First*.
                - <a id="c1992"></a>Author, C. (1992). *Third*.""", md.get(md.size() - 1));
        assertFalse(all.contains("Second") || all.contains("= References") || all.contains("tag::"), all);
    }

    @Test
    void generatingTwiceGivesTheSameNotebook() {
        assertEquals(NotebookGenerator.generate(page), NotebookGenerator.generate(page));
        assertFalse(NotebookGenerator.generate(page).toString().contains("tag::"));
    }
}
