package rnnbook.data.sets;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The State of the Union addresses (set {@value #NAME}), 1790-2021: one JSON file per address. */
public final class StateOfTheUnion {
    public static final String NAME = "sotu";

    private StateOfTheUnion() {
    }

    /** One address: the year, the president, the party (as the source names it), the text. */
    public record Address(int year, String president, String party, String text) {
    }

    /** All addresses, from {@link Source#current()} (CI scale: the sample). */
    public static List<Address> addresses() {
        return addresses(Source.current().open(NAME));
    }

    /** All addresses, by year (two in one year, as in 1953 and 1961, by president's name). */
    public static List<Address> addresses(SetFiles files) {
        List<Address> out = new ArrayList<>();
        for (String file : files.list("package/data/[0-9][0-9][0-9][0-9]_*.json")) {
            JsonObject o = files.object(file);
            String year = files.field(o, "year", file);
            if (!year.matches("\\d{4}")) {
                throw DataSetException.badFile(files.set(), file, "has the year '" + year + "'", null);
            }
            out.add(new Address(Integer.parseInt(year), files.field(o, "name", file), files.field(o, "party", file),
                    files.field(o, "text", file)));
        }
        if (out.isEmpty()) {
            throw DataSetException.empty(files, "address");
        }
        out.sort(Comparator.comparingInt(Address::year).thenComparing(Address::president));
        return out;
    }

    /** The addresses from {@code first} to {@code last} (both included). */
    public static List<Address> between(List<Address> all, int first, int last) {
        return all.stream().filter(a -> a.year() >= first && a.year() <= last).toList();
    }
}
