package rnnbook.grader;

import java.nio.file.Path;

/**
 * One exercise as laid out under {@code exercises/NN-slug/ID/}: {@code exercise.json}, {@code starter/},
 * {@code solution/}, {@code tests/} (public checks), {@code hidden/} (graded tests), {@code mutants/NAME/} and
 * {@code mutants.json}. The learner's class is {@code rnnbook.exercises.CLASS} in a file {@code CLASS.java}.
 */
public record Exercise(String id, String title, String className, String chapter, Path dir) {
    public static final String PACKAGE = "rnnbook.exercises";

    public String qualifiedName() {
        return PACKAGE + "." + className;
    }

    public String fileName() {
        return className + ".java";
    }

    public Path starter() {
        return dir.resolve("starter").resolve(fileName());
    }

    public Path solution() {
        return dir.resolve("solution").resolve(fileName());
    }

    public String hiddenTestClass() {
        return PACKAGE + "." + className + "Graded";
    }

    public String publicTestClass() {
        return PACKAGE + "." + className + "Check";
    }
}
