package rnnbook.site;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns TeX into HTML at build time with KaTeX (from its WebJar, run by node), so pages need no script and no CDN
 * to show math: the browser only needs {@code katex.min.css} and its fonts, which the site ships.
 */
final class MathRenderer {
    /** One formula: its TeX source and whether it is a display (block) formula. */
    record Formula(String tex, boolean display, String where) {
    }

    private final Path katexJs;
    private final Path script;

    MathRenderer(String katexVersion, Path workDir) {
        this.katexJs = NodeRunner.extract("META-INF/resources/webjars/katex/" + katexVersion + "/dist/katex.min.js",
                workDir.resolve("katex.min.js"));
        this.script = NodeRunner.extract("rnnbook/site/node/render-math.js", workDir.resolve("render-math.js"));
    }

    /**
     * Renders every formula in one node run; a formula KaTeX rejects fails the build with its source and page.
     *
     * @return the HTML of each formula, in order
     */
    List<String> render(List<Formula> formulas) {
        if (formulas.isEmpty()) {
            return List.of();
        }
        Gson gson = new Gson();
        JsonArray jobs = new JsonArray();
        for (Formula f : formulas) {
            JsonObject o = new JsonObject();
            o.addProperty("tex", f.tex());
            o.addProperty("display", f.display());
            jobs.add(o);
        }
        JsonObject result = gson.fromJson(NodeRunner.run(script, gson.toJson(jobs), katexJs.toString()), JsonObject.class);
        List<String> problems = new ArrayList<>();
        for (JsonElement e : result.getAsJsonArray("errors")) {
            JsonObject err = e.getAsJsonObject();
            Formula f = formulas.get(err.get("index").getAsInt());
            problems.add(f.where() + ": " + err.get("message").getAsString() + "\n    in: " + f.tex());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KaTeX cannot render " + problems.size() + " formula(s):\n"
                    + String.join("\n", problems));
        }
        List<String> html = new ArrayList<>();
        for (JsonElement e : result.getAsJsonArray("html")) {
            html.add(e.getAsString());
        }
        return html;
    }
}
