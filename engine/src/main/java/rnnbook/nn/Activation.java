package rnnbook.nn;

import rnnbook.tensor.Matrix;
import rnnbook.tensor.Pointwise;

/**
 * Pointwise nonlinearities. Each knows its derivative written in terms of its own output y = f(a), which is what
 * a backward pass has at hand: tanh' = 1 - y², sigmoid' = y (1 - y), relu' = [y > 0].
 */
public enum Activation {
    TANH {
        @Override
        public double apply(double a) {
            return tanh(a);
        }

        @Override
        public Matrix applyInPlace(Matrix a) {   // a whole array at once: the SIMD form when the JVM has it
            Pointwise.tanh(a.data(), 0, a.size());
            return a;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1.0 - y * y;
        }
    },
    RELU {
        @Override
        public double apply(double a) {
            return a > 0 ? a : 0.0;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return y > 0 ? 1.0 : 0.0;
        }
    },
    SIGMOID {
        @Override
        public double apply(double a) {
            return Pointwise.sigmoid(a);
        }

        @Override
        public Matrix applyInPlace(Matrix a) {
            Pointwise.sigmoid(a.data(), 0, a.size());
            return a;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return y * (1.0 - y);
        }
    },
    IDENTITY {
        @Override
        public double apply(double a) {
            return a;
        }

        @Override
        public double derivativeFromOutput(double y) {
            return 1.0;
        }
    };

    public abstract double apply(double a);

    /** tanh, the scalar definition in {@link Pointwise#tanh(double)}. */
    static double tanh(double x) {
        return Pointwise.tanh(x);
    }

    public abstract double derivativeFromOutput(double y);

    /** y = f(a), elementwise, in place; returns {@code a}. */
    public Matrix applyInPlace(Matrix a) {
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = apply(d[i]);
        }
        return a;
    }

    /** dL/da = dL/dy ⊙ f'(a), with f' computed from the saved output y. Returns a new matrix. */
    public Matrix backward(Matrix dy, Matrix y) {
        dy.requireSameShape(name().toLowerCase() + " backward: dy and y", y);
        Matrix da = Matrix.zeros(dy.rows(), dy.cols());
        double[] g = dy.data();
        double[] out = y.data();
        double[] d = da.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] * derivativeFromOutput(out[i]);
        }
        return da;
    }

    /** The same as {@link #backward}, written over {@code dy}; returns {@code dy}. */
    public Matrix backwardInPlace(Matrix dy, Matrix y) {
        dy.requireSameShape(name().toLowerCase() + " backward: dy and y", y);
        double[] g = dy.data();
        double[] out = y.data();
        for (int i = 0; i < g.length; i++) {
            g[i] *= derivativeFromOutput(out[i]);
        }
        return dy;
    }

    /** This activation as a parameter-free {@link Layer}. */
    public Layer layer() {
        return new ActivationLayer(this);
    }
}
