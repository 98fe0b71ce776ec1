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

/** Runs a chapter program's main at CI scale into a folder and keeps what it printed and wrote. */
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
        return new ProgramRun(out, dir, written);
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
        for (String line : lines.subList(2, lines.size())) {
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
