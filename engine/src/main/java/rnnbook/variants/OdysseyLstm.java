package rnnbook.variants;

import java.util.Random;
import rnnbook.nn.Composite;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;

/**
 * The LSTM of Greff et al.'s "LSTM: A Search Space Odyssey" (2017) and its eight one-change variants as one layer:
 * an {@link OdysseyCell} (the formulas are there) unrolled by {@link Recurrent}, part {@code rnn}, so its
 * parameters are {@code rnn.weight_ih_l0}, ..., {@code rnn.weight_ci_l0} (and {@code rnn.weight_gg_l0} for FGR).
 * {@link #forward} returns the pass that {@link #backward} takes, so passes may interleave.
 */
public final class OdysseyLstm extends Composite {

    /** Greff et al.'s names: the vanilla LSTM and its eight variants, each one change away from it. */
    public enum Variant {
        V("vanilla"), NIG("no input gate"), NFG("no forget gate"), NOG("no output gate"),
        NIAF("no input activation"), NOAF("no output activation"), NP("no peepholes"),
        CIFG("coupled input-forget gate"), FGR("full gate recurrence");

        private final String description;

        Variant(String description) {
            this.description = description;
        }

        /** "NFG (no forget gate)". */
        public String label() {
            return name() + " (" + description + ")";
        }
    }

    private final OdysseyCell cell;
    private final Recurrent rnn;

    public OdysseyLstm(Variant variant, int inputSize, int hiddenSize, Random rng) {
        this.cell = new OdysseyCell(variant, inputSize, hiddenSize, rng);
        this.rnn = register("rnn", new Recurrent(cell));
    }

    public Variant variant() {
        return cell.variant();
    }

    /** The cell that {@link Recurrent} unrolls. */
    public OdysseyCell cell() {
        return cell;
    }

    public int inputSize() {
        return cell.inputSize();
    }

    public int hiddenSize() {
        return cell.hiddenSize();
    }

    /** The scalars training can change ({@link OdysseyCell#activeParameterCount()}). */
    public long activeParameterCount() {
        return cell.activeParameterCount();
    }

    /** xs (seq, batch, input) from a zero state; the pass's {@code outputs()} are h_1 .. h_T, each (batch, hidden). */
    public Recurrent.Output forward(Matrix[] xs) {
        Sequences.require("OdysseyLstm input", xs, inputSize());
        return rnn.forward(xs);
    }

    /**
     * BPTT over {@code pass}: dHs[t] = dL/dh_t from outside (null entries count as zero); accumulates every
     * parameter's gradient and returns dL/dx_t.
     */
    public Matrix[] backward(Recurrent.Output pass, Matrix[] dHs) {
        if (dHs.length != pass.steps().size()) {
            throw new IllegalArgumentException("OdysseyLstm backward: " + dHs.length + " gradients for "
                    + pass.steps().size() + " steps");
        }
        return rnn.backward(pass, dHs, null).dInputs();
    }
}
