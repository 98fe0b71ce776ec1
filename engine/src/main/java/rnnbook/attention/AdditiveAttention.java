package rnnbook.attention;

import static rnnbook.tensor.Pointwise.tanh;
import static rnnbook.tensor.Pointwise.tanhBackward;

import java.util.Map;
import java.util.Random;
import rnnbook.nn.Init;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Additive (Bahdanau) attention: a one-hidden-layer network scores each pair of query and memory vector,
 * <pre>
 *   u_s = tanh(q · W_qᵀ + m_s · W_kᵀ + b)        (batch, attn)
 *   e_s = u_s · vᵀ                               (batch)
 * </pre>
 * Parameters: {@code weight_query} W_q (attn, queryDim), {@code weight_key} W_k (attn, memoryDim), {@code bias} b
 * (1, attn), {@code v} (1, attn); initialised uniform(-1/√fanIn, 1/√fanIn) like a PyTorch {@code Linear}. The query
 * and memory may have different sizes.
 *
 * <p>Backward, with du_s = de_s v and dp_s = du_s ⊙ (1 - u_s²): dv += Σ_s de_sᵀ u_s, db += Σ_s Σ_rows dp_s,
 * dW_k += Σ_s dp_sᵀ m_s, dm_s += dp_s W_k, dW_q += (Σ_s dp_s)ᵀ q, dq = (Σ_s dp_s) W_q.
 *
 * <p>The key projections m_s W_kᵀ do not depend on the query, so a {@link #prepare}d memory computes them once
 * for all decoder steps, and their gradients dp_s are summed over the steps before the two products with m_s and
 * W_k are taken: a decoder of T steps over S positions does S of those products instead of 3 T S.
 */
public final class AdditiveAttention extends Attention {
    private final Parameter weightQuery;
    private final Parameter weightKey;
    private final Parameter bias;
    private final Parameter v;

    public AdditiveAttention(int queryDim, int memoryDim, int attnDim, Random rng) {
        if (queryDim <= 0 || memoryDim <= 0 || attnDim <= 0) {
            throw new IllegalArgumentException("AdditiveAttention sizes must be positive, got query " + queryDim
                    + ", memory " + memoryDim + ", attention " + attnDim);
        }
        this.weightQuery = new Parameter("weight_query",
                Init.uniform(attnDim, queryDim, 1.0 / Math.sqrt(queryDim), rng));
        this.weightKey = new Parameter("weight_key",
                Init.uniform(attnDim, memoryDim, 1.0 / Math.sqrt(memoryDim), rng));
        this.bias = new Parameter("bias", Init.uniform(1, attnDim, 1.0 / Math.sqrt(memoryDim), rng));
        this.v = new Parameter("v", Init.uniform(1, attnDim, 1.0 / Math.sqrt(attnDim), rng));
    }

    @Override
    public int queryDim() {
        return weightQuery.value().cols();
    }

    @Override
    public int memoryDim() {
        return weightKey.value().cols();
    }

    public int attnDim() {
        return v.value().cols();
    }

    /** k_s = m_s · W_kᵀ for every position: the same for every query, so computed once per memory. */
    @Override
    protected Matrix[] prepareKeys(Matrix[] memory) {
        Matrix[] keys = new Matrix[memory.length];
        for (int s = 0; s < memory.length; s++) {
            keys[s] = memory[s].matmulT(weightKey.value());
        }
        return keys;
    }

    @Override
    protected Scores score(Matrix query, Matrix[] memory, Matrix[] k) {
        int batch = query.rows();
        int src = memory.length;
        Matrix projectedQuery = query.matmulT(weightQuery.value()).addRowVectorInPlace(bias.value());
        Matrix[] u = new Matrix[src];
        Matrix e = Matrix.zeros(batch, src);
        for (int s = 0; s < src; s++) {
            // tag::score[]
            u[s] = tanh(k[s].add(projectedQuery));
            Matrix es = u[s].matmulT(v.value());   // (batch, 1)
            // end::score[]
            for (int b = 0; b < batch; b++) {
                e.data()[b * src + s] = es.data()[b];
            }
        }
        return new Scores(e, u);
    }

    /** dp_s summed over the queries that used this memory: dL/dk_s, turned into dW_k and dm_s at the end. */
    @Override
    protected Matrix[] newPending(Matrix[] memory) {
        Matrix[] dKeys = new Matrix[memory.length];
        for (int s = 0; s < memory.length; s++) {
            dKeys[s] = Matrix.zeros(memory[s].rows(), attnDim());
        }
        return dKeys;
    }

    @Override
    protected Matrix scoreBackward(Matrix query, Matrix[] memory, Matrix[] u, Matrix dE, Matrix[] dMemory,
                                   Matrix[] dKeys) {
        int batch = query.rows();
        int src = memory.length;
        int attn = attnDim();
        Matrix dProjectedQuery = Matrix.zeros(batch, attn);
        for (int s = 0; s < src; s++) {
            Matrix des = Matrix.zeros(batch, 1);
            for (int b = 0; b < batch; b++) {
                des.data()[b] = dE.data()[b * src + s];
            }
            v.grad().addMatmul(des, true, u[s], false);
            Matrix dp = tanhBackward(des.matmul(v.value()), u[s]);   // du_s = de_s v, then through tanh
            dKeys[s].addInPlace(dp);
            dProjectedQuery.addInPlace(dp);
        }
        dProjectedQuery.addSumRowsTo(bias.grad());
        weightQuery.grad().addMatmul(dProjectedQuery, true, query, false);
        return dProjectedQuery.matmul(weightQuery.value());
    }

    @Override
    protected void finishPending(Matrix[] memory, Matrix[] dKeys, Matrix[] dMemory) {
        for (int s = 0; s < memory.length; s++) {
            weightKey.grad().addMatmul(dKeys[s], true, memory[s], false);
            dMemory[s].addMatmul(dKeys[s], false, weightKey.value(), false);
        }
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weightQuery, weightKey, bias, v);
    }
}
