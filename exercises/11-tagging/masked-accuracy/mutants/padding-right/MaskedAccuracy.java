package rnnbook.exercises;

// MUTANT padding-right
/** Reference solution of masked-accuracy. */
public final class MaskedAccuracy {
    private MaskedAccuracy() {
    }

    public static double accuracy(int[][] gold, int[][] predicted, int ignore) {
        int right = 0, real = 0;
        for (int t = 0; t < gold.length; t++) {
            for (int b = 0; b < gold[t].length; b++) {
                if (gold[t][b] != ignore) {
                    real++;
                    right += predicted[t][b] == gold[t][b] ? 1 : 0;
                } else {
                    right++;
                    real++;
                }
            }
        }
        if (real == 0) {
            throw new IllegalArgumentException("accuracy: every position is padding; no real token to score");
        }
        return (double) right / real;
    }

    public static double withPaddingCounted(int[][] gold, int[][] predicted, int ignore) {
        int counted = 0, all = 0;
        for (int t = 0; t < gold.length; t++) {
            for (int b = 0; b < gold[t].length; b++) {
                all++;
                counted += gold[t][b] == ignore || predicted[t][b] == gold[t][b] ? 1 : 0;
            }
        }
        return (double) counted / all;
    }
}
