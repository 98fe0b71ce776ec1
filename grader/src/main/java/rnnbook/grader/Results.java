package rnnbook.grader;

import java.util.List;

/** What grading produced, as plain records (serialised by {@link Reports}). */
public final class Results {
    private Results() {
    }

    /** One test: passed or not, its points, and the learner-facing message. */
    public record Test(String name, String title, int points, int maxPoints, boolean passed, String message,
                       boolean hidden) {
    }

    /** A compile error with the learner's line number (1-based, 0 when unknown). */
    public record CompileError(String file, long line, long column, String message) {
    }

    public enum Status { GRADED, NOT_SUBMITTED, REJECTED, COMPILE_ERROR, CRASHED }

    /** One exercise of a submission. */
    public record Exercise(String id, String title, Status status, String message, int score, int maxScore,
                           List<Test> tests, List<CompileError> compileErrors) {
    }

    /** One submission. */
    public record Submission(String name, String source, String sandbox, List<String> problems,
                             List<Exercise> exercises, long millis, long limitMillis) {
        public int score() {
            return exercises.stream().mapToInt(Exercise::score).sum();
        }

        public int maxScore() {
            return exercises.stream().mapToInt(Exercise::maxScore).sum();
        }

        public Exercise exercise(String id) {
            return exercises.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        }
    }
}
