package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coverage contract of ../shared/CONCEPTS.md: every chapter page that exists teaches each of its concept ids
 * in a section anchored {@code [[c-ID]]}, and the built site carries {@code id="c-ID"} for each. The ids are read
 * from the concept map itself, so chapters written later are held to it without touching this test.
 */
class CoverageTest {
    /** Parts that must be written completely: all three, so every concept id of the map is anchored. */
    private static final int PARTS_REQUIRED = 3;

    private final Book book = Book.read(SiteFiles.concepts());

    @Test
    void requiredPartsAreWritten() {
        List<String> missing = new ArrayList<>();
        for (Book.Part part : book.parts().subList(0, PARTS_REQUIRED)) {
            for (Book.Chapter c : part.chapters()) {
                if (!Files.exists(SiteFiles.docs().resolve(c.slug() + ".adoc"))) {
                    missing.add(c.slug());
                }
            }
        }
        assertEquals(List.of(), missing, "chapters of the required parts with no page in " + SiteFiles.docs());
    }

    @Test
    void everyWrittenChapterAnchorsItsConcepts() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Book.Chapter c : book.chapters()) {
            Path adoc = SiteFiles.docs().resolve(c.slug() + ".adoc");
            if (!Files.exists(adoc)) {
                continue;
            }
            checked++;
            String source = Files.readString(adoc);
            Path html = SiteFiles.site().resolve(c.page());
            String built = Files.exists(html) ? Files.readString(html) : "";
            if (built.isEmpty()) {
                problems.add(c.slug() + ": no built page " + html);
            }
            for (String id : c.ids()) {
                if (!source.contains("[[c-" + id + "]]")) {
                    problems.add(c.slug() + ".adoc: no anchor [[c-" + id + "]]");
                }
                if (!built.isEmpty() && !built.contains("id=\"c-" + id + "\"")) {
                    problems.add(c.page() + ": no element with id=\"c-" + id + "\"");
                }
            }
        }
        assertTrue(checked > 0, "no chapter page found in " + SiteFiles.docs());
        assertEquals(List.of(), problems, "concepts not covered");
    }
}
