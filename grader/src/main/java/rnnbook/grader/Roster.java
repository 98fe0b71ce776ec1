package rnnbook.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A course's roster as Canvas exports it (Grades, Export: the columns Student, ID, SIS User ID, SIS Login ID and
 * Section, then one per assignment; a "Points Possible" row is skipped). A submission is matched to a student by its
 * name, compared without case with the SIS Login ID, then the SIS User ID, then the Canvas ID, so that
 * {@code canvas.csv} carries the IDs Canvas's import matches on.
 */
final class Roster {
    static final List<String> COLUMNS = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");

    /** One student's row: the five identifying fields, in {@link #COLUMNS} order. */
    record Student(List<String> fields) {
    }

    private final Map<String, Student> byKey = new LinkedHashMap<>();

    private Roster() {
    }

    /** Reads Canvas's export; a missing identifying column or a key shared by two students is an error. */
    static Roster read(Path file) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty roster");
        }
        List<String> head = rows.get(0).stream().map(String::strip).toList();
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = head.indexOf(COLUMNS.get(i));
            if (at[i] < 0) {
                throw new IllegalArgumentException(file + ": no column \"" + COLUMNS.get(i) + "\" (expected Canvas's"
                        + " gradebook export: " + String.join(", ", COLUMNS) + ")");
            }
        }
        Roster r = new Roster();
        Map<String, Student> claimed = new LinkedHashMap<>();
        for (int n = 1; n < rows.size(); n++) {
            List<String> row = rows.get(n);
            List<String> f = new ArrayList<>();
            for (int i : at) {
                f.add(i < row.size() ? row.get(i).strip() : "");
            }
            if (f.get(0).isEmpty() || f.get(0).contains("Points Possible")) {
                continue;
            }
            Student s = new Student(List.copyOf(f));
            for (int k : new int[] {3, 2, 1}) {   // SIS Login ID, SIS User ID, ID
                String key = f.get(k).toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    continue;
                }
                Student before = claimed.putIfAbsent(key, s);
                if (before != null && before != s) {
                    throw new IllegalArgumentException(file + " row " + (n + 1) + ": \"" + f.get(k)
                            + "\" also belongs to " + before.fields().get(0));
                }
                r.byKey.putIfAbsent(key, s);
            }
        }
        return r;
    }

    /** The student a submission's name belongs to, or null. */
    Student find(String submission) {
        return byKey.get(submission.strip().toLowerCase(Locale.ROOT));
    }
}
