package rnnbook.nn;

import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A lookup table of learned vectors, PyTorch's {@code Embedding}: row {@code ids[i]} of {@code weight}
 * (num, dim) becomes row i of the output (n, dim). The same as multiplying a one-hot matrix by the table,
 * without building the one-hot matrix. Backward adds each output row's gradient into the row it came from.
 * Initialised normal(0, 1), as PyTorch.
 */
public final class Embedding implements Module {
    private final Parameter weight;
    private int[] ids;

    public Embedding(int num, int dim, Random rng) {
        this.weight = new Parameter("weight", Init.normal(num, dim, 1.0, rng));
    }

    public int size() {
        return weight.value().rows();
    }

    public int dim() {
        return weight.value().cols();
    }

    public Parameter weight() {
        return weight;
    }

    /** ids of length n to vectors (n, dim). */
    public Matrix forward(int[] ids) {
        int dim = dim();
        Matrix out = Matrix.zeros(ids.length, dim);
        double[] table = weight.value().data();
        // tag::lookup[]
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(table, requireId(ids, i) * dim, out.data(), i * dim, dim);   // row ids[i] of the table
        }
        // end::lookup[]
        this.ids = ids.clone();
        return out;
    }

    /**
     * dL/d(out) (n, dim) for the last lookup; accumulates into the rows of the table that were looked up.
     *
     * @deprecated a later lookup replaces the kept ids; call {@link #backward(int[], Matrix)} with the ids of the
     *             lookup you mean
     */
    @Deprecated
    public void backward(Matrix dOut) {
        if (ids == null) {
            throw new IllegalStateException("Embedding backward called before forward");
        }
        backward(ids, dOut);
    }

    /**
     * dL/d(out) (n, dim) for the lookup of {@code ids}, whatever lookups ran since: adds row i of dOut into row
     * ids[i] of the table's gradient. A model that keeps its own record of a forward pass calls this form.
     */
    public void backward(int[] ids, Matrix dOut) {
        dOut.requireShape("Embedding backward: dOut", ids.length, dim());
        int dim = dim();
        double[] g = weight.grad().data();
        double[] d = dOut.data();
        // tag::backward[]
        for (int i = 0; i < ids.length; i++) {
            int row = requireId(ids, i) * dim;
            for (int j = 0; j < dim; j++) {
                g[row + j] += d[i * dim + j];   // a row looked up twice collects both gradients
            }
        }
        // end::backward[]
    }

    private int requireId(int[] ids, int i) {
        if (ids[i] < 0 || ids[i] >= size()) {
            throw new IllegalArgumentException("Embedding: id " + ids[i] + " at position " + i
                    + " is outside the table of " + size() + " entries");
        }
        return ids[i];
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        return Module.named(weight);
    }
}
