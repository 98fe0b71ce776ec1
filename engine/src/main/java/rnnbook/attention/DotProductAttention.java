package rnnbook.attention;

import java.util.Map;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/**
 * Scaled dot-product attention (Luong's "dot" score, scaled as in the Transformer):
 * <pre>
 *   e_s = q · m_s / √d          d = the common size of query and memory vectors
 * </pre>
 * No parameters: the decoder and encoder states must live in the same space. Backward:
 * dq = Σ_s de_s m_s / √d, dm_s += de_s q / √d.
 */
public final class DotProductAttention extends Attention {
    private final int dim;
    private final double scale;

    public DotProductAttention(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("DotProductAttention: size must be positive, got " + dim);
        }
        this.dim = dim;
        this.scale = 1.0 / Math.sqrt(dim);
    }

    @Override
    public int queryDim() {
        return dim;
    }

    @Override
    public int memoryDim() {
        return dim;
    }

    @Override
    protected Matrix[] prepareKeys(Matrix[] memory) {
        return memory;   // the keys are the memory itself
    }

    @Override
    protected Matrix[] newPending(Matrix[] memory) {
        return null;   // dm_s is added straight to dMemory
    }

    @Override
    protected void finishPending(Matrix[] memory, Matrix[] dKeys, Matrix[] dMemory) {
        // nothing waits: dm_s is added directly, it costs no more per step than the forward did
    }

    @Override
    protected Scores score(Matrix query, Matrix[] memory, Matrix[] keys) {
        int batch = query.rows();
        int src = memory.length;
        Matrix e = Matrix.zeros(batch, src);
        double[] q = query.data();
        // tag::score[]
        for (int s = 0; s < src; s++) {
            double[] m = memory[s].data();
            for (int b = 0; b < batch; b++) {
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += q[b * dim + j] * m[b * dim + j];
                }
                e.data()[b * src + s] = dot * scale;
            }
        }
        // end::score[]
        return new Scores(e, null);
    }

    @Override
    protected Matrix scoreBackward(Matrix query, Matrix[] memory, Matrix[] saved, Matrix dE, Matrix[] dMemory,
                                   Matrix[] dKeys) {
        int batch = query.rows();
        int src = memory.length;
        Matrix dQuery = Matrix.zeros(batch, dim);
        double[] q = query.data();
        double[] dq = dQuery.data();
        for (int s = 0; s < src; s++) {
            double[] m = memory[s].data();
            double[] dm = dMemory[s].data();
            for (int b = 0; b < batch; b++) {
                double de = dE.data()[b * src + s] * scale;
                for (int j = 0; j < dim; j++) {
                    dq[b * dim + j] += de * m[b * dim + j];
                    dm[b * dim + j] += de * q[b * dim + j];
                }
            }
        }
        return dQuery;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named();
    }
}
