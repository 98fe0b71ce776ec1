package rnnbook.data.sets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The files of one fetched set, read strictly: UTF-8 only (a wrong encoding is an error, never replacement
 * characters), each file's size and SHA-256 checked against the stamp written when it was unpacked (a truncated
 * file, or one with a single byte changed, is an error; a stamp of an older fetch has sizes only), JSON and CSV
 * parsed by Gson and Commons CSV with the file named in every error.
 */
public final class SetFiles {
    private final DataSet set;
    private final Path root;
    private final Map<String, Long> sizes;
    private final Map<String, String> hashes;

    /** The set's files under {@code root}; the stamp, when there is one, gives the expected sizes. */
    public SetFiles(DataSet set, Path root) {
        this.set = set;
        this.root = root;
        Path stamp = root.resolve(Fetch.STAMP);
        this.sizes = readStamp(stamp, "files", true, e -> e.getAsLong());
        this.hashes = readStamp(stamp, "sha256", false, e -> e.getAsString());
    }

    public DataSet set() {
        return set;
    }

    public Path root() {
        return root;
    }

    /** The files matching {@code glob}, as paths relative to the set's folder, sorted. */
    public List<String> list(String glob) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p))
                    .filter(m::matches).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's text; it must be complete (its unpacked size) and valid UTF-8. */
    public String text(String file) {
        byte[] bytes = bytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw DataSetException.badFile(set, file, "is not UTF-8: malformed bytes at byte "
                    + firstBadByte(bytes) + " (a wrong encoding?)", e);
        } catch (CharacterCodingException e) {
            throw DataSetException.badFile(set, file, "is not UTF-8 (" + e + ")", e);
        }
    }

    /** A binary file's bytes (a MIDI file); it must be complete (its unpacked size). */
    public byte[] bytes(String file) {
        Path p = root.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw DataSetException.badFile(set, file, "is missing from " + root, null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw DataSetException.badFile(set, file, "cannot be read (" + e.getMessage() + ")", e);
        }
        Long expected = sizes.get(file);
        if (expected != null && expected != bytes.length) {
            throw DataSetException.badFile(set, file, "is truncated or changed: " + bytes.length + " bytes, "
                    + expected + " when it was unpacked", null);
        }
        String hash = hashes.get(file);
        if (hash != null && !hash.equals(Integrity.sha256Hex(bytes))) {
            throw DataSetException.badFile(set, file, "has changed since it was unpacked (its SHA-256 is not the "
                    + "one recorded then: the cached copy is corrupt or was edited)", null);
        }
        return bytes;
    }

    /** The offset of the first byte that does not decode as UTF-8. */
    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** A JSON file, parsed; truncated or malformed JSON is an error naming the file. */
    public JsonElement json(String file) {
        String text = text(file);
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw DataSetException.badFile(set, file, "is not valid JSON (truncated?): " + e.getMessage(), e);
        }
    }

    /** A JSON file that must hold one object. */
    public JsonObject object(String file) {
        JsonElement e = json(file);
        if (!e.isJsonObject()) {
            throw DataSetException.badFile(set, file, "is not a JSON object", null);
        }
        return e.getAsJsonObject();
    }

    /** A JSON object's string field, or an error naming the file and field. */
    public String field(JsonObject o, String key, String file) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
            throw DataSetException.badFile(set, file, "has no \"" + key + "\" field", null);
        }
        return e.getAsString();
    }

    /** A CSV file with a header row that must contain {@code columns}; every record has the header's width. */
    public List<CSVRecord> csv(String file, String... columns) {
        String text = text(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (String c : columns) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw DataSetException.badFile(set, file, "has no column '" + c + "' (header: "
                            + parser.getHeaderNames() + ")", null);
                }
            }
            List<CSVRecord> records = parser.getRecords();
            int width = parser.getHeaderNames().size();
            for (CSVRecord r : records) {
                if (r.size() != width) {
                    throw DataSetException.badFile(set, file, "record " + r.getRecordNumber()
                            + " (after the header) has " + r.size() + " fields, the header " + width + " (truncated?)",
                            null);
                }
            }
            return records;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw DataSetException.badFile(set, file, "is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** A number in a file, or an error naming the file and where. */
    public double number(String value, String file, String where) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw DataSetException.badFile(set, file, where + ": '" + value + "' is not a number", e);
        }
    }

    /**
     * One per-file map of the stamp ({@code files}: sizes, {@code sha256}: hashes, which stamps of older fetches lack);
     * empty when there is no stamp.
     */
    private static <V> Map<String, V> readStamp(Path stamp, String key, boolean required,
                                                Function<JsonElement, V> value) {
        Map<String, V> map = new TreeMap<>();
        if (Files.isRegularFile(stamp)) {
            try {
                JsonObject files = JsonParser.parseString(Files.readString(stamp)).getAsJsonObject()
                        .getAsJsonObject(key);
                if (files == null && required) {
                    throw new IllegalStateException("no \"" + key + "\" object");
                }
                if (files != null) {
                    files.entrySet().forEach(e -> map.put(e.getKey(), value.apply(e.getValue())));
                }
            } catch (IOException | RuntimeException e) {
                throw new DataSetException("the stamp " + stamp + " is unreadable (" + e.getMessage()
                        + "); delete its folder and fetch the set again", e);
            }
        }
        return map;
    }
}
