package rnnbook.data.sets;

import java.util.List;

/** English first names (sets {@value #FEMALE} and {@value #MALE}), one per line, alphabetical. */
public final class FirstNames {
    public static final String FEMALE = "female-first-names-en";
    public static final String MALE = "male-first-names-en";
    private static final String FILE = "package/data/names.txt";

    private FirstNames() {
    }

    /** The female names, from {@link Source#current()} (CI scale: the sample). */
    public static List<String> female() {
        return of(Source.current().open(FEMALE));
    }

    /** The male names, from {@link Source#current()} (CI scale: the sample). */
    public static List<String> male() {
        return of(Source.current().open(MALE));
    }

    /** The names in one set's file. */
    public static List<String> of(SetFiles files) {
        return Lines.of(files, FILE);
    }
}
