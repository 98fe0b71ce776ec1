package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * When each submission was handed in: from a timestamps CSV ({@code submission,time}, ISO-8601 times, e.g. an
 * LMS export), else from the file system: a .zip or .ipynb file's modification time, or for a folder the newest
 * modification time of the regular files in it. {@link #source()} says which, for the report.
 */
final class SubmissionTimes {
    private final Map<String, Instant> fromCsv;
    private final Path csv;

    private SubmissionTimes(Map<String, Instant> fromCsv, Path csv) {
        this.fromCsv = fromCsv;
        this.csv = csv;
    }

    static SubmissionTimes fromFiles() {
        return new SubmissionTimes(Map.of(), null);
    }

    /** Reads {@code submission,time} rows (a header row {@code submission,time} is allowed). */
    static SubmissionTimes fromCsv(Path csv) {
        Map<String, Instant> times = new LinkedHashMap<>();
        try {
            List<List<String>> rows = Csv.parse(Files.readString(csv));
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                if (i == 0 && r.get(0).equalsIgnoreCase("submission")) {
                    continue;
                }
                if (r.size() < 2) {
                    throw new IllegalArgumentException(csv + " row " + (i + 1) + ": expected submission,time");
                }
                try {
                    times.put(r.get(0).strip(), Instant.parse(r.get(1).strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(csv + " row " + (i + 1) + ": " + r.get(1)
                            + " is not an ISO-8601 time such as 2026-12-10T21:03:00Z");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return new SubmissionTimes(times, csv);
    }

    String source() {
        return csv != null ? "the timestamps file " + csv.getFileName()
                : "file modification times (a .zip or .ipynb file's own; a folder's newest file)";
    }

    /** The time of submission {@code id} found at {@code path}; a CSV lacking the id is an error naming it. */
    Instant of(String id, Path path) {
        if (csv != null) {
            Instant t = fromCsv.get(id);
            if (t == null) {
                throw new IllegalArgumentException(csv + " has no time for the submission " + id);
            }
            return t;
        }
        try {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
            }
            try (Stream<Path> s = Files.walk(path, 8)) {
                return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> {
                    try {
                        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).max(Instant::compareTo).orElse(Files.getLastModifiedTime(path).toInstant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + path, e);
        }
    }
}
