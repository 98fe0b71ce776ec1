package rnnbook.data.sets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The UCI Sentiment Labelled Sentences (set {@value #NAME}), as the {@code sentiment} package keeps them in its test
 * fixtures: per source (yelp, amazon, imdb) a JSON array of {@code {"text": ..., "class": 0|1}}, 500 negative
 * and 500 positive. Each array ends with an empty placeholder ({@code "text": "", "class": null}, from the
 * original file's last line break), which is dropped; a missing label anywhere else is an error. A few sentences
 * occur twice in a source (yelp 3, amazon 9, imdb 2 repeats): a split by sentence can put a copy on both sides.
 */
public final class SentimentSentences {
    public static final String NAME = "sentiment-sentences";
    /** The three sources, in the order {@link #all} returns them. */
    public static final List<String> SOURCES = List.of("yelp", "amazon", "imdb");

    private SentimentSentences() {
    }

    /** One sentence: where it is from, its text, its label (1 positive, 0 negative). */
    public record Sentence(String source, String text, int label) {
    }

    /** All three sources, from {@link Source#current()} (CI scale: the sample). */
    public static List<Sentence> all() {
        return all(Source.current().open(NAME));
    }

    /** yelp, then amazon, then imdb. */
    public static List<Sentence> all(SetFiles files) {
        List<Sentence> out = new ArrayList<>();
        for (String source : SOURCES) {
            out.addAll(of(files, source));
        }
        return out;
    }

    /** One source's sentences, in file order. */
    public static List<Sentence> of(SetFiles files, String source) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("no source '" + source + "' in " + NAME + "; sources: " + SOURCES);
        }
        String file = "package/test/fixtures/" + source + ".json";
        JsonElement root = files.json(file);
        if (!root.isJsonArray()) {
            throw DataSetException.badFile(files.set(), file, "is not a JSON array", null);
        }
        List<Sentence> out = new ArrayList<>();
        var array = root.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw DataSetException.badFile(files.set(), file, "entry " + i + " is not an object", null);
            }
            JsonObject o = array.get(i).getAsJsonObject();
            String text = files.field(o, "text", file);
            JsonElement label = o.get("class");
            boolean placeholder = text.isBlank() && (label == null || label.isJsonNull());
            if (placeholder && i == array.size() - 1) {
                continue;
            }
            boolean number = label != null && label.isJsonPrimitive() && label.getAsJsonPrimitive().isNumber();
            if (!number || !(label.getAsDouble() == 0 || label.getAsDouble() == 1)) {
                throw DataSetException.badFile(files.set(), file, "entry " + i + " has the label " + label
                        + " (expected 0 or 1)", null);
            }
            out.add(new Sentence(source, text.strip(), label.getAsInt()));
        }
        if (out.isEmpty()) {
            throw DataSetException.badFile(files.set(), file, "holds no sentence", null);
        }
        return out;
    }
}
