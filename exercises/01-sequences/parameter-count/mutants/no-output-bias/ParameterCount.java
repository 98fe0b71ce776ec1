package rnnbook.exercises;

/** Reference solution of parameter-count. */
public final class ParameterCount {
    private ParameterCount() {
    }

    public static long dense(int length, int features, int hidden, int outputs) {
        long inputs = (long) length * features;
        return inputs * hidden + hidden + (long) hidden * outputs;   // MUTANT: output bias forgotten
    }

    public static long rnn(int features, int hidden, int outputs) {
        long cell = (long) hidden * features + (long) hidden * hidden + 2L * hidden;
        return cell + (long) hidden * outputs;   // MUTANT: output bias forgotten
    }
}
