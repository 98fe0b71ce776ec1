package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebooks whose JSON is valid (or nearly) but hostile to the grader's reading of them, read in the grader's own
 * process: each must give a clear problem or the JShell reading, in time, without exhausting memory or stack.
 */
@Timeout(120)
class AdversarialNotebookTest {
    @TempDir
    Path tmp;

    private static String cell(String source, String tag) {
        return "{\"cell_type\":\"code\",\"metadata\":{" + (tag == null ? "" : "\"tags\":[\"" + tag + "\"]")
                + "},\"source\":" + new com.google.gson.Gson().toJson(source) + ",\"outputs\":[]}";
    }

    private Ingest.Submission read(String json) throws Exception {
        Path nb = tmp.resolve("nb-" + json.length() + ".ipynb");
        Files.writeString(nb, json);
        return Ingest.read(nb, Fixture.catalog());
    }

    private static String solutionCell() {
        String src = Fixture.read(Fixture.catalog().byId("parameter-count").orElseThrow().solution());
        return src.replaceAll("(?m)^(package|import) .*$", "").replace("public final class", "final class");
    }

    /**
     * 4 million nested brackets (within the 8 MiB a notebook may have) in a field nobody reads: Gson reads them
     * without recursion, so no StackOverflowError; the notebook's exercise is found.
     */
    @Test
    void deepNestingNeitherOverflowsNorHides() throws Exception {
        int depth = 4_000_000;
        String json = "{\"cells\":[" + cell(solutionCell(), null) + "],\"x\":" + "[".repeat(depth) + "]".repeat(depth)
                + "}";
        Ingest.Submission s = read(json);
        assertTrue(s.entries().get("parameter-count").text().contains("hidden * outputs"), s.problems().toString());
    }

    /** Duplicate keys: JShell's Jupyter (Python's json) keeps the last one, and so does the grader. */
    @Test
    void aDuplicateKeyMeansWhatJupyterReads() throws Exception {
        String starter = Fixture.read(Fixture.catalog().byId("parameter-count").orElseThrow().starter())
                .replaceAll("(?m)^(package|import) .*$", "").replace("public final class", "final class");
        String json = "{\"cells\":[" + cell(starter, null) + "],\"cells\":[" + cell(solutionCell(), null) + "]}";
        Ingest.Submission s = read(json);
        Ingest.Entry e = s.entries().get("parameter-count");
        assertTrue(e != null && e.text() != null && e.text().contains("hidden * outputs"), String.valueOf(e));
    }

    /**
     * 100,000 tiny code cells (within the 8 MiB a notebook may have), each tagged for an exercise that does not
     * exist: read in seconds, and the problems list stays short (one line per bad cell was 100,000 lines in
     * every report).
     */
    @Test
    void aHundredThousandCellsAreReadQuicklyWithAShortProblemList() throws Exception {
        StringBuilder b = new StringBuilder("{\"cells\":[").append(cell(solutionCell(), null));
        for (int i = 0; i < 100_000; i++) {
            b.append(",{\"cell_type\":\"code\",\"metadata\":{\"tags\":[\"solution:x\"]},\"source\":\"\"}");
        }
        b.append("]}");
        long t0 = System.nanoTime();
        Ingest.Submission s = read(b.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(s.entries().containsKey("parameter-count"), s.entries().keySet().toString());
        assertTrue(s.problems().size() <= 25, "problems: " + s.problems().size());
        assertTrue(String.join(" ", s.problems()).contains("more"), s.problems().toString());
        assertTrue(seconds < 30, "read in " + seconds + " s");
    }

    /** A notebook whose cells field is not a list, or whose cells are not objects: a clear problem, no crash. */
    @Test
    void wrongShapesAreProblemsNotCrashes() throws Exception {
        for (String json : new String[] {"{\"cells\":{}}", "{\"cells\":[1,[],null,\"x\"]}", "{\"cells\":null}",
                "{\"cells\":[{\"cell_type\":\"code\",\"source\":{\"a\":1}}]}",
                "{\"cells\":[{\"cell_type\":[\"code\"],\"source\":\"class ParameterCount {}\"}]}"}) {
            Ingest.Submission s = read(json);
            assertEquals(0, s.entries().values().stream().filter(e -> e.text() != null).count(), json);
            assertTrue(!s.problems().isEmpty(), json);
        }
    }
}
