package rnnbook.train;

/**
 * Training stopped because the loss or a gradient became NaN or infinite. Says at which step (1-based) and in
 * what: {@code "loss"} or the name of the parameter whose gradient went bad. Continuing would only spread the NaN
 * into every weight, so the {@link Trainer} stops before the optimiser step of that step.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final String where;
    private final double value;

    TrainingDivergedException(int step, String where, double value, String detail) {
        super("training diverged at step " + step + ": " + detail
                + " (try a smaller learning rate, gradient clipping, or check the inputs for NaN)");
        this.step = step;
        this.where = where;
        this.value = value;
    }

    /** The step (1-based) whose loss or gradient was not finite. */
    public int step() {
        return step;
    }

    /** {@code "loss"} or the name of the parameter whose gradient was not finite. */
    public String where() {
        return where;
    }

    /** The offending value: NaN, +Infinity or -Infinity. */
    public double value() {
        return value;
    }
}
