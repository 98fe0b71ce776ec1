package rnnbook.data.sets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-set manifest: {@code rnnbook/data/sets/datasets.json} in the engine jar, every set pinned by package,
 * version and the registry's integrity hash. {@link #book()} is the committed one.
 */
public final class Manifest {
    private final Map<String, DataSet> sets;

    private Manifest(Map<String, DataSet> sets) {
        this.sets = sets;
    }

    /** The book's manifest, from the classpath. */
    public static Manifest book() {
        try (InputStream in = Manifest.class.getResourceAsStream("datasets.json")) {
            if (in == null) {
                throw new IllegalStateException("rnnbook/data/sets/datasets.json is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "datasets.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manifest of the given sets (tests use it for sets of their own). */
    public static Manifest of(List<DataSet> sets) {
        Map<String, DataSet> byName = new LinkedHashMap<>();
        sets.forEach(s -> byName.put(s.name(), s));
        return new Manifest(byName);
    }

    /** Parses a manifest; {@code where} names it in error messages. */
    public static Manifest parse(Reader json, String where) {
        JsonObject root;
        try {
            root = JsonParser.parseReader(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(where + " is not a JSON object: " + e.getMessage(), e);
        }
        Map<String, DataSet> sets = new LinkedHashMap<>();
        JsonArray array = root.getAsJsonArray("sets");
        if (array == null) {
            throw new IllegalArgumentException(where + " has no \"sets\" array");
        }
        for (JsonElement e : array) {
            DataSet set = entry(e.getAsJsonObject(), where);
            if (sets.put(set.name(), set) != null) {
                throw new IllegalArgumentException(where + " names the set " + set.name() + " twice");
            }
        }
        return new Manifest(sets);
    }

    private static DataSet entry(JsonObject o, String where) {
        String name = text(o, "name", where, "?");
        List<String> files = new ArrayList<>();
        JsonArray globs = o.getAsJsonArray("files");
        if (globs == null || globs.isEmpty()) {
            throw new IllegalArgumentException(where + ": set " + name + " lists no files");
        }
        globs.forEach(g -> files.add(g.getAsString()));
        String integrity = text(o, "integrity", where, name);
        Integrity.parse(integrity); // fail early on a malformed hash
        return new DataSet(name, text(o, "title", where, name), Registry.parse(text(o, "registry", where, name)),
                text(o, "package", where, name), text(o, "version", where, name), integrity,
                text(o, "licence", where, name), text(o, "licenceNote", where, name), text(o, "source", where, name),
                files,
                number(o, "downloadBytes", where, name), number(o, "usedBytes", where, name));
    }

    private static String text(JsonObject o, String key, String where, String set) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            throw new IllegalArgumentException(where + ": set " + set + " has no \"" + key + "\"");
        }
        return e.getAsString();
    }

    private static long number(JsonObject o, String key, String where, String set) {
        try {
            return Long.parseLong(text(o, key, where, set));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": set " + set + ": \"" + key + "\" is not a whole number");
        }
    }

    /** All sets, in manifest order. */
    public List<DataSet> all() {
        return List.copyOf(sets.values());
    }

    /** The set called {@code name}, or an error listing the known names. */
    public DataSet get(String name) {
        DataSet set = sets.get(name);
        if (set == null) {
            throw new IllegalArgumentException("no data set called '" + name + "'; known: "
                    + String.join(", ", sets.keySet()) + " (./book data lists them)");
        }
        return set;
    }
}
