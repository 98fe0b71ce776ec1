package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instructor's manual overrides, {@code student,exercise,points,comment}: the points replace that cell's
 * points (after any late penalty: an override is the final word) and the comment shows in the gradebook. The file
 * is the instructor's: the grader reads it on every run and never writes it (except a header-only template when
 * it does not exist yet), so reruns keep it.
 */
final class Overrides {
    static final String HEADER = "student,exercise,points,comment\n";

    record Override(String student, String exercise, double points, String comment) {
    }

    private Overrides() {
    }

    /** Writes the header-only template if the file does not exist; never touches an existing file. */
    static void template(Path file) throws IOException {
        if (!Files.exists(file)) {
            Reports.atomically(file, HEADER);
        }
    }

    /**
     * Reads the overrides, keyed by student then exercise. An unknown student or exercise, a points value that is
     * not a number from 0 to the exercise's maximum, or a repeated pair is an error naming the row.
     */
    static Map<String, Map<String, Override>> read(Path file, Set<String> students, Map<String, Integer> maxima) {
        Map<String, Map<String, Override>> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String where = file.getFileName() + " row " + (i + 1) + ": ";
            if (i == 0 && r.get(0).equalsIgnoreCase("student")) {
                continue;
            }
            if (r.size() < 3) {
                throw new IllegalArgumentException(where + "expected student,exercise,points,comment");
            }
            String student = r.get(0).strip();
            String exercise = r.get(1).strip();
            if (!students.contains(student)) {
                throw new IllegalArgumentException(where + "no graded submission named " + student);
            }
            Integer max = maxima.get(exercise);
            if (max == null) {
                throw new IllegalArgumentException(where + "no exercise " + exercise + " (exercises: "
                        + String.join(", ", maxima.keySet()) + ")");
            }
            double points;
            try {
                points = Double.parseDouble(r.get(2).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "points must be a number, got " + r.get(2));
            }
            if (!(points >= 0 && points <= max)) {
                throw new IllegalArgumentException(where + "points must be from 0 to " + max + " for " + exercise
                        + ", got " + r.get(2));
            }
            Override o = new Override(student, exercise, points, r.size() > 3 ? r.get(3) : "");
            if (out.computeIfAbsent(student, k -> new LinkedHashMap<>()).put(exercise, o) != null) {
                throw new IllegalArgumentException(where + student + "/" + exercise + " is overridden twice");
            }
        }
        return out;
    }
}
