/**
 * The test runner that runs inside the grading sandbox. Its public package holds only what tests use
 * ({@link rnnbook.runner.Graded}, {@link rnnbook.runner.Check}); the package holding the per-run secret is neither
 * exported nor opened, so code in the unnamed module (the submission) cannot reach it by reflection.
 */
module rnnbook.runner {
    exports rnnbook.runner;
}
