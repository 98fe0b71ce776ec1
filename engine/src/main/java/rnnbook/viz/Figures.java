package rnnbook.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
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
     * Shows a chart: returns it as an image and, when {@value #DIR_PROPERTY} is set, saves SVG and PNG. Every chart
     * gets the book's look first (fonts, colours, legend below the plot, round ticks: {@link BookStyle}). The SVG
     * writes its labels as text; it leaves the chart's title out, because the page's numbered caption names the
     * figure, and keeps it as the SVG's {@code <title>}.
     */
    public static BufferedImage show(Chart<?, ?> chart, String name) {
        BookStyle.apply(chart);
        Path dir = outputDir();
        if (dir != null) {
            Styler styler = chart.getStyler();
            boolean titled = styler.isChartTitleVisible();
            String svg;
            try {
                styler.setChartTitleVisible(false);
                svg = SvgFigure.of(chart, chart.getTitle() == null ? name : chart.getTitle(), describe(chart));
            } finally {
                styler.setChartTitleVisible(titled);
            }
            writeAtomically(dir.resolve(name + ".svg"), svg);
            // XChart lays out the plot with the title size of the chart's previous paint: one paint with the title
            // back, so the PNG does not draw its title over the data where the title-less SVG left no room for it
            BitmapEncoder.getBufferedImage(chart);
            try {
                // XChart appends the extension itself, so it gets a unique stem to write beside the target
                String stem = dir.resolve("." + name + "-" + java.util.UUID.randomUUID()).toString();
                BitmapEncoder.saveBitmapWithDPI(chart, stem, BitmapEncoder.BitmapFormat.PNG, 144);
                move(Path.of(stem + ".png"), dir.resolve(name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not save figure " + name + " in " + dir, e);
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Shows a picture that is not a chart (chapter 13's drawn scenes): returns {@code image} and, when
     * {@value #DIR_PROPERTY} is set, writes {@code svg} (the same picture as an SVG document) as {@code NAME.svg}.
     */
    public static BufferedImage show(BufferedImage image, String svg, String name) {
        Path dir = outputDir();
        if (dir != null) {
            writeAtomically(dir.resolve(name + ".svg"), svg);
        }
        return image;
    }

    /** A plain-words summary for the SVG's {@code <desc>}: axes and series (the site replaces it with the alt text). */
    static String describe(Chart<?, ?> chart) {
        StringBuilder sb = new StringBuilder();
        if (chart instanceof org.knowm.xchart.XYChart || chart instanceof org.knowm.xchart.HeatMapChart) {
            sb.append(chart instanceof org.knowm.xchart.HeatMapChart ? "Heat map" : "Chart").append(" of ")
                    .append(chart.getYAxisTitle()).append(" against ").append(chart.getXAxisTitle());
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Object o : chart.getSeriesMap().values()) {
            var series = (org.knowm.xchart.internal.series.Series) o;
            if (series.isShowInLegend() && !BookStyle.TICK_HELPER.equals(series.getName())) {
                names.add(series.getName());
            }
        }
        if (names.size() > 1) {
            sb.append(sb.length() > 0 ? "; " : "").append("series: ").append(String.join(", ", names));
        }
        return sb.append(sb.length() > 0 ? "." : "").toString();
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
