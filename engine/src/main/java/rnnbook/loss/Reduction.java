package rnnbook.loss;

/** How per-example losses combine into one number, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** Average over the counted examples (the default). */
    MEAN,
    /** Plain sum. */
    SUM
}
