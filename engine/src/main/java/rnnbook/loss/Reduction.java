package rnnbook.loss;

/** How per-example losses combine into one number, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** Average over the counted examples (the default). */
    MEAN,
    /** Plain sum. */
    SUM,
    /** No reduction: one loss per example (PyTorch's {@code reduction='none'}); ignored rows count 0. */
    NONE
}
