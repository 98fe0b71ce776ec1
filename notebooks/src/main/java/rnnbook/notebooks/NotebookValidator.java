package rnnbook.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a notebook and checks the nbformat 4 structure the book relies on, failing with the file and the reason:
 * strict JSON (with line and column of a syntax error), {@code nbformat} 4, {@code metadata} an object, every cell
 * of a known {@code cell_type} (markdown, code, raw) with a string or list-of-strings {@code source}, code cells with
 * an {@code outputs} list of known output types and an integer or null {@code execution_count}.
 */
public final class NotebookValidator {
    private static final Set<String> CELL_TYPES = Set.of("markdown", "code", "raw");
    private static final Set<String> OUTPUT_TYPES = Set.of("stream", "display_data", "execute_result", "error");

    private NotebookValidator() {
    }

    /** Usage: {@code NotebookValidator FILE...}; prints one line per problem and exits 1 when there is any. */
    public static void main(String[] args) {
        int bad = 0;
        for (String a : args) {
            try {
                read(Path.of(a));
            } catch (MalformedNotebookException e) {
                System.err.println("malformed notebook " + e.getMessage());
                bad++;
            }
        }
        System.exit(bad == 0 ? 0 : 1);
    }

    /** The notebook as a JSON tree, or a {@link MalformedNotebookException} saying what is wrong where. */
    public static JsonObject read(Path file) {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file); JsonReader json = new JsonReader(r)) {
            json.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedNotebookException(file, "not valid JSON: text after the end of the document", null);
            }
        } catch (NoSuchFileException e) {
            throw new MalformedNotebookException(file, "no such file", e);
        } catch (MalformedInputException e) {
            throw new MalformedNotebookException(file, "not UTF-8 text", e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new MalformedNotebookException(file, "not valid JSON: " + rootCause(e).getMessage(), e);
        } catch (IOException e) {
            throw new MalformedNotebookException(file, "cannot read: " + e.getMessage(), e);
        }
        return check(file, root);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static JsonObject check(Path file, JsonElement root) {
        if (!root.isJsonObject()) {
            throw bad(file, "expected a JSON object at the top but found " + kind(root));
        }
        JsonObject nb = root.getAsJsonObject();
        JsonElement format = nb.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()
                || format.getAsInt() != 4) {
            throw bad(file, "expected \"nbformat\": 4 but found " + (format == null ? "no nbformat" : format));
        }
        if (!(nb.get("metadata") instanceof JsonObject)) {
            throw bad(file, "expected \"metadata\" to be an object but found " + kind(nb.get("metadata")));
        }
        if (!(nb.get("cells") instanceof JsonArray cells)) {
            throw bad(file, "expected \"cells\" to be a list but found " + kind(nb.get("cells")));
        }
        for (int i = 0; i < cells.size(); i++) {
            checkCell(file, i, cells.get(i));
        }
        return nb;
    }

    private static void checkCell(Path file, int i, JsonElement e) {
        String at = "cell " + i;
        if (!(e instanceof JsonObject cell)) {
            throw bad(file, at + ": expected an object but found " + kind(e));
        }
        JsonElement type = cell.get("cell_type");
        if (type == null || !type.isJsonPrimitive() || !CELL_TYPES.contains(type.getAsString())) {
            throw bad(file, at + ": unknown cell_type " + (type == null ? "(missing)" : type)
                    + " (expected \"markdown\", \"code\" or \"raw\")");
        }
        if (cell.has("id")) {
            at += " (id " + cell.get("id") + ")";
        }
        if (!isText(cell.get("source"))) {
            throw bad(file, at + ": expected \"source\" to be a string or a list of strings but found "
                    + kind(cell.get("source")));
        }
        if (!type.getAsString().equals("code")) {
            return;
        }
        JsonElement count = cell.get("execution_count");
        if (count == null || !(count.isJsonNull() || count.isJsonPrimitive() && count.getAsJsonPrimitive().isNumber())) {
            throw bad(file, at + ": expected \"execution_count\" to be a number or null but found " + kind(count));
        }
        if (!(cell.get("outputs") instanceof JsonArray outputs)) {
            throw bad(file, at + ": expected \"outputs\" to be a list but found " + kind(cell.get("outputs")));
        }
        for (int k = 0; k < outputs.size(); k++) {
            if (!(outputs.get(k) instanceof JsonObject out) || !out.has("output_type")
                    || !OUTPUT_TYPES.contains(out.get("output_type").getAsString())) {
                throw bad(file, at + ", output " + k + ": expected an output_type among " + OUTPUT_TYPES
                        + " but found " + outputs.get(k));
            }
            if (out.get("output_type").getAsString().equals("stream") && !isText(out.get("text"))) {
                throw bad(file, at + ", output " + k + ": a stream output needs \"text\"");
            }
        }
    }

    private static boolean isText(JsonElement e) {
        if (e == null) {
            return false;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsJsonPrimitive().isString();
        }
        if (!e.isJsonArray()) {
            return false;
        }
        for (JsonElement l : e.getAsJsonArray()) {
            if (!l.isJsonPrimitive() || !l.getAsJsonPrimitive().isString()) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonElement e) {
        if (e == null) {
            return "nothing";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        return e.toString();
    }

    private static MalformedNotebookException bad(Path file, String reason) {
        return new MalformedNotebookException(file, reason, null);
    }
}
