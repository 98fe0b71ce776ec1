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
 * {@link #forwardPass} returns a {@link Pass} (the losses and what backward needs) and {@link #backward(Pass)} takes
 * it, so the loss keeps nothing between them. With {@link Reduction#NONE} there is no single L: the pass holds every
 * row's -log p_{i, y_i} ({@link Pass#losses}) and {@link #backward(Pass, double[])} takes dL/dloss_i for each, as
 * PyTorch's {@code reduction='none'}.
 * Shapes: logits z (n, classes), targets y (n). Rows whose target equals {@code ignoreIndex} (PyTorch's -100 by
 * default) count for nothing: the padding of a batch of unequal sequences.
 */
public final class SoftmaxCrossEntropy {
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final Reduction reduction;
    private final int ignoreIndex;
    private Pass last;   // the pass of the last forward or losses call, for the deprecated backward forms only

    /**
     * One evaluation of the loss: every row's loss -log p_{i, y_i} (0 for an ignored row), p = softmax(z)
     * (n, classes), the targets y (n), how many rows counted, and the reduction that turns the losses into L.
     */
    public record Pass(double[] losses, Matrix probabilities, int[] targets, int counted, Reduction reduction) {
        /** L: the mean of the counted rows' losses (0 when none counted) or their sum; none under NONE. */
        public double loss() {
            if (reduction == Reduction.NONE) {
                throw new IllegalStateException("cross-entropy with reduction NONE gives one loss per example:"
                        + " read losses(), and call backward(pass, dLosses)");
            }
            double sum = 0;
            for (double l : losses) {
                sum += l;
            }
            return reduction == Reduction.MEAN ? (counted == 0 ? 0.0 : sum / counted) : sum;
        }
    }

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
    /**
     * The loss of logits z (n, classes) against targets y (n), in a {@link Pass} that {@link #backward(Pass)}
     * takes; works under every reduction (under NONE, read {@link Pass#losses}).
     */
    public Pass forwardPass(Matrix logits, int[] targets) {
        if (targets.length != logits.rows()) {
            throw new IllegalArgumentException("cross-entropy: " + targets.length + " targets for logits of shape "
                    + logits.shape());
        }
        int classes = logits.cols();
        Matrix p = logits.copy();
        double[] logNormaliser = Softmax.inPlace(p.data(), p.rows(), classes, null);   // p = softmax(z)
        double[] each = new double[targets.length];
        int counted = 0;
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
            if (!Double.isFinite(each[i])) {
                throw new ArithmeticException("cross-entropy: the loss of row " + i + " is " + each[i]
                        + " (are the logits finite?)");
            }
            counted++;
        }
        return new Pass(each, p, targets.clone(), counted, reduction);
    }
    // end::forward[]

    /** The loss for logits (n, classes) and targets (n), reduced by MEAN or SUM: {@code forwardPass(...).loss()}. */
    public double forward(Matrix logits, int[] targets) {
        if (reduction == Reduction.NONE) {
            throw new IllegalStateException("cross-entropy with reduction NONE gives one loss per example:"
                    + " call forwardPass(logits, targets) (or losses(logits, targets)), then backward(pass, dLosses)");
        }
        last = forwardPass(logits, targets);
        return last.loss();
    }

    /**
     * Every example's loss -log p_{i, y_i}, shape (n), with 0 for an ignored row: PyTorch's
     * {@code reduction='none'}; {@code forwardPass(logits, targets).losses()}, under any reduction.
     */
    public double[] losses(Matrix logits, int[] targets) {
        last = forwardPass(logits, targets);
        return last.losses();
    }

    // tag::backward[]
    /** dL/dz (n, classes) for {@code pass}: softmax minus one-hot, scaled by the reduction (MEAN or SUM). */
    public Matrix backward(Pass pass) {
        if (pass.reduction() == Reduction.NONE) {
            throw new IllegalStateException("cross-entropy with reduction NONE has one loss per example:"
                    + " call backward(pass, dLosses) with the gradient of each");
        }
        double scale = pass.reduction() == Reduction.MEAN && pass.counted() > 0 ? 1.0 / pass.counted() : 1.0;
        double[] upstream = new double[pass.targets().length];
        java.util.Arrays.fill(upstream, scale);
        return backward(pass, upstream);
    }

    /**
     * dL/dz (n, classes) for {@code pass}, given dL/dloss_i for every example's loss:
     * dz_i = dloss_i (p_i - onehot(y_i)); ignored rows get 0.
     */
    public Matrix backward(Pass pass, double[] dLosses) {
        int[] targets = pass.targets();
        if (dLosses.length != targets.length) {
            throw new IllegalArgumentException("cross-entropy backward: " + dLosses.length
                    + " loss gradients for " + targets.length + " examples");
        }
        Matrix dz = pass.probabilities().copy();
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

    /**
     * dL/dz for the last {@link #forward} or {@link #losses} call: a later call replaces the pass this uses, so keep
     * the {@link Pass} of {@link #forwardPass} and call {@link #backward(Pass)} instead.
     * @deprecated use {@link #forwardPass} and {@link #backward(Pass)}
     */
    @Deprecated
    public Matrix backward() {
        if (reduction == Reduction.NONE) {
            throw new IllegalStateException("cross-entropy with reduction NONE has one loss per example:"
                    + " call backward(pass, dLosses) with the gradient of each");
        }
        return backward(requireLast());
    }

    /**
     * dL/dz for the last {@link #forward} or {@link #losses} call, given dL/dloss_i for each example.
     *
     * @deprecated a later call replaces the pass this uses; keep the {@link Pass} of {@link #forwardPass} and call
     *             {@link #backward(Pass, double[])}
     */
    @Deprecated
    public Matrix backward(double[] dLosses) {
        return backward(requireLast(), dLosses);
    }

    /**
     * The probabilities from the last {@link #forward} or {@link #losses} call.
     *
     * @deprecated a later call replaces them; read {@link Pass#probabilities} of the pass you mean
     */
    @Deprecated
    public Matrix probabilities() {
        return last == null ? null : last.probabilities();
    }

    private Pass requireLast() {
        if (last == null) {
            throw new IllegalStateException("cross-entropy backward called before forward");
        }
        return last;
    }
}
