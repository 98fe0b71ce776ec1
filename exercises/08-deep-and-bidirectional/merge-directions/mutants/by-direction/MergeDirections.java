package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Reference solution of merge-directions. */
public final class MergeDirections {
    private MergeDirections() {
    }

    public static Matrix[] outputs(Matrix[] ahead, Matrix[] back) {
        int seq = ahead.length;
        Matrix[] ys = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            ys[t] = sideBySide(ahead[t], back[seq - 1 - t]);
        }
        return ys;
    }

    public static Matrix[] finalStates(Matrix[] forwardLast, Matrix[] backwardLast) {
        Matrix[] h = new Matrix[2 * forwardLast.length];
        for (int layer = 0; layer < forwardLast.length; layer++) {
            h[layer] = forwardLast[layer];   // MUTANT: all forward states first, then all backward ones
            h[forwardLast.length + layer] = backwardLast[layer];
        }
        return h;
    }

    public static Matrix summary(Matrix[] outputs) {
        Matrix last = outputs[outputs.length - 1];
        Matrix first = outputs[0];
        int hidden = last.cols() / 2;
        Matrix s = Matrix.zeros(last.rows(), 2 * hidden);
        for (int b = 0; b < last.rows(); b++) {
            for (int j = 0; j < hidden; j++) {
                s.set(b, j, last.get(b, j));                            // forward: finished at T-1
                s.set(b, hidden + j, first.get(b, hidden + j));         // backward: finished at 0
            }
        }
        return s;
    }

    private static Matrix sideBySide(Matrix left, Matrix right) {
        Matrix m = Matrix.zeros(left.rows(), left.cols() + right.cols());
        for (int b = 0; b < left.rows(); b++) {
            for (int j = 0; j < left.cols(); j++) {
                m.set(b, j, left.get(b, j));
            }
            for (int j = 0; j < right.cols(); j++) {
                m.set(b, left.cols() + j, right.get(b, j));
            }
        }
        return m;
    }
}
