package rnnbook.attention;

import rnnbook.nn.Module;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

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
 * <p>Two ways to use it. One call: {@link #forward(Matrix, Matrix[], Mask)} returns a {@link Step}, and
 * {@link #backward(Step, Matrix, Matrix)} takes it and returns complete gradients (the layer keeps nothing, so
 * other calls may run in between). A decoder that attends to the same memory at every step instead
 * {@link #prepare}s it once (a scoring rule may precompute per-position work there, such as the additive rule's
 * key projections), calls {@link #forward(Matrix, Memory)} per step and {@link #backwardInto} per step in reverse,
 * then {@link #finish} once: work that is linear in the memory is summed over the steps and done a single time.
 */
public abstract class Attention implements Module {

    /** A memory checked against its mask, with whatever the scoring rule precomputed and gradients pending. */
    public static final class Memory {
        private final Matrix[] values;
        private final Mask mask;
        private final Matrix[] keys;
        private Matrix[] pending;

        Memory(Matrix[] values, Mask mask, Matrix[] keys) {
            this.values = values;
            this.mask = mask;
            this.keys = keys;
        }

        public Matrix[] values() {
            return values;
        }

        public Mask mask() {
            return mask;
        }

        public int srcLen() {
            return values.length;
        }

        public int batch() {
            return values[0].rows();
        }
    }

    /** What one attention call computed and keeps for its backward pass. */
    public static final class Step {
        private final Matrix query;
        private final Memory memory;
        private final Matrix alpha;   // (batch, srcLen): row-major per example, the form the math loops over
        private final Matrix context;
        private final Matrix[] saved;

        Step(Matrix query, Memory memory, Matrix alpha, Matrix context, Matrix[] saved) {
            this.query = query;
            this.memory = memory;
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
            return memory.mask;
        }
    }

    /** Gradients of one attention call: dL/dq (batch, queryDim) and dL/dm_s for every position s. */
    public record Gradients(Matrix dQuery, Matrix[] dMemory) {
    }

    /**
     * A scoring rule's result: scores e (batch, srcLen) and, per source position, what its backward needs
     * ({@code saved[s]}, e.g. the additive rule's hidden layer u_s; null when the rule needs nothing).
     */
    protected record Scores(Matrix e, Matrix[] saved) {
    }

    public abstract int queryDim();

    public abstract int memoryDim();

    /**
     * The keys k_s, one (batch, any width) matrix per source position, computed once per memory for every query
     * (the additive rule's m_s · W_kᵀ); a rule that scores the memory itself returns {@code memory}.
     */
    protected abstract Matrix[] prepareKeys(Matrix[] memory);

    /** e[b][s] = score(q_b, m_s[b]) for every example and position, given the prepared keys. */
    protected abstract Scores score(Matrix query, Matrix[] memory, Matrix[] keys);

    /**
     * Turns dL/de (batch, srcLen) into dL/dq; gradients reaching the memory are added to {@code dMemory} or, when
     * they pass through the prepared keys, to {@code dKeys} (made by {@link #newPending}, one per position);
     * accumulates parameter gradients that do not depend on the memory.
     */
    protected abstract Matrix scoreBackward(Matrix query, Matrix[] memory, Matrix[] saved, Matrix dE,
                                            Matrix[] dMemory, Matrix[] dKeys);

    /** Zero gradients for the prepared keys, dL/dk_s per position, summed over queries (or null when the keys
     * are the memory itself and gradients go straight to dMemory). */
    protected abstract Matrix[] newPending(Matrix[] memory);

    /** Pushes the summed key gradients into dMemory and the parameters' gradients. */
    protected abstract void finishPending(Matrix[] memory, Matrix[] dKeys, Matrix[] dMemory);

    /** Checks the memory and its mask and precomputes what every query will need. */
    public Memory prepare(Matrix[] memory, Mask mask) {
        Sequences.require("attention memory", memory, memoryDim());
        mask.require(memory.length, memory[0].rows());
        return new Memory(memory, mask, prepareKeys(memory));
    }

    /** Attention with every position valid. */
    public Step forward(Matrix query, Matrix[] memory) {
        Sequences.require("attention memory", memory, memoryDim());
        return forward(query, memory, Mask.all(memory.length, memory[0].rows()));
    }

    public Step forward(Matrix query, Matrix[] memory, Mask mask) {
        return forward(query, prepare(memory, mask));
    }

    // tag::forward[]
    public Step forward(Matrix query, Memory memory) {
        Matrix[] m = memory.values;
        int batch = memory.batch();
        query.requireShape("attention query", batch, queryDim());
        Scores scores = score(query, m, memory.keys);
        Matrix alpha = Softmax.masked(scores.e(), memory.mask::valid);   // α = 0 where the mask says padding
        Matrix context = Matrix.zeros(batch, memoryDim());
        for (int s = 0; s < m.length; s++) {
            addRowScaled(context, alpha, s, m[s]);   // context_b += α_bs m_s[b]
        }
        // end::forward[]
        return new Step(query, memory, alpha, context, scores.saved());
    }

    /**
     * Backward through {@code step}, complete: dL/dq and every dL/dm_s of this one call.
     *
     * @param dContext dL/dcontext (batch, memoryDim)
     * @param dWeights dL/dα (srcLen, batch) when the loss also uses the weights directly, else null
     */
    public Gradients backward(Step step, Matrix dContext, Matrix dWeights) {
        Matrix[] m = step.memory.values;
        Matrix[] dMemory = zerosLike(m);
        Matrix[] pending = newPending(m);
        Matrix dQuery = backwardInto(step, dContext, dWeights, dMemory, pending);
        finishPending(m, pending, dMemory);
        return new Gradients(dQuery, dMemory);
    }

    /**
     * Backward through one step over a {@link #prepare}d memory: returns dL/dq and adds this step's memory
     * gradients to {@code dMemory}, except the part that passes through precomputed keys, which waits in the
     * memory until {@link #finish}.
     */
    public Matrix backwardInto(Step step, Matrix dContext, Matrix dWeights, Matrix[] dMemory) {
        Memory memory = step.memory;
        if (memory.pending == null) {
            memory.pending = newPending(memory.values);
        }
        return backwardInto(step, dContext, dWeights, dMemory, memory.pending);
    }

    /** Adds the gradients waiting in {@code memory} to {@code dMemory} and the parameters; call once, last. */
    public void finish(Memory memory, Matrix[] dMemory) {
        if (memory.pending != null) {
            finishPending(memory.values, memory.pending, dMemory);
            memory.pending = null;
        }
    }

    private Matrix backwardInto(Step step, Matrix dContext, Matrix dWeights, Matrix[] dMemory, Matrix[] pending) {
        Matrix[] memory = step.memory.values;
        int batch = memory[0].rows();
        int src = memory.length;
        int dim = memoryDim();
        dContext.requireShape("attention backward dContext", batch, dim);
        if (dWeights != null) {
            dWeights.requireShape("attention backward dWeights", src, batch);
        }
        if (dMemory.length != src) {
            throw new IllegalArgumentException("attention backward: " + dMemory.length
                    + " memory gradients for a memory of " + src + " positions");
        }
        Matrix dAlpha = Matrix.zeros(batch, src);
        double[] a = step.alpha.data();
        double[] g = dContext.data();
        for (int s = 0; s < src; s++) {
            dMemory[s].requireShape("attention backward dMemory at position " + s, batch, dim);
            double[] m = memory[s].data();
            double[] dm = dMemory[s].data();
            for (int b = 0; b < batch; b++) {
                double alphaBs = a[b * src + s];
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += g[b * dim + j] * m[b * dim + j];      // dα_bs = dcontext_b · m_s[b]
                    dm[b * dim + j] += alphaBs * g[b * dim + j]; // dm_s[b] += α_bs dcontext_b
                }
                dAlpha.data()[b * src + s] = dot + (dWeights == null ? 0 : dWeights.data()[s * batch + b]);
            }
        }
        Matrix dE = Softmax.backward(step.alpha, dAlpha);   // zero where masked, because α is zero there
        return scoreBackward(step.query, memory, step.saved, dE, dMemory, pending);
    }

    static Matrix[] zerosLike(Matrix[] xs) {
        Matrix[] out = new Matrix[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Matrix.zeros(xs[i].rows(), xs[i].cols());
        }
        return out;
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
