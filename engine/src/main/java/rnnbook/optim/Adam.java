package rnnbook.optim;

import java.util.ArrayList;
import java.util.List;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Adam (Kingma and Ba), with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8:
 * <pre>
 *   m ← β1 m + (1 - β1) g          v ← β2 v + (1 - β2) g²
 *   m̂ = m / (1 - β1^t)             v̂ = v / (1 - β2^t)
 *   θ ← θ - lr m̂ / (√v̂ + ε)
 * </pre>
 */
public final class Adam implements Optimizer {
    private final List<Parameter> parameters;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final List<Matrix> m = new ArrayList<>();
    private final List<Matrix> v = new ArrayList<>();
    private double lr;
    private int t;

    public Adam(List<Parameter> parameters, double lr) {
        this(parameters, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Parameter> parameters, double lr, double beta1, double beta2, double eps) {
        if (lr <= 0 || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || eps <= 0) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1) and eps > 0, got lr " + lr
                    + ", betas (" + beta1 + ", " + beta2 + "), eps " + eps);
        }
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (Parameter p : this.parameters) {
            m.add(Matrix.zeros(p.value().rows(), p.value().cols()));
            v.add(Matrix.zeros(p.value().rows(), p.value().cols()));
        }
    }

    @Override
    public void step() {
        t++;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < parameters.size(); k++) {
            double[] theta = parameters.get(k).value().data();
            double[] g = parameters.get(k).grad().data();
            double[] mk = m.get(k).data();
            double[] vk = v.get(k).data();
            for (int i = 0; i < theta.length; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
                vk[i] = beta2 * vk[i] + (1 - beta2) * g[i] * g[i];
                double mHat = mk[i] / correction1;
                double vHat = vk[i] / correction2;
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }
}
