package rnnbook.loss;

import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

/**
 * Softmax followed by cross-entropy against integer class targets, PyTorch's {@code CrossEntropyLoss}:
 * <pre>
 *   p_ij = exp(z_ij - m_i) / Σ_k exp(z_ik - m_i)      m_i = max_k z_ik (for numerical stability)
 *   L    = -Σ_i log p_{i, y_i}   (divided by the number of counted rows for MEAN)
 *   dL/dz_ij = p_ij - [j = y_i]  (divided likewise)
 * </pre>
 * With {@link Reduction#NONE} there is no single L: {@link #losses} gives every row's -log p_{i, y_i} and
 * {@link #backward(double[])} takes dL/dloss_i for each, as PyTorch's {@code reduction='none'}.
 * Shapes: logits z (n, classes), targets y (n). Rows whose target equals {@code ignoreIndex} (PyTorch's -100 by
 * default) count for nothing: the padding of a batch of unequal sequences.
 */
public final class SoftmaxCrossEntropy {
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final Reduction reduction;
    private final int ignoreIndex;
    private Matrix probabilities;
    private int[] targets;
    private int counted;

    public SoftmaxCrossEntropy() {
        this(Reduction.MEAN);
    }

    public SoftmaxCrossEntropy(Reduction reduction) {
        this(reduction, DEFAULT_IGNORE_INDEX);
    }

    public SoftmaxCrossEntropy(Reduction reduction, int ignoreIndex) {
        if (reduction == null) {
            throw new IllegalArgumentException("cross-entropy: reduction must be MEAN, SUM or NONE, got null");
        }
        this.reduction = reduction;
        this.ignoreIndex = ignoreIndex;
    }

    /** Row-wise softmax of z (n, classes), computed stably ({@link Softmax#of}). */
    public static Matrix softmax(Matrix z) {
        return Softmax.of(z);
    }

    // tag::forward[]
    /** The loss for logits (n, classes) and targets (n), reduced by MEAN or SUM. */
    public double forward(Matrix logits, int[] targets) {
        if (reduction == Reduction.NONE) {
            throw new IllegalStateException("cross-entropy with reduction NONE gives one loss per example:"
                    + " call losses(logits, targets), then backward(dLosses)");
        }
        double[] each = perExample(logits, targets);
        double loss = 0;
        for (double l : each) {
            loss += l;
        }
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("cross-entropy: loss is " + loss + " (are the logits finite?)");
        }
        return reduction == Reduction.MEAN ? (counted == 0 ? 0.0 : loss / counted) : loss;
    }

    /**
     * Every example's loss -log p_{i, y_i}, shape (n), with 0 for an ignored row: PyTorch's
     * {@code reduction='none'}. Works under any reduction; {@link #backward(double[])} takes the loss's gradient
     * with respect to each of these.
     */
    public double[] losses(Matrix logits, int[] targets) {
        double[] each = perExample(logits, targets);
        for (int i = 0; i < each.length; i++) {
            if (!Double.isFinite(each[i])) {
                throw new ArithmeticException("cross-entropy: the loss of row " + i + " is " + each[i]
                        + " (are the logits finite?)");
            }
        }
        return each;
    }

    private double[] perExample(Matrix logits, int[] targets) {
        if (targets.length != logits.rows()) {
            throw new IllegalArgumentException("cross-entropy: " + targets.length + " targets for logits of shape "
                    + logits.shape());
        }
        int classes = logits.cols();
        Matrix p = logits.copy();
        double[] logNormaliser = Softmax.inPlace(p.data(), p.rows(), classes, null);   // p = softmax(z)
        double[] each = new double[targets.length];
        int n = 0;
        for (int i = 0; i < targets.length; i++) {
            int y = targets[i];
            if (y == ignoreIndex) {
                continue;
            }
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("cross-entropy: target " + y + " at row " + i
                        + " is outside 0.." + (classes - 1));
            }
            each[i] = -(logits.get(i, y) - logNormaliser[i]);   // -log p_y = -(z_y - m - log Σ exp(z - m))
            n++;
        }
        this.probabilities = p;
        this.targets = targets.clone();
        this.counted = n;
        return each;
    }
    // end::forward[]

    // tag::backward[]
    /** dL/dz (n, classes) for the last forward call: softmax minus one-hot, scaled by the reduction. */
    public Matrix backward() {
        if (reduction == Reduction.NONE) {
            throw new IllegalStateException("cross-entropy with reduction NONE has one loss per example:"
                    + " call backward(dLosses) with the gradient of each");
        }
        double scale = reduction == Reduction.MEAN && counted > 0 ? 1.0 / counted : 1.0;
        double[] upstream = new double[targets == null ? 0 : targets.length];
        java.util.Arrays.fill(upstream, scale);
        return backward(upstream);
    }

    /**
     * dL/dz (n, classes) for the last forward call, given dL/dloss_i for every example's loss:
     * dz_i = dloss_i (p_i - onehot(y_i)); ignored rows get 0.
     */
    public Matrix backward(double[] dLosses) {
        if (probabilities == null) {
            throw new IllegalStateException("cross-entropy backward called before forward");
        }
        if (dLosses.length != targets.length) {
            throw new IllegalArgumentException("cross-entropy backward: " + dLosses.length
                    + " loss gradients for " + targets.length + " examples");
        }
        Matrix dz = probabilities.copy();
        int c = dz.cols();
        double[] d = dz.data();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == ignoreIndex) {
                java.util.Arrays.fill(d, i * c, (i + 1) * c, 0.0);
                continue;
            }
            d[i * c + targets[i]] -= 1.0;
            for (int j = 0; j < c; j++) {
                d[i * c + j] *= dLosses[i];
            }
        }
        return dz;
    }
    // end::backward[]

    /** The probabilities from the last forward call. */
    public Matrix probabilities() {
        return probabilities;
    }
}
