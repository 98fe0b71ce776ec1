/**
 * What runs inside the grading child: the JUnit Platform Launcher (with the Jupiter engine) runs an exercise's
 * test class, a listener of this module takes the verdicts, and the values the hidden tests record go back to the
 * grader over a channel only this module can write. The public package holds only what test classes use
 * ({@link rnnbook.runner.Points}, {@link rnnbook.runner.Hint}, {@link rnnbook.runner.Record},
 * {@link rnnbook.runner.Expect}); the package holding the per-run secret is neither exported nor opened, so code in
 * the unnamed module (the submission) cannot reach it by reflection.
 */
module rnnbook.runner {
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.launcher;
    // not used directly: listed so that --limit-modules keeps the Jupiter engine (a service provider) observable
    requires org.junit.jupiter.engine;
    exports rnnbook.runner;
}
