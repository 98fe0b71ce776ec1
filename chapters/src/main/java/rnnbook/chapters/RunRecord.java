package rnnbook.chapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How one chapter program was run for the pages: at which scale and how many seconds it took. {@link BuildFigures}
 * writes it beside the figures as {@code run-CLASS.txt}; the site states it at the top of each chapter page.
 *
 * @param scale   {@code ci} or {@code full}
 * @param seconds wall-clock time of the program's {@code main}
 */
public record RunRecord(String scale, double seconds) {

    public RunRecord {
        scale = scale.toLowerCase(Locale.ROOT);
        if (!scale.equals("ci") && !scale.equals("full")) {
            throw new IllegalArgumentException("scale must be ci or full, got " + scale);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
    }

    /** {@code run-CLASS.txt}. */
    public static String fileName(Class<?> program) {
        return "run-" + program.getName() + ".txt";
    }

    /** Two lines, {@code scale=full} and {@code seconds=12.3}. */
    public String toText() {
        return String.format(Locale.ROOT, "scale=%s%nseconds=%.1f%n", scale, seconds);
    }

    /** Reads {@code run-CLASS.txt} from the figures folder; empty when the program has not been run there. */
    public static Optional<RunRecord> read(Path figures, Class<?> program) throws IOException {
        Path file = figures.resolve(fileName(program));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String scale = null;
        Double seconds = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("scale=")) {
                scale = line.substring(6).strip();
            } else if (line.startsWith("seconds=")) {
                seconds = Double.parseDouble(line.substring(8).strip());
            }
        }
        if (scale == null || seconds == null) {
            throw new IOException(file + " lacks a scale= or seconds= line");
        }
        return Optional.of(new RunRecord(scale, seconds));
    }
}
