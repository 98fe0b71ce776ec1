package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a chapter program's main at CI scale into a folder and keeps what it printed and wrote. Every run also checks
 * the page's output contract ({@link #assertOutputsFitThePage}): each region that prints has its output, nothing is
 * printed outside a region, and every region that printed is shown on the chapter's page.
 */
public record ProgramRun(String stdout, Path dir, List<String> written) {

    public static synchronized ProgramRun of(Class<?> program, Path dir) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        List<String> written;
        try {
            written = BuildFigures.runWithFiguresDir(program, dir);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        original.print(out);
        ProgramRun run = new ProgramRun(out, dir, written);
        run.assertOutputsFitThePage(program);
        return run;
    }

    /** What region {@code tag} of {@code program} printed (the text shown under its listing on the page). */
    public String output(Class<?> program, String tag) throws IOException {
        Path file = dir.resolve(RegionOutput.fileName(program, tag));
        assertTrue(Files.exists(file), "region " + tag + " of " + program.getSimpleName() + " printed nothing; "
                + "outputs: " + written.stream().filter(f -> f.startsWith("output-")).toList());
        return Files.readString(file);
    }

    /**
     * The page shows under each listing what its region printed: so every statement region whose code prints
     * ({@code System.out.print...}) must have printed, no output may come from lines outside the regions, and every
     * region that printed must be included on the chapter's page (else its output would be lost).
     */
    void assertOutputsFitThePage(Class<?> program) throws IOException {
        String file = program.getName().replace('.', '/') + ".java";
        String source = Files.readString(Pages.SOURCES.resolve(file));
        String slug = Chapters.PROGRAMS.entrySet().stream().filter(e -> e.getValue().contains(program))
                .map(java.util.Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError(program + " is not in Chapters.PROGRAMS"));
        List<String> shown = Pages.regions(slug).stream().filter(r -> r.file().equals(file)).map(Pages.Region::tag)
                .toList();
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("// tag::([\\w-]+)\\[]").matcher(source);
        while (tags.find()) {
            String tag = tags.group(1);
            String code = Pages.region(source, tag, file);
            boolean printed = written.contains(RegionOutput.fileName(program, tag));
            if (code.contains("System.out.print") && !RegionsCompileTest.isDeclaration(code)) {
                assertTrue(printed, program.getSimpleName() + "[" + tag + "] prints but its run printed nothing");
            }
            if (printed) {
                assertTrue(shown.contains(tag), program.getSimpleName() + "[" + tag + "] printed, but " + slug
                        + " does not include that region, so its output would not be shown");
            }
        }
        assertTrue(!written.contains(RegionOutput.fileName(program, RegionOutput.UNTAGGED)),
                program.getSimpleName() + " printed outside its tagged regions, where no page shows it");
    }

    /** Asserts the figure NAME.svg and NAME.png were written. */
    public void assertFigure(String name) throws IOException {
        assertTrue(written.contains(name + ".svg") && written.contains(name + ".png"), name + " not in " + written);
        assertTrue(Files.readString(dir.resolve(name + ".svg")).contains("<svg"), name + ".svg is not SVG");
    }

    /** The rows of the table partial NAME.adoc (header row first), each a list of cell texts. */
    public List<List<String>> table(String name) throws IOException {
        assertTrue(written.contains(name + ".adoc"), name + ".adoc not in " + written);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(name + ".adoc"));
        for (String line : lines.subList(lines.indexOf("|===") + 1, lines.size())) {
            if (line.equals("|===")) {
                break;
            }
            if (line.isBlank()) {
                if (!row.isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                continue;
            }
            if (rows.isEmpty() && row.isEmpty()) {   // the header: |a |b |c on one line
                for (String cell : line.substring(1).split(" \\|")) {
                    row.add(cell.trim());
                }
                continue;
            }
            row.add(line.substring(1).replace("\\|", "|"));
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** The numeric value in the row whose first cell is {@code rowLabel}, in column {@code column}. */
    public double cell(String table, String rowLabel, int column) throws IOException {
        for (List<String> r : table(table)) {
            if (r.get(0).equals(rowLabel)) {
                return Double.parseDouble(r.get(column));
            }
        }
        throw new AssertionError("no row " + rowLabel + " in " + table(table));
    }
}
