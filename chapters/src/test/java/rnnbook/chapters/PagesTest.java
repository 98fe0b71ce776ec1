package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Static checks of the pages against the programs: what a page shows exists and every program is shown. */
class PagesTest {

    @Test
    void everyProgramWithAMainIsRegisteredUnderItsChapter() throws IOException {
        Set<String> registered = Chapters.PROGRAMS.values().stream().flatMap(List::stream)
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Pages.SOURCES.resolve("rnnbook/chapters"))) {
            for (Path p : files.filter(f -> f.getParent().getFileName().toString().matches("ch\\d\\d")).toList()) {
                if (Files.readString(p).contains("public static void main(String[] args)")) {
                    String rel = Pages.SOURCES.relativize(p).toString();
                    found.add(rel.substring(0, rel.length() - 5).replace('/', '.'));
                }
            }
        }
        assertEquals(found, registered);
        for (Map.Entry<String, List<Class<?>>> e : Chapters.PROGRAMS.entrySet()) {
            String ch = "ch" + e.getKey().substring(0, 2);
            for (Class<?> c : e.getValue()) {
                assertEquals(ch, c.getPackageName().substring(c.getPackageName().lastIndexOf('.') + 1),
                        c + " is registered under " + e.getKey());
            }
        }
    }

    @Test
    void everyIncludedRegionExistsAndEveryProgramIsShown() throws IOException {
        for (Map.Entry<String, List<Class<?>>> e : Chapters.PROGRAMS.entrySet()) {
            List<Pages.Region> regions = Pages.regions(e.getKey());
            assertTrue(regions.size() > 3, e.getKey() + " includes only " + regions);
            for (Pages.Region r : regions) {
                assertTrue(r.code().strip().length() > 0, r + " is empty");
            }
            for (Class<?> c : e.getValue()) {
                String file = c.getName().replace('.', '/') + ".java";
                assertTrue(regions.stream().anyMatch(r -> r.file().equals(file)), e.getKey() + " never shows " + file);
            }
        }
    }

    @Test
    void everyFigureAndTableOnAPageIsDrawnByAProgramOfItsChapter() throws IOException {
        Pattern image = Pattern.compile("^image::([\\w-]+)\\.svg\\[", Pattern.MULTILINE);
        Pattern table = Pattern.compile("^include::\\{figuresdir}/([\\w-]+)\\.adoc\\[]", Pattern.MULTILINE);
        for (Map.Entry<String, List<Class<?>>> e : Chapters.PROGRAMS.entrySet()) {
            StringBuilder sources = new StringBuilder();
            for (Class<?> c : e.getValue()) {
                sources.append(Files.readString(Pages.SOURCES.resolve(c.getName().replace('.', '/') + ".java")));
            }
            String page = Pages.page(e.getKey());
            List<String> missing = new ArrayList<>();
            for (Matcher m = image.matcher(page); m.find(); ) {
                if (!sources.toString().contains("Figures.show(") || !sources.toString().contains("\"" + m.group(1) + "\"")) {
                    missing.add(m.group(1) + ".svg");
                }
            }
            for (Matcher m = table.matcher(page); m.find(); ) {
                if (!sources.toString().contains("\"" + m.group(1) + "\"")) {
                    missing.add(m.group(1) + ".adoc");
                }
            }
            assertEquals(List.of(), missing, e.getKey() + " shows figures no program of its chapter draws");
        }
    }

    @Test
    void everyConceptOfAChapterHasItsAnchor() throws IOException {
        // the contract lives beside the repository (../shared); a clone without it checks against the module's copy,
        // which the site's ConceptMapCopyTest holds equal to the shared one
        Path concepts = Path.of("../../shared/CONCEPTS.md");
        if (!Files.exists(concepts)) {
            concepts = Path.of("CONCEPTS.md");
        }
        Assumptions.assumeTrue(Files.exists(concepts), "CONCEPTS.md not found at ../shared/ nor in chapters/");
        // rows of the chapter table: | part | NN-slug | id, id, ... |
        Pattern row = Pattern.compile("^\\|[^|]*\\|\\s*(\\d\\d-[\\w-]+)\\s*\\|([^|]+)\\|", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(concepts));
        int checked = 0;
        while (m.find()) {
            String slug = m.group(1);
            if (!Chapters.PROGRAMS.containsKey(slug)) {
                continue;
            }
            String page = Pages.page(slug);
            for (String id : m.group(2).split(",")) {
                assertTrue(page.contains("[[c-" + id.strip() + "]]"), slug + " lacks the anchor [[c-" + id.strip() + "]]");
                checked++;
            }
        }
        assertTrue(checked >= 3, "checked only " + checked + " anchors");
    }
}
