package rnnbook.optim;

import java.util.ArrayList;
import java.util.List;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Stochastic gradient descent, with optional momentum as PyTorch defines it:
 * <pre>
 *   v ← μ v + g        (v = g on the first step)
 *   θ ← θ - lr v       (θ ← θ - lr g when μ = 0)
 * </pre>
 */
public final class Sgd implements Optimizer {
    private final List<Parameter> parameters;
    private final double momentum;
    private final List<Matrix> velocity = new ArrayList<>();
    private double lr;
    private boolean started;

    public Sgd(List<Parameter> parameters, double lr) {
        this(parameters, lr, 0.0);
    }

    public Sgd(List<Parameter> parameters, double lr, double momentum) {
        if (lr <= 0 || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("SGD needs lr > 0 and 0 <= momentum < 1, got lr " + lr
                    + " and momentum " + momentum);
        }
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.momentum = momentum;
        for (Parameter p : this.parameters) {
            velocity.add(Matrix.zeros(p.value().rows(), p.value().cols()));
        }
    }

    @Override
    public void step() {
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            if (momentum == 0) {
                p.value().addScaledInPlace(-lr, p.grad());
                continue;
            }
            Matrix v = velocity.get(k);
            if (started) {
                v.scaleInPlace(momentum).addInPlace(p.grad());
            } else {
                v.copyFrom(p.grad());
            }
            p.value().addScaledInPlace(-lr, v);
        }
        started = true;
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
