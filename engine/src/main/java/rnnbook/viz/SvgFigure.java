package rnnbook.viz;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * A chart as an SVG document whose labels are real {@code <text>} (selectable, searchable, read by screen readers,
 * a few hundred bytes each instead of kilobytes of glyph outlines), with a {@code <title>} and {@code <desc>}.
 * XChart paints into JFreeSVG's canvas through {@link TextGraphics}, which writes XChart's text outlines as text.
 */
final class SvgFigure {
    /**
     * The fonts the text asks for: DejaVu Sans is what Java measured the labels with on the machine that drew them
     * (so widths match where it is installed); the others are as wide or narrower, so labels never grow into each
     * other; Hangul falls back to a Korean font.
     */
    static final String FONT_FAMILY = "\"DejaVu Sans\", Verdana, \"Noto Sans CJK KR\", \"Noto Sans KR\", "
            + "\"Apple SD Gothic Neo\", \"Malgun Gothic\", sans-serif";

    private SvgFigure() {
    }

    /**
     * The chart drawn at its own size as a standalone SVG document.
     *
     * @param title       the figure's name, for {@code <title>}
     * @param description what the figure shows, for {@code <desc>} (may be empty)
     */
    static String of(Chart<?, ?> chart, String title, String description) {
        Styler styler = chart.getStyler();
        List<MeasuredFont> fonts = new ArrayList<>();
        Font chartTitle = styler.getChartTitleFont();
        Font legend = styler.getLegendFont();
        Font annotation = styler.getAnnotationTextFont();
        styler.setChartTitleFont(measured(chartTitle, fonts));
        styler.setLegendFont(measured(legend, fonts));
        styler.setAnnotationTextFont(measured(annotation, fonts));
        Font axisTitle = null;
        Font ticks = null;
        if (styler instanceof AxesChartStyler axes) {
            axisTitle = axes.getAxisTitleFont();
            ticks = axes.getAxisTickLabelsFont();
            axes.setAxisTitleFont(measured(axisTitle, fonts));
            axes.setAxisTickLabelsFont(measured(ticks, fonts));
        }
        int w = chart.getWidth();
        int h = chart.getHeight();
        SVGGraphics2D svg = new SVGGraphics2D(w, h);
        svg.setGeomDoubleConverter(d -> round(d, 2));   // a hundredth of a pixel is finer than any screen
        svg.setFontFunction(family -> FONT_FAMILY);
        svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        try {
            chart.paint(new TextGraphics(svg, fonts), w, h);
        } finally {
            styler.setChartTitleFont(chartTitle);
            styler.setLegendFont(legend);
            styler.setAnnotationTextFont(annotation);
            if (styler instanceof AxesChartStyler axes) {
                axes.setAxisTitleFont(axisTitle);
                axes.setAxisTickLabelsFont(ticks);
            }
        }
        String element = joinLines(svg.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null));
        int open = element.indexOf('>') + 1;
        String head = "<title>" + escape(title) + "</title>"
                + (description.isBlank() ? "" : "<desc>" + escape(description) + "</desc>");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element.substring(0, open) + head
                + element.substring(open) + "\n";
    }

    private static final Pattern LINE = Pattern.compile(
            "<line x1='([^']*)' y1='([^']*)' x2='([^']*)' y2='([^']*)' style='([^']*)'((?: clip-path='[^']*')?)/>");

    /**
     * XChart draws a series as one line element per segment; runs of segments with the same style become one path
     * (a thousand-step loss curve: 300 KB of lines, 15 KB of path).
     */
    static String joinLines(String svg) {
        Matcher m = LINE.matcher(svg);
        StringBuilder out = new StringBuilder();
        StringBuilder d = new StringBuilder();
        String attrs = null;
        String endX = null;
        String endY = null;
        int at = 0;
        while (m.find()) {
            String a = " style='fill:none;" + m.group(5) + "'" + m.group(6);
            boolean joins = attrs != null && m.start() == at && a.equals(attrs);
            if (!joins) {
                flush(out, d, attrs);
                out.append(svg, at, m.start());
                attrs = a;
            }
            if (!joins || !m.group(1).equals(endX) || !m.group(2).equals(endY)) {
                d.append('M').append(m.group(1)).append(',').append(m.group(2));
            }
            d.append('L').append(m.group(3)).append(',').append(m.group(4));
            endX = m.group(3);
            endY = m.group(4);
            at = m.end();
        }
        flush(out, d, attrs);
        return out.append(svg.substring(at)).toString();
    }

    private static void flush(StringBuilder out, StringBuilder d, String attrs) {
        if (d.length() > 0) {
            out.append("<path d='").append(d).append("'").append(attrs).append("/>");
            d.setLength(0);
        }
    }

    private static Font measured(Font f, List<MeasuredFont> fonts) {
        MeasuredFont m = new MeasuredFont(f);
        fonts.add(m);
        return m;
    }

    private static String round(double d, int places) {
        String s = String.format(Locale.ROOT, "%." + places + "f", d);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
