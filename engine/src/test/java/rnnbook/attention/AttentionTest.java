package rnnbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

class AttentionTest {

    private static Matrix[] memory(int src, int batch, int dim, Random rng) {
        Matrix[] m = new Matrix[src];
        for (int s = 0; s < src; s++) {
            m[s] = Init.uniform(batch, dim, 1.0, rng);
        }
        return m;
    }

    private static Attention make(String kind, int queryDim, int memoryDim, Random rng) {
        return kind.equals("additive") ? new AdditiveAttention(queryDim, memoryDim, 4, rng)
                : new DotProductAttention(memoryDim);
    }

    /** L = Σ context ⊙ r + Σ α ⊙ w: both the context path and a direct use of the weights are checked. */
    @ParameterizedTest
    @ValueSource(strings = {"additive", "dot"})
    void gradientsMatchCentralDifferencesWithPadding(String kind) {
        Random rng = new Random(11);
        int src = 5;
        int batch = 3;
        int dim = 4;
        int queryDim = kind.equals("dot") ? dim : 3;
        Attention attention = make(kind, queryDim, dim, rng);
        Matrix query = Init.uniform(batch, queryDim, 1.0, rng);
        Matrix[] mem = memory(src, batch, dim, rng);
        Mask mask = Mask.lengths(src, 5, 2, 4);
        Matrix r = Init.uniform(batch, dim, 1.0, rng);
        Matrix w = Init.uniform(src, batch, 1.0, rng);
        Function<Attention.Step, Double> loss = st -> st.context().mul(r).sum() + st.weights().mul(w).sum();

        Attention.Step step = attention.forward(query, mem, mask);
        Attention.Gradients g = attention.backward(step, r, w);

        List<Parameter> checked = new ArrayList<>(attention.parameters());
        checked.add(new Parameter("query", query, g.dQuery()));
        for (int s = 0; s < src; s++) {
            checked.add(new Parameter("memory" + s, mem[s], g.dMemory()[s]));
        }
        GradientCheck.Report report = GradientCheck.check(checked,
                () -> loss.apply(attention.forward(query, mem, mask)));
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
        // padded memory of row 1 (length 2) gets no gradient at all
        for (int s = 2; s < src; s++) {
            assertEquals(0.0, g.dMemory()[s].rowAt(1).maxAbs(), 0.0);
        }
        assertTrue(g.dQuery().norm() > 0);
    }

    /**
     * A decoder's use: three queries over one prepared memory, backward step by step in reverse with the key
     * gradients summed and finished once; checked against central differences of the summed loss.
     */
    @ParameterizedTest
    @ValueSource(strings = {"additive", "dot"})
    void preparedMemorySharedByManyQueries(String kind) {
        Random rng = new Random(21);
        Attention attention = make(kind, 3, 3, rng);
        Matrix[] mem = memory(4, 2, 3, rng);
        Mask mask = Mask.lengths(4, 3, 4);
        Matrix[] queries = {Init.uniform(2, 3, 1.0, rng), Init.uniform(2, 3, 1.0, rng), Init.uniform(2, 3, 1.0, rng)};
        Matrix[] r = {Init.uniform(2, 3, 1.0, rng), Init.uniform(2, 3, 1.0, rng), Init.uniform(2, 3, 1.0, rng)};

        Attention.Memory prepared = attention.prepare(mem, mask);
        Attention.Step[] steps = new Attention.Step[3];
        for (int t = 0; t < 3; t++) {
            steps[t] = attention.forward(queries[t], prepared);
        }
        Matrix[] dMemory = Attention.zerosLike(mem);
        Matrix[] dQueries = new Matrix[3];
        for (int t = 2; t >= 0; t--) {
            dQueries[t] = attention.backwardInto(steps[t], r[t], null, dMemory);
        }
        attention.finish(prepared, dMemory);

        List<Parameter> checked = new ArrayList<>(attention.parameters());
        for (int t = 0; t < 3; t++) {
            checked.add(new Parameter("query" + t, queries[t], dQueries[t]));
        }
        for (int s = 0; s < 4; s++) {
            checked.add(new Parameter("memory" + s, mem[s], dMemory[s]));
        }
        GradientCheck.Report report = GradientCheck.check(checked, () -> {
            Attention.Memory p = attention.prepare(mem, mask);
            double loss = 0;
            for (int t = 0; t < 3; t++) {
                loss += attention.forward(queries[t], p).context().mul(r[t]).sum();
            }
            return loss;
        });
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    @Test
    void booleanMaskGradientCheckAdditive() {
        Random rng = new Random(4);
        Attention attention = new AdditiveAttention(2, 3, 5, rng);
        Matrix query = Init.uniform(2, 2, 1.0, rng);
        Matrix[] mem = memory(4, 2, 3, rng);
        Mask mask = Mask.of(new boolean[][] {{false, true, false, true}, {true, true, true, false}});
        Matrix r = Init.uniform(2, 3, 1.0, rng);
        Attention.Step step = attention.forward(query, mem, mask);
        Attention.Gradients g = attention.backward(step, r, null);
        assertEquals(0.0, step.weights().get(0, 0), 0.0);
        assertEquals(0.0, step.weights().get(2, 0), 0.0);
        assertEquals(0.0, step.weights().get(3, 1), 0.0);
        List<Parameter> checked = new ArrayList<>(attention.parameters());
        checked.add(new Parameter("query", query, g.dQuery()));
        for (int s = 0; s < 4; s++) {
            checked.add(new Parameter("memory" + s, mem[s], g.dMemory()[s]));
        }
        GradientCheck.Report report = GradientCheck.check(checked,
                () -> attention.forward(query, mem, mask).context().mul(r).sum());
        assertTrue(report.maxRelativeError() < 1e-7, report::toString);
    }

    /** q = (1, 0), m_0 = (1, 0), m_1 = (0, 1), d = 2: e = (1/√2, 0), so α_0 = 1 / (1 + exp(-1/√2)). */
    @Test
    void dotProductByHand() {
        DotProductAttention attention = new DotProductAttention(2);
        Matrix q = Matrix.row(1, 0);
        Matrix[] mem = {Matrix.row(1, 0), Matrix.row(0, 1)};
        Attention.Step step = attention.forward(q, mem);
        double a0 = 1.0 / (1.0 + Math.exp(-1.0 / Math.sqrt(2)));
        assertEquals(a0, step.weights().get(0, 0), 1e-15);
        assertEquals(1 - a0, step.weights().get(1, 0), 1e-15);
        assertEquals(a0, step.context().get(0, 0), 1e-15);
        assertEquals(1 - a0, step.context().get(0, 1), 1e-15);
    }

    /** Additive score with W_q = W_k = I-like 1x1 weights worked by hand: e_s = v tanh(wq q + wk m_s + b). */
    @Test
    void additiveByHand() {
        AdditiveAttention attention = new AdditiveAttention(1, 1, 1, new Random(0));
        attention.namedParameters().get("weight_query").value().set(0, 0, 0.5);
        attention.namedParameters().get("weight_key").value().set(0, 0, 2.0);
        attention.namedParameters().get("bias").value().set(0, 0, -1.0);
        attention.namedParameters().get("v").value().set(0, 0, 3.0);
        Matrix q = Matrix.row(2);
        Matrix[] mem = {Matrix.row(1), Matrix.row(-1)};
        double e0 = 3 * Math.tanh(0.5 * 2 + 2 * 1 - 1);
        double e1 = 3 * Math.tanh(0.5 * 2 - 2 - 1);
        double a0 = Math.exp(e0) / (Math.exp(e0) + Math.exp(e1));
        Attention.Step step = attention.forward(q, mem);
        assertEquals(a0, step.weights().get(0, 0), 1e-14);
        assertEquals(a0 * 1 + (1 - a0) * -1, step.context().get(0, 0), 1e-14);
    }

    /** Padding may hold anything, even huge values: weights there are exactly zero and the context ignores it. */
    @ParameterizedTest
    @ValueSource(strings = {"additive", "dot"})
    void paddingNeverChangesTheContext(String kind) {
        Random rng = new Random(8);
        Attention attention = make(kind, 3, 3, rng);
        Matrix q = Init.uniform(2, 3, 1.0, rng);
        Matrix[] mem = memory(4, 2, 3, rng);
        Mask mask = Mask.lengths(4, 4, 2);
        Attention.Step before = attention.forward(q, mem, mask);
        Matrix[] noisy = new Matrix[4];
        for (int s = 0; s < 4; s++) {
            noisy[s] = mem[s].copy();
            if (s >= 2) {
                noisy[s].set(1, 0, 1e6);
                noisy[s].set(1, 2, -1e6);
            }
        }
        Attention.Step after = attention.forward(q, noisy, mask);
        assertEquals(before.context(), after.context());
        assertEquals(0.0, after.weights().get(2, 1), 0.0);
        assertEquals(0.0, after.weights().get(3, 1), 0.0);
        for (int b = 0; b < 2; b++) {
            double sum = 0;
            for (int s = 0; s < 4; s++) {
                sum += after.weights().get(s, b);
            }
            assertEquals(1.0, sum, 1e-12);
        }
    }

    @Test
    void largeScoresStayFinite() {
        DotProductAttention attention = new DotProductAttention(1);
        Attention.Step step = attention.forward(Matrix.row(1000), new Matrix[] {Matrix.row(1000), Matrix.row(-1000)});
        assertEquals(1.0, step.weights().get(0, 0), 0.0);
        assertEquals(0.0, step.weights().get(1, 0), 0.0);
    }

    @Test
    void badMasksAreNamed() {
        DotProductAttention attention = new DotProductAttention(2);
        Matrix q = Matrix.zeros(2, 2);
        Matrix[] mem = {Matrix.zeros(2, 2), Matrix.zeros(2, 2), Matrix.zeros(2, 2)};
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> attention.forward(q, mem, Mask.lengths(4, 1, 2)));
        assertTrue(wrongLength.getMessage().contains("expected 2 rows of 3 source positions"),
                wrongLength.getMessage());
        assertTrue(wrongLength.getMessage().contains("got 2 rows of 4"), wrongLength.getMessage());
        IllegalArgumentException wrongBatch = assertThrows(IllegalArgumentException.class,
                () -> attention.forward(q, mem, Mask.lengths(3, 1, 2, 3)));
        assertTrue(wrongBatch.getMessage().contains("got 3 rows of 3"), wrongBatch.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> Mask.lengths(3, 4));
        assertTrue(tooLong.getMessage().contains("source length 4"), tooLong.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> attention.forward(q, mem,
                        Mask.of(new boolean[][] {{true, false, false}, {false, false, false}})));
        assertTrue(empty.getMessage().contains("batch row 1"), empty.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Mask.of(new boolean[][] {{true, false, false}, {true}}));
        assertTrue(ragged.getMessage().contains("row 1 has 1 positions but row 0 has 3"), ragged.getMessage());
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                () -> attention.forward(Matrix.zeros(2, 3), mem));
        assertTrue(query.getMessage().contains("expected shape (2, 2), got (2, 3)"), query.getMessage());
    }
}
