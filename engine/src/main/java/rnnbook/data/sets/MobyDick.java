package rnnbook.data.sets;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Moby-Dick (set {@value #NAME}): the 135 chapters and the epilogue, in order, one JSON file each as stdlib ships them. */
public final class MobyDick {
    public static final String NAME = "moby-dick";

    private MobyDick() {
    }

    /** One chapter: its number ("1" to "135", or "Epilogue"), its title, its text. */
    public record Chapter(String number, String title, String text) {
    }

    /** The chapters, from {@link Source#current()} (CI scale: the sample). */
    public static List<Chapter> chapters() {
        return chapters(Source.current().open(NAME));
    }

    /** The chapters in book order (chapter 1 to 135, then the epilogue). */
    public static List<Chapter> chapters(SetFiles files) {
        List<Chapter> out = new ArrayList<>();
        for (String file : files.list("package/data/{chapter_*,epilogue}.json")) {
            JsonObject o = files.object(file);
            out.add(new Chapter(files.field(o, "chapter", file), files.field(o, "title", file),
                    files.field(o, "text", file)));
        }
        if (out.isEmpty()) {
            throw DataSetException.empty(files, "chapter");
        }
        out.sort(Comparator.comparingInt(MobyDick::order));
        return out;
    }

    /** The whole novel as one text, chapters separated by blank lines. */
    public static String text(SetFiles files) {
        return chapters(files).stream().map(Chapter::text).collect(Collectors.joining("\n\n"));
    }

    private static int order(Chapter c) {
        return c.number().chars().allMatch(Character::isDigit) ? Integer.parseInt(c.number()) : Integer.MAX_VALUE;
    }
}
