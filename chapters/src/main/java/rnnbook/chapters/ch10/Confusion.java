package rnnbook.chapters.ch10;

/**
 * Counts of a two-class decision, "positive" being the class we hunt (spam): true positives (spam called spam),
 * false positives (ham called spam), false negatives (spam let through), true negatives. accuracy = (tp + tn) / n,
 * precision = tp / (tp + fp) (of what we flagged, how much was spam), recall = tp / (tp + fn) (of the spam, how
 * much we caught); an empty denominator gives NaN.
 */
// tag::confusion[]
public record Confusion(int tp, int fp, int fn, int tn) {
    /** Counts over paired truths and predictions, 1 = positive. */
    public static Confusion of(int[] truth, int[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("Confusion: need as many predictions as truths, at least one, got "
                    + truth.length + " truths and " + predicted.length + " predictions");
        }
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == 1) {
                if (truth[i] == 1) tp++; else fp++;
            } else {
                if (truth[i] == 1) fn++; else tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    public double accuracy() {
        return (double) (tp + tn) / (tp + fp + fn + tn);
    }

    public double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }
}
// end::confusion[]
