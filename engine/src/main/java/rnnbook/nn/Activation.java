package rnnbook.nn;

import rnnbook.tensor.Matrix;

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
            // two branches so that exp never overflows
            if (a >= 0) {
                return 1.0 / (1.0 + Math.exp(-a));
            }
            double e = Math.exp(a);
            return e / (1.0 + e);
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

    /**
     * tanh(x) = (1 - e^(-2|x|)) / (1 + e^(-2|x|)) with the sign of x; for |x| < 2⁻⁶ the Taylor series
     * x - x³/3 + 2x⁵/15 - 17x⁷/315 instead, where the quotient would lose digits to cancellation.
     * Within 1e-14 relative of {@link Math#tanh}, and several times faster on JDK 17 (whose Math.tanh is not
     * compiled to machine instructions, while Math.exp is): tanh is the most frequent call in a training step.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0x1p-6) {
            if (x == 0) {
                return x;   // keeps the sign of -0.0
            }
            double x2 = x * x;
            return x + x * x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315)));
        }
        if (ax < 22) {   // beyond 22, tanh is 1 to double precision
            double e = Math.exp(-2 * ax);
            return Math.copySign((1 - e) / (1 + e), x);
        }
        return Double.isNaN(x) ? x : Math.copySign(1.0, x);
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

    /** This activation as a parameter-free {@link Layer}. */
    public Layer layer() {
        return new ActivationLayer(this);
    }
}
