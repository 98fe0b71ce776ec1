package rnnbook.site;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the built site, the concept map and the repository (set by the site pom). */
final class SiteFiles {
    private SiteFiles() {
    }

    static Path site() {
        Path p = Path.of(property("rnnbook.site.dir", "target/site-ci"));
        if (!Files.exists(p.resolve("index.html"))) {
            throw new IllegalStateException("no built site at " + p.toAbsolutePath()
                    + ": it is built at process-classes (./mvnw -pl site -am verify)");
        }
        return p.toAbsolutePath().normalize();
    }

    /** The concept map the coverage checks read: the shared one beside the repository, else the repository's copy. */
    static Path concepts() {
        Path shared = sharedConcepts();
        return Files.exists(shared) ? shared : copiedConcepts();
    }

    /** ../shared/CONCEPTS.md, the coverage contract. */
    static Path sharedConcepts() {
        return Path.of(property("rnnbook.shared.concepts", "../../shared/CONCEPTS.md")).toAbsolutePath().normalize();
    }

    /** chapters/CONCEPTS.md, the copy the site build reads so that a clone alone can build the book. */
    static Path copiedConcepts() {
        return Path.of(property("rnnbook.concepts", "../chapters/CONCEPTS.md")).toAbsolutePath().normalize();
    }

    /** The folder BuildFigures wrote for the built site: figures, tables, outputs and run records. */
    static Path figures() {
        return Path.of(property("rnnbook.site.figures", "target/figures-ci")).toAbsolutePath().normalize();
    }

    static Path repo() {
        return Path.of(property("rnnbook.repo", "..")).toAbsolutePath().normalize();
    }

    static Path docs() {
        return repo().resolve("chapters/src/docs");
    }

    static Path screenshots() {
        return Path.of(property("rnnbook.screenshots", "target/screenshots")).toAbsolutePath().normalize();
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
