package rnnbook.exercises;

/** A wrong solution of lm-units (see mutants.json). */
public final class LmUnits {
    private LmUnits() {
    }

    public static double nats(double[] targetProbabilities) {
        if (targetProbabilities.length == 0) {
            throw new IllegalArgumentException("no probabilities: the mean of nothing is undefined");
        }
        double sum = 0;
        for (int t = 0; t < targetProbabilities.length; t++) {
            double p = targetProbabilities[t];
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " at index " + t + " is not in (0, 1]");
            }
            sum -= Math.log(p) / Math.log(2);   // MUTANT: bits, not nats
        }
        return sum / targetProbabilities.length;
    }

    public static double bitsPerToken(double nats) {
        return nats / Math.log(2);
    }

    public static double perplexity(double nats) {
        return Math.exp(nats);
    }
}
