package rnnbook.attention;

import rnnbook.nn.Module;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;

/**
 * Attention of one decoder query over all encoder states (the "memory"), shared by every scoring rule:
 * <pre>
 *   e_s = score(q, m_s)                              one score per source position s
 *   α_s = exp(e_s) / Σ_{s' valid} exp(e_s')          α_s = 0 where the mask says padding
 *   context = Σ_s α_s m_s
 * </pre>
 * Shapes: query q (batch, queryDim), memory m (srcLen, batch, memoryDim) as {@code Matrix[]} indexed by position,
 * context (batch, memoryDim), weights α (srcLen, batch): one column per example, the layout of a heatmap whose
 * rows are source positions. The memory serves as both keys and values.
 *
 * <p>Backward, with dα_s = dcontext · m_s (+ any gradient on the weights themselves):
 * dm_s += α_s dcontext, de_s = α_s (dα_s - Σ_s' α_s' dα_s'), then the scoring rule's own backward turns de into
 * dq, dm_s and its parameter gradients.
 *
 * <p>Like a {@link rnnbook.nn.Cell}, {@link #forward} returns a {@link Step} with what backward needs, so one
 * attention module can serve every decoder step and be differentiated step by step in reverse.
 */
public abstract class Attention implements Module {

    /** What one attention call computed and keeps for its backward pass. */
    public static final class Step {
        private final Matrix query;
        private final Matrix[] memory;
        private final Mask mask;
        private final Matrix alpha;   // (batch, srcLen): row-major per example, the form the math loops over
        private final Matrix context;
        private final Object saved;

        Step(Matrix query, Matrix[] memory, Mask mask, Matrix alpha, Matrix context, Object saved) {
            this.query = query;
            this.memory = memory;
            this.mask = mask;
            this.alpha = alpha;
            this.context = context;
            this.saved = saved;
        }

        /** The context vector Σ_s α_s m_s, shape (batch, memoryDim). */
        public Matrix context() {
            return context;
        }

        /** The attention weights α, shape (srcLen, batch); each column sums to 1 over its valid positions. */
        public Matrix weights() {
            return alpha.transpose();
        }

        public Mask mask() {
            return mask;
        }
    }

    /** Gradients of one attention call: dL/dq (batch, queryDim) and dL/dm_s for every position s. */
    public record Gradients(Matrix dQuery, Matrix[] dMemory) {
    }

    /** A scoring rule's result: scores e (batch, srcLen) and whatever its backward needs. */
    protected record Scores(Matrix e, Object saved) {
    }

    private Step last;

    public abstract int queryDim();

    public abstract int memoryDim();

    /** e[b][s] = score(q_b, m_s[b]) for every example and position. */
    protected abstract Scores score(Matrix query, Matrix[] memory);

    /** Turns dL/de (batch, srcLen) into dL/dq, adds dL/dm_s into {@code dMemory}, accumulates parameter grads. */
    protected abstract Matrix scoreBackward(Matrix query, Matrix[] memory, Object saved, Matrix dE, Matrix[] dMemory);

    /** Attention with every position valid. */
    public Step forward(Matrix query, Matrix[] memory) {
        Sequences.require("attention memory", memory, memoryDim());
        return forward(query, memory, Mask.all(memory.length, memory[0].rows()));
    }

    // tag::forward[]
    public Step forward(Matrix query, Matrix[] memory, Mask mask) {
        Sequences.require("attention memory", memory, memoryDim());
        int batch = memory[0].rows();
        query.requireShape("attention query", batch, queryDim());
        mask.require(memory.length, batch);
        Scores scores = score(query, memory);
        Matrix alpha = maskedSoftmax(scores.e(), mask);
        Matrix context = Matrix.zeros(batch, memoryDim());
        for (int s = 0; s < memory.length; s++) {
            addRowScaled(context, alpha, s, memory[s]);   // context_b += α_bs m_s[b]
        }
        // end::forward[]
        last = new Step(query, memory, mask, alpha, context, scores.saved());
        return last;
    }

    /** Backward through the most recent {@link #forward}. */
    public Gradients backward(Matrix dContext) {
        if (last == null) {
            throw new IllegalStateException("attention backward called before forward");
        }
        return backward(last, dContext, null);
    }

    /**
     * Backward through {@code step}.
     *
     * @param dContext dL/dcontext (batch, memoryDim)
     * @param dWeights dL/dα (srcLen, batch) when the loss also uses the weights directly, else null
     */
    public Gradients backward(Step step, Matrix dContext, Matrix dWeights) {
        Matrix[] memory = step.memory;
        int batch = memory[0].rows();
        int src = memory.length;
        int dim = memoryDim();
        dContext.requireShape("attention backward dContext", batch, dim);
        if (dWeights != null) {
            dWeights.requireShape("attention backward dWeights", src, batch);
        }
        Matrix[] dMemory = new Matrix[src];
        Matrix dAlpha = Matrix.zeros(batch, src);
        double[] a = step.alpha.data();
        double[] g = dContext.data();
        for (int s = 0; s < src; s++) {
            dMemory[s] = Matrix.zeros(batch, dim);
            double[] m = memory[s].data();
            double[] dm = dMemory[s].data();
            for (int b = 0; b < batch; b++) {
                double alphaBs = a[b * src + s];
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += g[b * dim + j] * m[b * dim + j];     // dα_bs = dcontext_b · m_s[b]
                    dm[b * dim + j] = alphaBs * g[b * dim + j]; // dm_s[b] = α_bs dcontext_b
                }
                dAlpha.data()[b * src + s] = dot + (dWeights == null ? 0 : dWeights.data()[s * batch + b]);
            }
        }
        // softmax backward, row by row: de_s = α_s (dα_s - Σ α dα); zero where masked because α is zero there
        Matrix dE = Matrix.zeros(batch, src);
        for (int b = 0; b < batch; b++) {
            double weighted = 0;
            for (int s = 0; s < src; s++) {
                weighted += a[b * src + s] * dAlpha.data()[b * src + s];
            }
            for (int s = 0; s < src; s++) {
                dE.data()[b * src + s] = a[b * src + s] * (dAlpha.data()[b * src + s] - weighted);
            }
        }
        Matrix dQuery = scoreBackward(step.query, memory, step.saved, dE, dMemory);
        return new Gradients(dQuery, dMemory);
    }

    /**
     * Softmax over the valid positions of each row: the maximum is taken over valid scores only and masked
     * entries are set to exactly zero, so a padded score of any size (even infinite) changes nothing.
     */
    static Matrix maskedSoftmax(Matrix e, Mask mask) {
        int batch = e.rows();
        int src = e.cols();
        Matrix alpha = Matrix.zeros(batch, src);
        double[] in = e.data();
        double[] out = alpha.data();
        for (int b = 0; b < batch; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < src; s++) {
                if (mask.valid(b, s)) {
                    max = Math.max(max, in[b * src + s]);
                }
            }
            double sum = 0;
            for (int s = 0; s < src; s++) {
                if (mask.valid(b, s)) {
                    out[b * src + s] = Math.exp(in[b * src + s] - max);
                    sum += out[b * src + s];
                }
            }
            for (int s = 0; s < src; s++) {
                out[b * src + s] /= sum;
            }
        }
        return alpha;
    }

    /** target[b] += alpha[b][s] * m[b] for every row b. */
    private static void addRowScaled(Matrix target, Matrix alpha, int s, Matrix m) {
        int dim = m.cols();
        int src = alpha.cols();
        double[] t = target.data();
        double[] md = m.data();
        for (int b = 0; b < m.rows(); b++) {
            double w = alpha.data()[b * src + s];
            for (int j = 0; j < dim; j++) {
                t[b * dim + j] += w * md[b * dim + j];
            }
        }
    }
}
