package rnnbook.exercises;

/** Reference solution of param-budget. */
public final class ParamBudget {
    private ParamBudget() {
    }

    public static long parameters(String kind, int input, int hidden) {
        if (input < 1 || hidden < 1) {
            throw new IllegalArgumentException("sizes must be at least 1, got input " + input + ", hidden " + hidden);
        }
        return blocks(kind) * ((long) hidden * input + (long) hidden * hidden + 2L * hidden);
    }

    public static int hiddenForBudget(String kind, int input, long budget) {
        if (parameters(kind, input, 1) > budget) {
            throw new IllegalArgumentException("a budget of " + budget + " does not fit one " + kind + " unit");
        }
        int hidden = 1;
        while (parameters(kind, input, hidden + 1) <= budget) {
            hidden++;
        }
        return hidden;
    }

    private static int blocks(String kind) {
        return switch (kind) {
            case "rnn" -> 1;
            case "gru" -> 3;
            case "lstm" -> 4;
            default -> throw new IllegalArgumentException("unknown cell kind " + kind + ": rnn, gru or lstm");
        };
    }
}
