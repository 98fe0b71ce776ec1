package rnnbook.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a batch writes for the instructor beside {@code gradebook.csv} (the tests' raw points), each atomically:
 * {@code gradebook.html} ({@link GradebookHtml}), {@code final.csv} (per student and exercise the status and the
 * final points after the late penalty and the overrides, with the comments) and {@code canvas.csv} (Canvas's
 * gradebook import format: Student, ID, SIS User ID, SIS Login ID, Section, one column per exercise, a
 * "Points Possible" row; the submission's name is the SIS Login ID). {@code overrides.csv} is the instructor's and
 * is only read (a header-only template is created when it is missing).
 */
final class GradebookFiles {
    static final List<String> NAMES = List.of("gradebook.html", "final.csv", "canvas.csv", "overrides.csv");

    /** The instructor's choices for a batch: all optional. */
    record Options(LatePolicy late, Path timesCsv, Path overrides, Path roster) {
        Options(LatePolicy late, Path timesCsv, Path overrides) {
            this(late, timesCsv, overrides, null);
        }
    }

    private GradebookFiles() {
    }

    static Gradebook write(Path out, Path submissionsDir, List<Exercise> exercises, List<Results.Submission> subs,
                           Options o) throws IOException {
        Path overrides = o.overrides() != null ? o.overrides() : out.resolve("overrides.csv");
        Overrides.template(overrides);
        Map<String, Integer> maxima = new LinkedHashMap<>();
        exercises.forEach(e -> maxima.put(e.id(), subs.stream().map(s -> s.exercise(e.id()))
                .filter(java.util.Objects::nonNull).mapToInt(Results.Exercise::maxScore).max().orElse(0)));
        var ov = Overrides.read(overrides, subs.stream().map(Results.Submission::name).collect(Collectors.toSet()), maxima);
        Map<String, Instant> times = null;
        String rules = "No due date.";
        if (o.late() != null) {
            SubmissionTimes st = o.timesCsv() != null ? SubmissionTimes.fromCsv(o.timesCsv()) : SubmissionTimes.fromFiles();
            times = new LinkedHashMap<>();
            for (Results.Submission s : subs) {
                times.put(s.name(), st.of(s.name(), submissionsDir.resolve(s.source())));
            }
            rules = "Late rule: " + o.late().describe() + "; submission times from " + st.source() + ".";
        }
        rules += " Overrides: " + overrides.getFileName() + " (" + ov.values().stream().mapToInt(Map::size).sum()
                + " applied; an override replaces the points after any late penalty).";
        Gradebook g = Gradebook.of(exercises, subs, times, o.late(), ov);
        Reports.atomically(out.resolve("gradebook.html"), GradebookHtml.page(g, rules));
        Reports.atomically(out.resolve("final.csv"), finalCsv(g));
        Reports.atomically(out.resolve("canvas.csv"), canvas(g, o.roster() == null ? null : Roster.read(o.roster())));
        return g;
    }

    static String finalCsv(Gradebook g) {
        List<String> head = new ArrayList<>(List.of("student", "submitted", "days_late"));
        for (Exercise e : g.exercises()) {
            head.addAll(List.of(e.id(), e.id() + "_status", e.id() + "_comment"));
        }
        head.addAll(List.of("total", "max"));
        StringBuilder b = new StringBuilder(Csv.row(head));
        for (Gradebook.Row r : g.rows()) {
            List<String> f = new ArrayList<>(List.of(r.student(), r.submitted() == null ? "" : r.submitted().toString(),
                    Long.toString(r.daysLate())));
            for (Gradebook.Cell c : r.cells()) {
                f.add(GradebookHtml.num(c.points()));
                f.add(c.override() != null ? "override" : c.status().label);
                f.add(c.override() != null ? c.override().comment() : "");
            }
            f.add(GradebookHtml.num(r.total()));
            f.add(Integer.toString(r.max()));
            b.append(Csv.row(f));
        }
        return b.toString();
    }

    /**
     * Canvas's import: without a roster the submission's name goes in SIS Login ID (Canvas matches a row by ID,
     * SIS User ID or SIS Login ID, so names must be login IDs); with Canvas's own export as the roster
     * ({@code --roster}), each submission's row carries its student's Student, ID, SIS User ID, SIS Login ID and
     * Section. A submission that matches no student stops the export with every such name listed.
     */
    static String canvas(Gradebook g, Roster roster) {
        List<String> head = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        List<String> possible = new ArrayList<>(List.of("Points Possible", "", "", "", ""));
        for (Exercise e : g.exercises()) {
            head.add(e.chapter() + " " + e.id());
            possible.add(Integer.toString(g.max(e.id())));
        }
        StringBuilder b = new StringBuilder(Csv.row(head)).append(Csv.row(possible));
        List<String> unknown = new ArrayList<>();
        // Canvas matches a row to a student without case (the roster is matched so too): two submissions that land
        // on one student (bob/ and BOB.zip) would give that student whichever row Canvas reads last
        Map<String, String> claimed = new LinkedHashMap<>();
        List<String> shared = new ArrayList<>();
        for (Gradebook.Row r : g.rows()) {
            Roster.Student s = roster == null ? null : roster.find(r.student());
            if (roster != null && s == null) {
                unknown.add(r.student());
                continue;
            }
            String who = (s != null ? String.join("\t", s.fields()) : r.student().strip()).toLowerCase(Locale.ROOT);
            String before = claimed.putIfAbsent(who, r.student());
            if (before != null) {
                shared.add(before + " and " + r.student());
            }
            List<String> f = new ArrayList<>(s != null ? s.fields() : List.of(r.student(), "", "", r.student(), ""));
            r.cells().forEach(c -> f.add(GradebookHtml.num(c.points())));
            b.append(Csv.row(f));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("canvas.csv: no student in the roster has the SIS Login ID, SIS User"
                    + " ID or ID " + String.join(", ", unknown) + " (rename the submission, or add the student)");
        }
        if (!shared.isEmpty()) {
            throw new IllegalArgumentException("canvas.csv: these submissions are the same student for Canvas (names"
                    + " are matched without case): " + String.join("; ", shared) + " (keep one of each)");
        }
        return b.toString();
    }
}
