package rnnbook.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Short texts shipped inside the engine jar (original prose written for this book), for character-level models
 * that must run in seconds. The Korean text contains the long-dependency example
 * "나는 한국 사람이야 ... 나는 한국어를 잘해": the last clause is predictable only from the first.
 */
public final class Texts {
    private Texts() {
    }

    /** About 3 KB of English prose on sequences and memory. */
    public static String english() {
        return resource("english.txt");
    }

    /** About 800 characters of Korean prose, Hangul syllables with spaces and punctuation. */
    public static String korean() {
        return resource("korean.txt");
    }

    /** A text resource of this package, read as UTF-8. */
    static String resource(String name) {
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("text resource rnnbook/data/" + name
                        + " is missing from the classpath (is the engine built with its resources?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read text resource " + name, e);
        }
    }
}
