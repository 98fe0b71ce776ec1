package rnnbook.grader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's grades, one row per student and one cell per exercise: the status, the points the tests gave, the
 * points after the late penalty and after a manual override (the final points). Built from the graded results;
 * the statistics and the failure rates are over the final points of every student.
 */
public final class Gradebook {
    /** What happened to one exercise of one submission. */
    public enum Status {
        MISSING("missing"), COMPILE_ERROR("compile error"), STARTER("starter"), GRADED("graded"),
        REJECTED("rejected"), CRASHED("crashed");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    public record Cell(String exercise, Status status, int tests, int max, double late, Overrides.Override override) {
        /** The points that count: the override's, else the tests' points after the late penalty. */
        public double points() {
            return override != null ? override.points() : late;
        }
    }

    public record Row(String student, Instant submitted, long daysLate, double factor, List<Cell> cells) {
        public double total() {
            return cells.stream().mapToDouble(Cell::points).sum();
        }

        public int max() {
            return cells.stream().mapToInt(Cell::max).sum();
        }
    }

    /** Mean, median, min and max of a list of points. */
    public record Stats(double mean, double median, double min, double max) {
        static Stats of(double[] xs) {
            if (xs.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] s = xs.clone();
            Arrays.sort(s);
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            return new Stats(Arrays.stream(s).average().orElseThrow(), median, s[0], s[s.length - 1]);
        }
    }

    /** How many graded submissions failed one test. */
    public record Failure(String exercise, String test, int failed, int graded) {
        public double rate() {
            return graded == 0 ? 0 : (double) failed / graded;
        }
    }

    private final List<Exercise> exercises;
    private final List<Row> rows;
    private final List<Failure> failures;

    private Gradebook(List<Exercise> exercises, List<Row> rows, List<Failure> failures) {
        this.exercises = exercises;
        this.rows = rows;
        this.failures = failures;
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every hidden test with how many graded submissions failed it, the most failed first. */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * @param times  when each submission was handed in (null: no due date)
     * @param policy the late rule (null: none)
     */
    static Gradebook of(List<Exercise> exercises, List<Results.Submission> subs, Map<String, Instant> times,
                        LatePolicy policy, Map<String, Map<String, Overrides.Override>> overrides) {
        List<Row> rows = new ArrayList<>();
        Map<String, int[]> failed = new LinkedHashMap<>();
        for (Results.Submission s : subs) {
            Instant at = times == null || times.get(s.name()) == null ? null
                    : times.get(s.name()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            long days = policy == null || at == null ? 0 : policy.daysLate(at);
            double factor = policy == null || at == null ? 1 : policy.factor(at);
            List<Cell> cells = new ArrayList<>();
            for (Exercise e : exercises) {
                Results.Exercise r = s.exercise(e.id());
                Overrides.Override o = overrides.getOrDefault(s.name(), Map.of()).get(e.id());
                if (r == null) {
                    cells.add(new Cell(e.id(), Status.MISSING, 0, 0, 0, o));
                    continue;
                }
                Status st = status(r);
                cells.add(new Cell(e.id(), st, r.score(), r.maxScore(), Math.round(r.score() * factor * 100) / 100.0, o));
                if (r.status() == Results.Status.GRADED) {
                    for (Results.Test t : r.tests()) {
                        int[] c = failed.computeIfAbsent(e.id() + "\u0000" + t.title(), k -> new int[2]);
                        c[0] += t.passed() ? 0 : 1;
                        c[1]++;
                    }
                }
            }
            rows.add(new Row(s.name(), at, days, factor, cells));
        }
        List<Failure> fs = new ArrayList<>();
        failed.forEach((k, c) -> fs.add(new Failure(k.split("\u0000")[0], k.split("\u0000")[1], c[0], c[1])));
        fs.sort((a, b) -> Double.compare(b.rate(), a.rate()));
        return new Gradebook(List.copyOf(exercises), rows, fs);
    }

    /** A graded exercise whose every test failed with the grader's "still the starter" message is the starter. */
    static Status status(Results.Exercise r) {
        return switch (r.status()) {
            case NOT_SUBMITTED -> Status.MISSING;
            case COMPILE_ERROR -> Status.COMPILE_ERROR;
            case REJECTED -> Status.REJECTED;
            case CRASHED -> Status.CRASHED;
            case GRADED -> r.score() == 0 && !r.tests().isEmpty()
                    && r.tests().stream().allMatch(t -> !t.passed() && t.message().contains("still the starter"))
                    ? Status.STARTER : Status.GRADED;
        };
    }

    /** Statistics of the final points of one exercise over every student. */
    public Stats stats(String exerciseId) {
        return Stats.of(rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.exercise().equals(exerciseId))
                .mapToDouble(Cell::points).toArray());
    }

    public Stats totals() {
        return Stats.of(rows.stream().mapToDouble(Row::total).toArray());
    }

    public int max(String exerciseId) {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.exercise().equals(exerciseId))
                .mapToInt(Cell::max).max().orElse(0);
    }

    public int max() {
        return exercises.stream().mapToInt(e -> max(e.id())).sum();
    }
}
