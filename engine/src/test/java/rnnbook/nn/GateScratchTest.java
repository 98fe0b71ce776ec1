package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rnnbook.tensor.Matrix;

/**
 * The fast road reuses one backward pass's gate gradients in the next ({@link GateScratch}): nothing of the first
 * pass may reach the second, whatever the two passes' shapes, and a pass on another thread must not share them.
 */
class GateScratchTest {

    /** Gradients of every parameter and input of one backward pass, after zeroing the gradients. */
    private static double[][] pass(Recurrent layer, Recurrent.Output out, Matrix[] dOut) {
        List<Parameter> params = layer.parameters();
        params.forEach(Parameter::zeroGrad);
        Recurrent.Gradients g = layer.backward(out, dOut, null);
        double[][] all = new double[params.size() + dOut.length + 1][];
        for (int i = 0; i < params.size(); i++) {
            all[i] = params.get(i).grad().data().clone();
        }
        for (int t = 0; t < dOut.length; t++) {
            all[params.size() + t] = g.dInputs()[t].data().clone();
        }
        all[all.length - 1] = g.dInitial().h().data().clone();
        return all;
    }

    private static Cell cell(String kind, Random rng) {
        return kind.equals("lstm") ? new LstmCell(7, 40, rng) : new GruCell(7, 40, rng);
    }

    @ParameterizedTest
    @CsvSource({"lstm, 5", "gru, 5", "lstm, 72", "gru, 72"})
    void aSecondBackwardPassIsTheSameAsOnAFreshLayer(String kind, int batch) {
        // the same weights in two layers; before each compared pass, the reused one runs a pass that leaves other
        // numbers in the matrices: a longer one of the same batch (all reused), then one of a larger batch (none)
        Recurrent reused = new Recurrent(cell(kind, new Random(3)));
        Recurrent fresh = new Recurrent(cell(kind, new Random(3)));
        Random rng = new Random(4);
        Matrix[] xs = Fixtures.sequence(9, batch, 7, rng);
        Matrix[] dOut = Fixtures.sequence(9, batch, 40, rng);
        double[][] expected = pass(fresh, fresh.forward(xs), dOut);
        pass(reused, reused.forward(Fixtures.sequence(11, batch, 7, rng)), Fixtures.sequence(11, batch, 40, rng));
        double[][] afterLonger = pass(reused, reused.forward(xs), dOut);
        pass(reused, reused.forward(Fixtures.sequence(9, batch + 3, 7, rng)),
                Fixtures.sequence(9, batch + 3, 40, rng));
        double[][] afterLarger = pass(reused, reused.forward(xs), dOut);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], afterLonger[i], kind + " gradient " + i + " after a longer pass");
            assertArrayEquals(expected[i], afterLarger[i], kind + " gradient " + i + " after a larger batch");
        }
    }

    @Test
    void aPassOnAnotherThreadGetsItsOwnMatrices() throws Exception {
        GateScratch scratch = new GateScratch();
        scratch.begin();
        Matrix a = scratch.take(2, 3);
        scratch.end();
        scratch.begin();
        assertSame(a, scratch.take(2, 3), "the next pass on this thread reuses the matrix");
        a.set(0, 0, 5.0);
        Matrix theirs = passOnAnotherThread(scratch);   // it does not get the scratch: it is held
        assertNotSame(a, theirs);
        assertEquals(0.0, theirs.get(0, 0), "a new matrix is zero");
        scratch.end();
        Matrix afterwards = passOnAnotherThread(scratch);   // given back: now the other thread's pass reuses it
        assertSame(a, afterwards);
    }

    /** The (2, 3) matrix a one-matrix pass on another thread takes. */
    private static Matrix passOnAnotherThread(GateScratch scratch) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            scratch.begin();
            try {
                return scratch.take(2, 3);
            } finally {
                scratch.end();
            }
        }).get();
    }

    @Test
    void aMatrixOfAnotherShapeIsNew() {
        GateScratch scratch = new GateScratch();
        scratch.begin();
        Matrix a = scratch.take(2, 3);
        Matrix b = scratch.take(2, 3);
        scratch.end();
        scratch.begin();
        Matrix c = scratch.take(4, 3);
        assertEquals(4, c.rows());
        assertNotSame(a, c);
        assertSame(b, scratch.take(2, 3), "the second slot still holds its (2, 3) matrix");
        scratch.end();
    }
}
