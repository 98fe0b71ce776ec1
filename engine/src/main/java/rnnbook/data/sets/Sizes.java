package rnnbook.data.sets;

import java.util.Locale;

/** Byte counts for people: 42 kB, 1.5 MB (powers of 1000, as npm and Maven print them). */
final class Sizes {
    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
