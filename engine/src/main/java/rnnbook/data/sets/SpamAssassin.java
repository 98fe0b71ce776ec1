package rnnbook.data.sets;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The SpamAssassin public corpus (set {@value #NAME}): whole e-mails (headers and body) in five groups,
 * {@code spam-1}, {@code spam-2}, {@code easy-ham-1}, {@code easy-ham-2} and {@code hard-ham-1} (ham that looks
 * like spam), one JSON file per message as stdlib ships them.
 */
public final class SpamAssassin {
    public static final String NAME = "spam-assassin";

    private SpamAssassin() {
    }

    /** One e-mail: its group, its id in the group, whether it is spam, its full text. */
    public record Message(String group, String id, boolean spam, String text) {
        /** Ham that looks like spam (the {@code hard-ham} groups). */
        public boolean hard() {
            return group.startsWith("hard-ham");
        }
    }

    /** Every message, from {@link Source#current()} (CI scale: the sample). */
    public static List<Message> messages() {
        return messages(Source.current().open(NAME));
    }

    /** Every message, by group and id. */
    public static List<Message> messages(SetFiles files) {
        List<Message> out = new ArrayList<>();
        for (String file : files.list("package/data/*/*.json")) {
            JsonObject o = files.object(file);
            String group = files.field(o, "group", file);
            boolean spam = group.startsWith("spam");
            if (!spam && !group.contains("ham")) {
                throw DataSetException.badFile(files.set(), file, "has the group '" + group
                        + "' (expected spam-N, easy-ham-N or hard-ham-N)", null);
            }
            out.add(new Message(group, files.field(o, "id", file), spam, files.field(o, "text", file)));
        }
        if (out.isEmpty()) {
            throw DataSetException.empty(files, "message");
        }
        return out;
    }
}
