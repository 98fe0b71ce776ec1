package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookValidatorTest {
    @TempDir
    Path dir;

    private MalformedNotebookException malformed(String json) throws IOException {
        Path f = dir.resolve("bad.ipynb");
        Files.writeString(f, json);
        MalformedNotebookException e = assertThrows(MalformedNotebookException.class, () -> NotebookValidator.read(f));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e;
    }

    private static String nb(String cells) {
        return "{\"cells\": [" + cells + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    @Test
    void badJsonIsReportedWithItsPosition() throws IOException {
        var e = malformed("{\"cells\": [\n  {\"cell_type\": \"code\",,}\n]}");
        assertTrue(e.reason().startsWith("not valid JSON") && e.reason().contains("line 2"), e.reason());
    }

    @Test
    void truncatedFileIsBadJson() throws IOException {
        var e = malformed(nb("").substring(0, 30));
        assertTrue(e.reason().startsWith("not valid JSON"), e.reason());
    }

    @Test
    void unknownCellTypeNamesTheCellAndTheType() throws IOException {
        var e = malformed(nb("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# hi\"},"
                + " {\"cell_type\": \"heading\", \"metadata\": {}, \"source\": \"x\"}"));
        assertEquals("cell 1: unknown cell_type \"heading\" (expected \"markdown\", \"code\" or \"raw\")", e.reason());
    }

    @Test
    void wrongFormatVersion() throws IOException {
        var e = malformed("{\"cells\": [], \"metadata\": {}, \"nbformat\": 3}");
        assertEquals("expected \"nbformat\": 4 but found 3", e.reason());
    }

    @Test
    void codeCellWithoutOutputs() throws IOException {
        var e = malformed(nb("{\"cell_type\": \"code\", \"id\": \"c1\", \"metadata\": {}, \"source\": [\"1+1\"],"
                + " \"execution_count\": null}"));
        assertEquals("cell 0 (id \"c1\"): expected \"outputs\" to be a list but found nothing", e.reason());
    }

    @Test
    void sourceMustBeText() throws IOException {
        var e = malformed(nb("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": 42}"));
        assertEquals("cell 0: expected \"source\" to be a string or a list of strings but found 42", e.reason());
    }

    @Test
    void aValidNotebookReads() throws IOException {
        Path f = dir.resolve("ok.ipynb");
        Files.writeString(f, nb("{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"1\", \"execution_count\": 1,"
                + " \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1\\n\"]}]}"));
        assertEquals(1, NotebookValidator.read(f).getAsJsonArray("cells").size());
    }

    @Test
    void theGeneratorsOwnOutputIsValid() throws IOException {
        Path f = dir.resolve("gen.ipynb");
        var cells = new com.google.gson.JsonArray();
        cells.add(Notebooks.markdown("cell-000", "# T\n\ntext"));
        cells.add(Notebooks.code("cell-001", "int a = 1;\nint b = 2;"));
        Notebooks.write(f, Notebooks.notebook(cells));
        var read = NotebookValidator.read(f);
        assertEquals("int a = 1;\nint b = 2;", Notebooks.text(read.getAsJsonArray("cells").get(1).getAsJsonObject()
                .get("source")));
    }
}
