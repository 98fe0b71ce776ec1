package rnnbook.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Is a committed notebook what the generator makes from its chapter, and was it executed cleanly?
 *
 * <p>How committed notebooks are compared (they carry outputs, the generator's do not):
 * <ul>
 *   <li><b>sources</b>: the cells must match one for one in cell type and source text, and the notebook must name
 *       the rnnbook kernel; cell ids, metadata, execution counts and outputs are not compared;</li>
 *   <li><b>outputs</b>: every code cell must have been executed, in order, in one run (execution counts
 *       1, 2, 3, ...), no cell may hold an error output or text on stderr, a cell calling {@code Figures.show}
 *       must hold an image/png output and one calling {@code Figures.table} a text/plain output. Output <em>values</em> (numbers,
 *       image bytes) are not compared, since a newer JDK or font may change pixels; the tests execute the
 *       notebooks again on every build instead.</li>
 * </ul>
 */
public final class NotebookCheck {
    private NotebookCheck() {
    }

    /** Usage: {@code NotebookCheck DOCS_DIR NOTEBOOKS_DIR}: checks every chapter's notebook; exit 1 on a problem. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: NotebookCheck DOCS_DIR NOTEBOOKS_DIR");
            System.exit(2);
        }
        List<String> problems = new ArrayList<>();
        for (Path page : NotebookGenerator.chapters(Path.of(args[0]))) {
            problems.addAll(check(page, Path.of(args[1]).resolve(NotebookGenerator.notebookName(page))));
        }
        problems.forEach(System.err::println);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** Every problem with the committed notebook of one chapter, each naming the file (and cell). */
    public static List<String> check(Path page, Path committedFile) {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(committedFile)) {
            problems.add(committedFile + ": missing; run ./book notebook-update to generate and execute it");
            return problems;
        }
        JsonObject committed;
        try {
            committed = NotebookValidator.read(committedFile);
        } catch (MalformedNotebookException e) {
            problems.add("malformed notebook " + e.getMessage());
            return problems;
        }
        problems.addAll(sourceDifferences(NotebookGenerator.generate(page), committed, committedFile));
        problems.addAll(outputProblems(committed, committedFile));
        return problems;
    }

    /** Differences in cell types and sources (and the kernel name) between the generated and a committed notebook. */
    public static List<String> sourceDifferences(JsonObject generated, JsonObject committed, Path file) {
        List<String> out = new ArrayList<>();
        String stale = " (the chapter changed? run ./book notebook-update)";
        String kernel = kernelName(committed);
        if (!("\"" + KernelSpec.NAME + "\"").equals(kernel)) {
            out.add(file + ": expected kernel \"" + KernelSpec.NAME + "\" but the notebook names " + kernel);
        }
        JsonArray g = generated.getAsJsonArray("cells");
        JsonArray c = committed.getAsJsonArray("cells");
        for (int i = 0; i < Math.min(g.size(), c.size()); i++) {
            JsonObject gc = g.get(i).getAsJsonObject();
            JsonObject cc = c.get(i).getAsJsonObject();
            String gt = gc.get("cell_type").getAsString();
            String ct = cc.get("cell_type").getAsString();
            if (!gt.equals(ct)) {
                out.add(file + ": cell " + i + " is " + ct + " but the chapter makes a " + gt + " cell" + stale);
                return out;
            }
            String gs = Notebooks.text(gc.get("source"));
            String cs = Notebooks.text(cc.get("source"));
            if (!gs.equals(cs)) {
                out.add(file + ": cell " + i + " (" + gt + ") differs from the chapter at line " + firstDifference(gs, cs)
                        + stale);
                return out;
            }
        }
        if (g.size() != c.size()) {
            out.add(file + ": has " + c.size() + " cells but the chapter makes " + g.size() + stale);
        }
        return out;
    }

    /** Code cells not executed in one clean run: missing or out-of-order execution counts, errors, stderr. */
    public static List<String> outputProblems(JsonObject nb, Path file) {
        List<String> out = new ArrayList<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        int expected = 1;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            String at = file + ": cell " + i + " (code cell " + expected + ")";
            JsonElement count = cell.get("execution_count");
            if (count == null || count.isJsonNull()) {
                out.add(at + " was never executed");
            } else if (count.getAsInt() != expected) {
                out.add(at + " has execution count " + count.getAsInt() + ", expected " + expected
                        + ": outputs must come from one run of all cells in order");
            }
            out.addAll(errorOutputs(cell, at));
            String source = Notebooks.text(cell.get("source"));
            if (source.contains("Figures.show(") && !hasOutput(cell, "image/png")) {
                out.add(at + " shows a chart (Figures.show) but holds no image/png output");
            }
            if (source.contains("Figures.table(") && !hasOutput(cell, "text/plain")) {
                out.add(at + " shows a table (Figures.table) but holds no text/plain output");
            }
            expected++;
        }
        return out;
    }

    /** Error outputs and stderr text of one code cell, described for a person. */
    public static List<String> errorOutputs(JsonObject cell, String at) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : cell.getAsJsonArray("outputs")) {
            JsonObject o = e.getAsJsonObject();
            String type = o.get("output_type").getAsString();
            if (type.equals("error")) {
                out.add(at + " raised " + text(o, "ename") + ": " + text(o, "evalue"));
            } else if (type.equals("stream") && "stderr".equals(text(o, "name"))) {
                out.add(at + " wrote to stderr: " + Notebooks.text(o.get("text")).strip());
            }
        }
        return out;
    }

    private static boolean hasOutput(JsonObject cell, String mime) {
        for (JsonElement e : cell.getAsJsonArray("outputs")) {
            if (e.getAsJsonObject().get("data") instanceof JsonObject data && data.has(mime)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String kernelName(JsonObject nb) {
        JsonElement md = nb.get("metadata");
        if (md instanceof JsonObject m && m.get("kernelspec") instanceof JsonObject k && k.has("name")) {
            return "\"" + k.get("name").getAsString() + "\"";
        }
        return "no kernel";
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
