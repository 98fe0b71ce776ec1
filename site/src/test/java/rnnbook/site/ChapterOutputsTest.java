package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.Chapters;
import rnnbook.chapters.RegionOutput;
import rnnbook.chapters.RunRecord;
import rnnbook.chapters.ch02.CellByHand;

/** Printed output under every listing, and the scale of the run, on the chapter pages. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChapterOutputsTest {

    @Test
    void anOutputBlockFollowsTheListingOfEachRegionThatPrinted(@TempDir Path figures) throws IOException {
        for (Class<?> p : Chapters.PROGRAMS.get("02-the-cell")) {
            Files.writeString(figures.resolve(RunRecord.fileName(p)), new RunRecord("full", 10).toText());
        }
        Files.writeString(figures.resolve(RegionOutput.fileName(CellByHand.class, "engine")), "engine: h = [1]\n");
        Files.writeString(figures.resolve(RegionOutput.fileName(CellByHand.class, "weights")), "");
        String adoc = String.join("\n", "= Title", ":stem: latexmath", "", "Text.", "", "[source,java]", "----",
                "include::{sourcedir}/rnnbook/chapters/ch02/CellByHand.java[tags=weights,indent=0]", "----", "",
                "[source,java]", "----",
                "include::{sourcedir}/rnnbook/chapters/ch02/CellByHand.java[tags=engine,indent=0]", "----", "",
                "More text.", "");
        String placed = ChapterOutputs.place("02-the-cell", adoc, figures);
        String block = "----\n\n[.output]\n.Output\n....\ninclude::{figuresdir}/"
                + RegionOutput.fileName(CellByHand.class, "engine") + "[]\n....\n";
        assertTrue(placed.contains("tags=engine,indent=0]\n" + block), placed);
        assertEquals(1, placed.split("\\[\\.output]", -1).length - 1, "an empty output gets no block: " + placed);
        assertTrue(placed.indexOf("[.run-note]") > placed.indexOf(":stem:")
                && placed.indexOf("[.run-note]") < placed.indexOf("Text."), "the run note follows the header");
        assertTrue(placed.contains("*full scale*") && placed.contains("1 min 10 s"), placed);
    }

    @Test
    void aMissingRunRecordOrAMixOfScalesIsAnError(@TempDir Path figures) throws IOException {
        String adoc = "= Title\n\nText.\n";
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ChapterOutputs.place("02-the-cell", adoc, figures));
        assertTrue(missing.getMessage().contains("no run record"), missing.getMessage());
        List<Class<?>> programs = Chapters.PROGRAMS.get("02-the-cell");
        for (int i = 0; i < programs.size(); i++) {
            Files.writeString(figures.resolve(RunRecord.fileName(programs.get(i))),
                    new RunRecord(i == 0 ? "ci" : "full", 1).toText());
        }
        IllegalStateException mixed = assertThrows(IllegalStateException.class,
                () -> ChapterOutputs.place("02-the-cell", adoc, figures));
        assertTrue(mixed.getMessage().contains("different scales"), mixed.getMessage());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("1 s", ChapterOutputs.duration(0.2));
        assertEquals("42 s", ChapterOutputs.duration(42.4));
        assertEquals("3 min 05 s", ChapterOutputs.duration(185));
    }

    /**
     * On the built site: every region that printed has its output, verbatim, in an Output block right after a
     * listing on its chapter's page, and every Output block on a page is one of those outputs (none stale, none
     * from a region the page does not show). The page also states the scale of the run.
     */
    @Test
    void everyPrintedOutputIsOnItsPageUnderAListingAndNothingElseIs() throws IOException {
        Path site = SiteFiles.site();
        Path figures = SiteFiles.figures();
        int checked = 0;
        for (var chapter : Chapters.PROGRAMS.entrySet()) {
            Path html = site.resolve(chapter.getKey() + ".html");
            if (!Files.exists(html)) {
                continue;
            }
            Document page = Jsoup.parse(html.toFile());
            List<String> blocks = new ArrayList<>();
            for (Element block : page.select(".literalblock.output")) {
                Element before = block.previousElementSibling();
                assertTrue(before != null && before.hasClass("listingblock"),
                        chapter.getKey() + ": an Output block that does not follow a listing: " + block.text());
                blocks.add(block.selectFirst("pre").wholeText().strip());
            }
            List<String> printed = new ArrayList<>();
            for (Class<?> program : chapter.getValue()) {
                try (var files = Files.list(figures)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(RegionOutput.prefix(program)))
                            .sorted().toList()) {
                        String text = Files.readString(f).strip();
                        printed.add(text);
                        assertTrue(blocks.contains(text), chapter.getKey() + " does not show " + f.getFileName()
                                + " under its listing");
                    }
                }
            }
            for (String b : blocks) {
                assertTrue(printed.contains(b), chapter.getKey() + " shows an Output block no region printed: " + b);
            }
            Element note = page.selectFirst(".run-note");
            assertTrue(note != null && note.text().matches(".*at (full|the small CI) scale.*took \\d.*"),
                    chapter.getKey() + " does not state the scale and time of its run");
            checked += printed.size();
        }
        assertTrue(checked > 20, "only " + checked + " outputs checked");
    }
}
