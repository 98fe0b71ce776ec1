package rnnbook.notebooks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Building, reading and writing nbformat 4 notebooks as Gson trees. */
public final class Notebooks {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private Notebooks() {
    }

    static JsonObject markdown(String id, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.addProperty("id", id);
        cell.add("metadata", new JsonObject());
        cell.add("source", lines(source));
        return cell;
    }

    static JsonObject code(String id, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("execution_count", null);
        cell.addProperty("id", id);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("source", lines(source));
        return cell;
    }

    static JsonObject notebook(JsonArray cells) {
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", KernelSpec.DISPLAY_NAME);
        kernelspec.addProperty("language", "java");
        kernelspec.addProperty("name", KernelSpec.NAME);
        JsonObject languageInfo = new JsonObject();
        languageInfo.addProperty("name", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        metadata.add("language_info", languageInfo);
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb;
    }

    /** Jupyter's on-disk form of a multi-line string: a list of lines, each but the last ending in a newline. */
    static JsonArray lines(String text) {
        JsonArray a = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            a.add(text.substring(start, end));
            start = end;
        }
        return a;
    }

    /** A multi-line field (string or list of strings) as one string. */
    public static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e instanceof JsonPrimitive p) {
            return p.getAsString();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonElement l : e.getAsJsonArray()) {
            sb.append(l.getAsString());
        }
        return sb.toString();
    }

    /** Writes a notebook atomically (temp file in the same folder, then a move): a reader never sees half a file. */
    public static void write(Path target, JsonObject nb) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, GSON.toJson(nb) + "\n");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }
}
