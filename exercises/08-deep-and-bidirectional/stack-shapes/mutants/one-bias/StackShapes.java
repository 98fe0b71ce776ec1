package rnnbook.exercises;

/** Reference solution of stack-shapes. */
public final class StackShapes {
    private StackShapes() {
    }

    public static int[] weightIh(int gates, int input, int hidden, int layer, boolean bidirectional) {
        int directions = bidirectional ? 2 : 1;
        return new int[] {gates * hidden, layer == 0 ? input : directions * hidden};
    }

    public static long parameterCount(int gates, int input, int hidden, int layers, boolean bias,
                                      boolean bidirectional) {
        int directions = bidirectional ? 2 : 1;
        long total = 0;
        for (int layer = 0; layer < layers; layer++) {
            int in = weightIh(gates, input, hidden, layer, bidirectional)[1];
            long perDirection = (long) gates * hidden * in + (long) gates * hidden * hidden
                    + (bias ? (long) gates * hidden : 0);   // MUTANT: one bias vector
            total += directions * perDirection;
        }
        return total;
    }

    public static int[] output(int seq, int batch, int hidden, boolean bidirectional) {
        return new int[] {seq, batch, (bidirectional ? 2 : 1) * hidden};
    }

    public static int[] hN(int layers, int batch, int hidden, boolean bidirectional) {
        return new int[] {layers * (bidirectional ? 2 : 1), batch, hidden};
    }
}
