package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The site is built from the repository's copy of the concept map (so a reader's clone builds without the shared
 * folder); the copy must say exactly what the shared contract says, or chapters could drift from it unnoticed.
 */
class ConceptMapCopyTest {

    @Test
    void repositoryCopyMatchesTheSharedConceptMap() throws IOException {
        Path shared = SiteFiles.sharedConcepts();
        Assumptions.assumeTrue(Files.exists(shared), "no shared concept map beside the repository at " + shared);
        assertEquals(Files.readString(shared), Files.readString(SiteFiles.copiedConcepts()),
                "chapters/CONCEPTS.md differs from " + shared + ": copy it over (cp ../shared/CONCEPTS.md chapters/)");
    }
}
