package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookCheckTest {
    private static final Path FILE = Path.of("01-x.ipynb");

    private static JsonObject generated() {
        JsonArray cells = new JsonArray();
        cells.add(Notebooks.markdown("cell-000", "# Title"));
        cells.add(Notebooks.code("cell-001", "import java.util.*;"));
        cells.add(Notebooks.code("cell-002", "int a = 1;\nSystem.out.println(a);"));
        return Notebooks.notebook(cells);
    }

    /** The generated notebook as nbconvert would leave it after a clean run. */
    private static JsonObject executed() {
        JsonObject nb = generated().deepCopy();
        JsonArray cells = nb.getAsJsonArray("cells");
        cells.get(1).getAsJsonObject().addProperty("execution_count", 1);
        JsonObject c2 = cells.get(2).getAsJsonObject();
        c2.addProperty("execution_count", 2);
        c2.getAsJsonArray("outputs").add(JsonParser.parseString(
                "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1\\n\"]}"));
        c2.addProperty("id", "some-other-id");
        nb.getAsJsonObject("metadata").getAsJsonObject("language_info").addProperty("version", "17.0.15");
        return nb;
    }

    @Test
    void aCleanRunOfTheSameSourcesPasses() {
        assertEquals(List.of(), NotebookCheck.sourceDifferences(generated(), executed(), FILE));
        assertEquals(List.of(), NotebookCheck.outputProblems(executed(), FILE));
    }

    @Test
    void anEditedSourceIsFoundWithItsCellAndLine() {
        JsonObject nb = executed();
        nb.getAsJsonArray("cells").get(2).getAsJsonObject().add("source",
                Notebooks.lines("int a = 1;\nSystem.out.println(a + 1);"));
        List<String> d = NotebookCheck.sourceDifferences(generated(), nb, FILE);
        assertEquals(1, d.size());
        assertTrue(d.get(0).startsWith("01-x.ipynb: cell 2 (code) differs from the chapter at line 2"), d.get(0));
    }

    @Test
    void aMissingCellAndAChangedTypeAreFound() {
        JsonObject shorter = executed();
        shorter.getAsJsonArray("cells").remove(2);
        assertTrue(NotebookCheck.sourceDifferences(generated(), shorter, FILE).get(0).contains("has 2 cells but the chapter makes 3"));
        JsonObject retyped = executed();
        retyped.getAsJsonArray("cells").get(0).getAsJsonObject().addProperty("cell_type", "raw");
        assertTrue(NotebookCheck.sourceDifferences(generated(), retyped, FILE).get(0).contains("cell 0 is raw but the chapter makes a markdown cell"));
    }

    @Test
    void anotherKernelIsFound() {
        JsonObject nb = executed();
        nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").addProperty("name", "java");
        assertEquals(List.of("01-x.ipynb: expected kernel \"rnnbook\" but the notebook names \"java\""),
                NotebookCheck.sourceDifferences(generated(), nb, FILE));
    }

    @Test
    void errorsStderrAndUnexecutedCellsAreFound() {
        JsonObject nb = executed();
        JsonArray cells = nb.getAsJsonArray("cells");
        cells.get(1).getAsJsonObject().add("execution_count", null);
        JsonArray outs = cells.get(2).getAsJsonObject().getAsJsonArray("outputs");
        outs.add(JsonParser.parseString("{\"output_type\": \"stream\", \"name\": \"stderr\", \"text\": \"warning: x\\n\"}"));
        outs.add(JsonParser.parseString("{\"output_type\": \"error\", \"ename\": \"java.lang.IllegalStateException\","
                + " \"evalue\": \"shape (2, 3) vs (3, 2)\", \"traceback\": []}"));
        assertEquals(List.of(
                "01-x.ipynb: cell 1 (code cell 1) was never executed",
                "01-x.ipynb: cell 2 (code cell 2) wrote to stderr: warning: x",
                "01-x.ipynb: cell 2 (code cell 2) raised java.lang.IllegalStateException: shape (2, 3) vs (3, 2)"),
                NotebookCheck.outputProblems(nb, FILE));
    }

    @Test
    void aChartCellWithoutItsImageIsFound() {
        JsonObject nb = executed();
        nb.getAsJsonArray("cells").get(2).getAsJsonObject().add("source",
                Notebooks.lines("Figures.show(chart, \"loss\");"));
        assertEquals(List.of("01-x.ipynb: cell 2 (code cell 2) shows a chart (Figures.show) but holds no image/png"
                + " output"), NotebookCheck.outputProblems(nb, FILE));
        nb.getAsJsonArray("cells").get(2).getAsJsonObject().getAsJsonArray("outputs").add(JsonParser.parseString(
                "{\"output_type\": \"execute_result\", \"execution_count\": 2, \"metadata\": {},"
                        + " \"data\": {\"image/png\": \"iVBORw==\"}}"));
        assertEquals(List.of(), NotebookCheck.outputProblems(nb, FILE));
    }

    @Test
    void outputsFromTwoRunsAreFound() {
        JsonObject nb = executed();
        nb.getAsJsonArray("cells").get(2).getAsJsonObject().addProperty("execution_count", 5);
        assertEquals(List.of("01-x.ipynb: cell 2 (code cell 2) has execution count 5, expected 2: outputs must come"
                + " from one run of all cells in order"), NotebookCheck.outputProblems(nb, FILE));
    }
}
