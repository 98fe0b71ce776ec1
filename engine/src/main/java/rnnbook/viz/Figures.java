package rnnbook.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Table;

/**
 * The one way chapter programs hand a chart or a table to the reader, wherever the program runs.
 *
 * <ul>
 *   <li>In a notebook (JShell), {@code Figures.show(chart, "memory-decay")} is the cell's last expression and its
 *       value, a {@link BufferedImage}, shows inline as PNG.</li>
 *   <li>When the site is built, the system property {@value #DIR_PROPERTY} names a folder, and the same call also
 *       writes {@code memory-decay.svg} (for the page) and {@code memory-decay.png} there.</li>
 * </ul>
 * Tables work the same way: {@link #table} returns the table as text and, with the property set, writes an
 * Asciidoc table {@code NAME.adoc} that the page includes. Files are written atomically (temp file, then move).
 */
public final class Figures {
    /** System property naming the folder that receives figures and tables; unset in notebooks and tests. */
    public static final String DIR_PROPERTY = "rnnbook.figures.dir";

    private Figures() {
    }

    /**
     * Shows a chart: returns it as an image and, when {@value #DIR_PROPERTY} is set, saves SVG and PNG. Charts built
     * straight from XChart's builders get the book's look first ({@link #bookStyle}).
     */
    public static BufferedImage show(Chart<?, ?> chart, String name) {
        bookStyle(chart);
        Path dir = outputDir();
        if (dir != null) {
            try {
                // XChart appends the extension itself, so it gets a unique stem to write beside the target
                String stem = dir.resolve("." + name + "-" + java.util.UUID.randomUUID()).toString();
                VectorGraphicsEncoder.saveVectorGraphic(chart, stem, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                move(Path.of(stem + ".svg"), dir.resolve(name + ".svg"));
                BitmapEncoder.saveBitmapWithDPI(chart, stem, BitmapEncoder.BitmapFormat.PNG, 144);
                move(Path.of(stem + ".png"), dir.resolve(name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not save figure " + name + " in " + dir, e);
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** XChart's default grey around the plot, which the book replaces with the page's white. */
    private static final Color XCHART_GREY = new Color(210, 210, 210);

    /**
     * What every figure in the book shares, applied only where the chart still has XChart's defaults (so a chapter
     * that chose otherwise keeps its choice): white around the plot, as on the page, and x-axis labels about
     * 90 pixels apart.
     */
    static void bookStyle(Chart<?, ?> chart) {
        Styler styler = chart.getStyler();
        if (XCHART_GREY.equals(styler.getChartBackgroundColor())) {
            styler.setChartBackgroundColor(Color.WHITE);
        }
        if (styler instanceof AxesChartStyler axes && axes.getXAxisTickMarkSpacingHint() < 90) {
            axes.setXAxisTickMarkSpacingHint(90);   // (XChart ignores it for equally spaced x values: issue #731)
        }
    }

    /** Shows a table: returns its text form and, when {@value #DIR_PROPERTY} is set, writes {@code NAME.adoc}. */
    public static String table(Table table, String name) {
        Path dir = outputDir();
        if (dir != null) {
            writeAtomically(dir.resolve(name + ".adoc"), toAsciidoc(table));
        }
        return table.print();
    }

    /**
     * An Asciidoc table with a header row, titled with the table's name (so a title computed from the values, such
     * as "What h_3 holds when w = 0.9", is the one the page shows).
     */
    public static String toAsciidoc(Table table) {
        StringBuilder sb = new StringBuilder();
        String title = table.name() == null ? "" : table.name().strip().replace('\n', ' ');
        if (!title.isEmpty()) {
            sb.append('.').append(title.startsWith(".") ? "{empty}" + title : title).append('\n');
        }
        sb.append("[%header,cols=\"").append(table.columnCount()).append("*\"]\n|===\n");
        for (String c : table.columnNames()) {
            sb.append("|").append(escape(c)).append(' ');
        }
        sb.append("\n");
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append("\n");
            for (int c = 0; c < table.columnCount(); c++) {
                sb.append("|").append(escape(table.getString(r, c))).append('\n');
            }
        }
        return sb.append("|===\n").toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }

    private static Path outputDir() {
        String d = System.getProperty(DIR_PROPERTY);
        if (d == null || d.isBlank()) {
            return null;
        }
        try {
            return Files.createDirectories(Path.of(d));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create figures folder " + d, e);
        }
    }

    /** Writes a file so that a reader sees either the old content or the new, never a half-written file. */
    public static void writeAtomically(Path target, String content) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content);
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
