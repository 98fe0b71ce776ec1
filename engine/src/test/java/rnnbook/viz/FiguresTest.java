package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FiguresTest {

    @Test
    void showWritesSvgAndPngOnlyWhenAFolderIsNamed(@TempDir Path dir) throws Exception {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("t").build();
        chart.addSeries("s", new double[]{1, 2, 3}, new double[]{3, 1, 2});
        BufferedImage plain = Figures.show(chart, "plain");
        assertEquals(300, plain.getWidth());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        System.setProperty(Figures.DIR_PROPERTY, dir.toString());
        try {
            Figures.show(chart, "decay");
        } finally {
            System.clearProperty(Figures.DIR_PROPERTY);
        }
        assertTrue(Files.readString(dir.resolve("decay.svg")).contains("<svg"));
        assertTrue(Files.size(dir.resolve("decay.png")) > 100);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp files left behind");
        }
    }

    @Test
    void tableBecomesAsciidoc() {
        double w = 0.5;
        Table t = Table.create("What h_3 holds when w = " + w, StringColumn.create("name", "a|b"),
                DoubleColumn.create("x", 1.5));
        String adoc = Figures.toAsciidoc(t);
        assertTrue(adoc.startsWith(".What h_3 holds when w = 0.5\n[%header,cols=\"2*\"]\n|===\n|name |x"), adoc);
        assertTrue(adoc.contains("|a\\|b\n|1.5\n"), adoc);
    }
}
