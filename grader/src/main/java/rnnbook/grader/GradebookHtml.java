package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The batch's gradebook page ({@code gradebook.html}), self-contained and offline: per-exercise statistics
 * (mean, median, min, max of the final points), a histogram of the totals and the failure rate of every graded
 * test (the most failed first: what the class has not understood), both drawn with XChart and embedded as PNG; then
 * one row per student with each exercise's status and points, the late penalty and the overrides.
 */
final class GradebookHtml {
    private GradebookHtml() {
    }

    static String page(Gradebook g, String rules) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Gradebook</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td.l,th.l{text-align:left}"
                + ".missing,.compile-error,.rejected,.crashed{background:#fdd}.starter{background:#ffd}"
                + ".override{background:#def}</style></head><body>\n");
        b.append("<h1>Gradebook</h1>\n<p>").append(g.rows().size()).append(" submissions. ")
                .append(Reports.esc(rules)).append("</p>\n");
        b.append("<h2>Per exercise</h2>\n<table><tr><th class=\"l\">exercise</th><th>max</th><th>mean</th>"
                + "<th>median</th><th>min</th><th>max scored</th><th>graded</th><th>starter</th>"
                + "<th>compile error</th><th>missing</th></tr>\n");
        for (Exercise e : g.exercises()) {
            Gradebook.Stats s = g.stats(e.id());
            b.append("<tr><td class=\"l\">").append(Reports.esc(e.id())).append("</td><td>").append(g.max(e.id()))
                    .append("</td>").append(cells(s));
            for (Gradebook.Status st : List.of(Gradebook.Status.GRADED, Gradebook.Status.STARTER,
                    Gradebook.Status.COMPILE_ERROR, Gradebook.Status.MISSING)) {
                b.append("<td>").append(g.rows().stream().flatMap(r -> r.cells().stream())
                        .filter(c -> c.exercise().equals(e.id()) && c.status() == st).count()).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("<tr><th class=\"l\">total</th><td>").append(g.max()).append("</td>").append(cells(g.totals()))
                .append("</tr></table>\n");
        b.append("<h2>Totals</h2>\n").append(img(histogram(g), "histogram of the total points"));
        b.append("<h2>Which tests the class fails</h2>\n").append(img(failureChart(g), "failure rate per test"));
        b.append("<table><tr><th>#</th><th class=\"l\">exercise</th><th class=\"l\">test</th><th>failed</th>"
                + "<th>of</th><th>rate</th></tr>\n");
        int rank = 0;
        for (Gradebook.Failure f : g.failures()) {
            b.append("<tr><td>").append(++rank).append("</td><td class=\"l\">").append(Reports.esc(f.exercise())).append("</td><td class=\"l\">")
                    .append(Reports.esc(f.test())).append("</td><td>").append(f.failed()).append("</td><td>")
                    .append(f.graded()).append(String.format(Locale.ROOT, "</td><td>%.0f%%</td></tr>%n", 100 * f.rate()));
        }
        b.append("</table>\n<h2>Students</h2>\n<table><tr><th class=\"l\">student</th><th>submitted</th>"
                + "<th>days late</th>");
        for (Exercise e : g.exercises()) {
            b.append("<th>").append(Reports.esc(e.id())).append("</th>");
        }
        b.append("<th>total</th><th>max</th></tr>\n");
        for (Gradebook.Row r : g.rows()) {
            b.append("<tr><td class=\"l\">").append(Reports.esc(r.student())).append("</td><td>")
                    .append(r.submitted() == null ? "" : r.submitted()).append("</td><td>").append(r.daysLate())
                    .append("</td>");
            for (Gradebook.Cell c : r.cells()) {
                String cls = c.override() != null ? "override" : c.status().label.replace(' ', '-');
                String title = c.override() != null ? "override (tests gave " + c.tests() + "): "
                        + c.override().comment() : c.status().label + (c.late() != c.tests() ? ", tests gave "
                        + c.tests() + " before the late penalty" : "");
                b.append("<td class=\"").append(cls).append("\" title=\"").append(Reports.esc(title)).append("\">")
                        .append(num(c.points())).append(c.status() == Gradebook.Status.GRADED && c.override() == null
                        ? "" : " <small>" + Reports.esc(c.override() != null ? "override" : c.status().label)
                        + "</small>").append("</td>");
            }
            b.append("<td>").append(num(r.total())).append("</td><td>").append(r.max()).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static String cells(Gradebook.Stats s) {
        return "<td>" + num(s.mean()) + "</td><td>" + num(s.median()) + "</td><td>" + num(s.min()) + "</td><td>"
                + num(s.max()) + "</td>";
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    /** Ten bins of equal width over 0..max; the last bin includes max. */
    static int[] bins(double[] totals, double max, int n) {
        int[] counts = new int[n];
        for (double t : totals) {
            int k = max <= 0 ? 0 : (int) Math.floor(t / max * n);
            counts[Math.max(0, Math.min(n - 1, k))]++;
        }
        return counts;
    }

    private static CategoryChart histogram(Gradebook g) {
        int n = 10;
        int[] counts = bins(g.rows().stream().mapToDouble(Gradebook.Row::total).toArray(), g.max(), n);
        List<String> labels = new java.util.ArrayList<>();
        List<Integer> ys = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(Math.round(g.max() * i / (double) n) + "–" + Math.round(g.max() * (i + 1) / (double) n));
            ys.add(counts[i]);
        }
        CategoryChart c = chart("Total points", "points", "students");
        c.addSeries("students", labels, ys);
        return c;
    }

    private static CategoryChart failureChart(Gradebook g) {
        List<Gradebook.Failure> top = g.failures().subList(0, Math.min(15, g.failures().size()));
        CategoryChart c = chart("Failure rate of the " + top.size() + " most failed graded tests (numbers as in the"
                + " table below)", "test", "% of graded submissions");
        if (top.isEmpty()) {
            c.addSeries("failed", List.of("none"), List.of(0));
        } else {
            List<String> ranks = new java.util.ArrayList<>();
            for (int i = 1; i <= top.size(); i++) {
                ranks.add("#" + i);
            }
            c.addSeries("failed", ranks, top.stream().map(f -> 100 * f.rate()).toList());
        }
        return c;
    }

    private static CategoryChart chart(String title, String x, String y) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(420).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    private static String img(CategoryChart c, String alt) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
            return "<p><img alt=\"" + alt + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                    + "\"></p>\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + alt, e);
        }
    }
}
