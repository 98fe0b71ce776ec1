package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SvgFigureTest {

    private static Document parse(String svg) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document d) {
        NodeList n = d.getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void labelsOnPointsAreTextInTheTickFont() throws Exception {
        XYChart chart = new XYChartBuilder().width(520).height(330).xAxisTitle("first axis").yAxisTitle("second axis")
                .build();
        chart.addSeries("people", new double[] {-1, 2}, new double[] {0.5, -0.5});
        chart.addAnnotation(new org.knowm.xchart.AnnotationText("americans", 2, -0.4, false));
        BookStyle.apply(chart);
        String svg = SvgFigure.of(chart, "word map", "");
        assertTrue(texts(parse(svg)).contains("americans"), "the point's label is written as text");
        // XChart draws it in 12 px monospace unless told otherwise: it must be the 14 px tick font, legible on a phone
        assertTrue(svg.matches("(?s).*font-size: 14px;'>americans</text>.*"), "the label uses the tick font");
    }

    @Test
    void labelsAreTextAndTheDocumentIsWellFormed() throws Exception {
        XYChart chart = new XYChartBuilder().width(520).height(330).title("기억 & <memory>").xAxisTitle("step t")
                .yAxisTitle("‖h_t‖").build();
        double[] x = new double[1000];
        double[] y = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 300.0);
        }
        chart.addSeries("tanh", x, y);
        chart.addSeries("사람", new double[] {0, 999}, new double[] {0.5, 0.5});
        BookStyle.apply(chart);
        String svg = SvgFigure.of(chart, "Figure <title>", "what to see & why");
        Document d = parse(svg);
        List<String> texts = texts(d);
        for (String label : List.of("기억 & <memory>", "step t", "‖h_t‖", "tanh", "사람")) {
            assertTrue(texts.contains(label), label + " is written as text, found " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.matches("\\d+")), "tick labels are text: " + texts);
        assertEquals("Figure <title>", d.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertEquals("what to see & why", d.getElementsByTagNameNS("*", "desc").item(0).getTextContent());
        // no glyph outlines: the remaining paths are the frame, grid, legend and series, not one per character
        assertTrue(d.getElementsByTagNameNS("*", "path").getLength() < 25,
                "paths: " + d.getElementsByTagNameNS("*", "path").getLength());
        assertTrue(svg.length() < 60_000, "a 1000-point curve with text labels stays small: " + svg.length());
    }

    @Test
    void consecutiveSegmentsOfOneStyleBecomeOnePath() {
        String lines = "<g><line x1='0' y1='0' x2='1' y2='2' style='stroke:red'/>"
                + "<line x1='1' y1='2' x2='3' y2='4' style='stroke:red'/>"
                + "<line x1='5' y1='5' x2='6' y2='6' style='stroke:red'/>"
                + "<line x1='6' y1='6' x2='7' y2='7' style='stroke:blue'/></g>";
        assertEquals("<g><path d='M0,0L1,2L3,4M5,5L6,6' style='fill:none;stroke:red'/>"
                + "<path d='M6,6L7,7' style='fill:none;stroke:blue'/></g>", SvgFigure.joinLines(lines));
    }
}
