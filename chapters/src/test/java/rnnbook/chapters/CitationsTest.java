package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Citations: a chapter cites a bibliography entry with {@code <<id,Author, year>>} and lists the entries it cites
 * at its end with {@code include::bibliography.adoc[tags=...]}. Every cited entry must be in that list (or the
 * link points nowhere on the page), every listed entry must be cited, and every entry must exist in
 * {@code bibliography.adoc} as a tagged region holding its anchor.
 */
class CitationsTest {
    private static final Pattern CITE = Pattern.compile("<<([a-z][\\w-]*?\\d{4}|cs231n),");
    private static final Pattern LIST = Pattern.compile("^include::bibliography\\.adoc\\[tags=([^\\]]+)]$",
            Pattern.MULTILINE);

    @Test
    @Timeout(30)
    void everyChapterListsExactlyTheEntriesItCitesAndTheBibliographyHasThem() throws IOException {
        String bibliography = Files.readString(Pages.DOCS.resolve("bibliography.adoc"));
        List<String> problems = new ArrayList<>();
        for (String slug : Chapters.PROGRAMS.keySet()) {
            String page = Pages.page(slug);
            Set<String> cited = new TreeSet<>();
            Matcher c = CITE.matcher(page);
            while (c.find()) {
                cited.add(c.group(1));
            }
            Set<String> listed = new TreeSet<>();
            Matcher l = LIST.matcher(page);
            while (l.find()) {
                listed.addAll(List.of(l.group(1).split(";")));
            }
            if (!cited.equals(listed)) {
                problems.add(slug + ": cites " + cited + " but its references list " + listed);
            }
            for (String id : listed) {
                String region = Pages.region(bibliography, id, "bibliography.adoc");
                if (!region.startsWith("* [[" + id + "]]")) {
                    problems.add("bibliography.adoc: region " + id + " does not start with the entry * [[" + id + "]]");
                }
            }
            assertTrue(!cited.isEmpty(), slug + " cites nothing; every chapter of Part I relies on published work");
        }
        assertEquals(List.of(), problems);
    }
}
