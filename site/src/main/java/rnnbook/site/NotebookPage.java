package rnnbook.site;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Entities;

/**
 * A read-only view of a chapter's notebook, for readers without Jupyter: the notebook becomes an Asciidoc page
 * (so its code is highlighted like the chapter's), markdown cells pass through as HTML, outputs are shown as the
 * kernel left them (text as text, images as PNG files beside the page). Math in markdown ({@code $..$},
 * {@code $$..$$}) is handed on as {@code \(..\)} and {@code \[..\]} for the KaTeX pass.
 */
final class NotebookPage {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private NotebookPage() {
    }

    /**
     * Writes the notebook's page source.
     *
     * @param notebook the {@code .ipynb}
     * @param title    the page title
     * @param images   folder for output images, {@code imagesPrefix} is how the page refers to it
     * @param figureAlts figure name to its alt text on the chapter page: an image a cell shows through
     *                   {@code Figures.show(chart, "name")} gets the same description
     * @return the Asciidoc text of the page
     */
    static String toAsciidoc(Path notebook, String title, Path images, String imagesPrefix,
                             java.util.Map<String, String> figureAlts) throws IOException {
        JsonObject nb;
        try {
            nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("notebook " + notebook + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonArray cells = nb.getAsJsonArray("cells");
        if (cells == null) {
            throw new IllegalStateException("notebook " + notebook + " has no 'cells' array");
        }
        StringBuilder a = new StringBuilder();
        a.append("= ").append(title).append("\n\n");
        int image = 0;
        boolean first = true;
        for (JsonElement ce : cells) {
            JsonObject cell = ce.getAsJsonObject();
            String type = cell.get("cell_type").getAsString();
            String source = text(cell.get("source"));
            if (type.equals("markdown")) {
                String md = source;
                if (first && md.startsWith("# ")) { // the notebook's own title: the page has one already
                    md = md.substring(md.indexOf('\n') + 1);
                }
                pass(a, "<div class=\"nb-markdown\">" + markdown(md) + "</div>");
            } else if (type.equals("code")) {
                String fence = "----";
                while (source.contains(fence)) {
                    fence += "-";
                }
                a.append("[source,java,role=nb-input]\n").append(fence).append('\n').append(source.stripTrailing())
                        .append('\n').append(fence).append("\n\n");
                JsonArray outputs = cell.getAsJsonArray("outputs");
                if (outputs != null) {
                    for (JsonElement oe : outputs) {
                        JsonObject out = oe.getAsJsonObject();
                        String html = output(out, images, imagesPrefix, notebook, image, altFor(source, figureAlts));
                        if (html.contains("<img")) {
                            image++;
                        }
                        if (!html.isEmpty()) {
                            pass(a, "<div class=\"nb-output\">" + html + "</div>");
                        }
                    }
                }
            }
            first = false;
        }
        return a.toString();
    }

    private static final java.util.regex.Pattern SHOW =
            java.util.regex.Pattern.compile("Figures\\.show\\([^;]*?,\\s*\"([^\"]+)\"\\s*\\)");

    /** The alt text of the chart a cell shows: the chapter page's description of the same figure. */
    static String altFor(String cellSource, java.util.Map<String, String> figureAlts) {
        java.util.regex.Matcher m = SHOW.matcher(cellSource);
        String name = null;
        while (m.find()) {
            name = m.group(1);
        }
        if (name == null) {
            return "Chart drawn by the cell above";
        }
        return figureAlts.getOrDefault(name, "Chart \"" + name + "\" drawn by the cell above");
    }

    private static String output(JsonObject out, Path images, String imagesPrefix, Path notebook, int n, String alt)
            throws IOException {
        String kind = out.get("output_type").getAsString();
        switch (kind) {
            case "stream":
                return "<pre class=\"nb-stream\">" + Entities.escape(text(out.get("text"))) + "</pre>";
            case "error":
                return "<pre class=\"nb-error\">" + Entities.escape(out.get("ename").getAsString() + ": "
                        + out.get("evalue").getAsString()) + "</pre>";
            case "execute_result":
            case "display_data":
                JsonObject data = out.getAsJsonObject("data");
                if (data.has("image/png")) {
                    String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "") + "-" + n + ".png";
                    Files.createDirectories(images);
                    Files.write(images.resolve(name), Base64.getMimeDecoder().decode(text(data.get("image/png"))));
                    return "<img src=\"" + imagesPrefix + name + "\" alt=\"" + Entities.escape(alt) + "\">";
                }
                if (data.has("text/plain")) {
                    return "<pre class=\"nb-result\">" + Entities.escape(text(data.get("text/plain"))) + "</pre>";
                }
                if (data.has("text/html")) { // the kernel's rendering of a value; shown as text, never as markup
                    return "<pre class=\"nb-result\">" + Entities.escape(org.jsoup.Jsoup.parse(text(data.get("text/html"))).text()) + "</pre>";
                }
                return "";
            default:
                return "";
        }
    }

    private static void pass(StringBuilder a, String html) {
        String fence = "++++";
        while (html.contains(fence)) {
            fence += "+";
        }
        a.append(fence).append('\n').append(html).append('\n').append(fence).append("\n\n");
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement line : e.getAsJsonArray()) {
                sb.append(line.getAsString());
            }
            return sb.toString();
        }
        return e.getAsString();
    }

    /** Markdown to HTML, with {@code $..$} and {@code $$..$$} kept away from the markdown parser. */
    static String markdown(String md) {
        List<String> math = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < md.length()) {
            char ch = md.charAt(i);
            if (ch == '`') { // a code span: copied as it is, dollars and all
                int run = 0;
                while (i + run < md.length() && md.charAt(i + run) == '`') {
                    run++;
                }
                String ticks = "`".repeat(run);
                int end = md.indexOf(ticks, i + run);
                int stop = end < 0 ? i + run : end + run;
                sb.append(md, i, stop);
                i = stop;
            } else if (ch == '\\' && i + 1 < md.length() && md.charAt(i + 1) == '$') {
                sb.append("\\$");
                i += 2;
            } else if (ch == '$') {
                boolean display = md.startsWith("$$", i);
                String delim = display ? "$$" : "$";
                int end = md.indexOf(delim, i + delim.length());
                String tex = end < 0 ? null : md.substring(i + delim.length(), end);
                if (tex == null || tex.isBlank() || (!display && (tex.contains("\n\n") || Character.isWhitespace(tex.charAt(0))))) {
                    sb.append(ch);
                    i++;
                    continue;
                }
                sb.append("RNNBOOKMATH").append(math.size()).append('X');
                math.add((display ? "\\[" : "\\(") + tex.strip() + (display ? "\\]" : "\\)"));
                i = end + delim.length();
            } else {
                sb.append(ch);
                i++;
            }
        }
        String html = HTML.render(MARKDOWN.parse(sb.toString()));
        for (int k = math.size() - 1; k >= 0; k--) {
            html = html.replace("RNNBOOKMATH" + k + "X", Entities.escape(math.get(k)));
        }
        return html;
    }
}
