package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Reference solution of softmax-ce. */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    public static Matrix softmax(Matrix z) {
        Matrix p = Matrix.zeros(z.rows(), z.cols());
        for (int i = 0; i < z.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols(); j++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < z.cols(); j++) {
                double e = Math.exp(z.get(i, j) - max);
                p.set(i, j, e);
                sum += e;
            }
            for (int j = 0; j < z.cols(); j++) {
                p.set(i, j, p.get(i, j) / sum);
            }
        }
        return p;
    }

    public static double loss(Matrix z, int[] y) {
        double total = 0;
        for (int i = 0; i < z.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.cols(); j++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < z.cols(); j++) {
                sum += Math.exp(z.get(i, j) - max);
            }
            // -log p_y = log Σ exp(z - m) - (z_y - m): no exp of a large number, no log of 0
            total += Math.log(sum) - (z.get(i, y[i]) - max);
        }
        return total / z.rows();
    }

    public static Matrix gradient(Matrix z, int[] y) {
        Matrix d = softmax(z);
        int n = z.rows();
        for (int i = 0; i < n; i++) {
            d.set(i, y[i], d.get(i, y[i]) - 1);
        }
        return d.scale(1.0 / n);
    }
}
