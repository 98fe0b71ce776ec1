package rnnbook.exercises;

/** Reference solution of parameter-count. */
public final class ParameterCount {
    private ParameterCount() {
    }

    public static long dense(int length, int features, int hidden, int outputs) {
        long inputs = (long) length * features;
        return inputs * hidden + hidden + (long) hidden * outputs + outputs;
    }

    public static long rnn(int features, int hidden, int outputs) {
        long cell = (long) hidden * features + (long) hidden * hidden + hidden;   // MUTANT: one bias, but PyTorch's cell has bias_ih and bias_hh
        return cell + (long) hidden * outputs + outputs;
    }
}
