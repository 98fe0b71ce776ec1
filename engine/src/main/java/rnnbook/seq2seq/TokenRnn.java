package rnnbook.seq2seq;

import rnnbook.nn.Cell;
import rnnbook.nn.Composite;
import rnnbook.nn.Embedding;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * What the {@link Encoder} and the {@link Decoder} share: token ids looked up in an embedding table (part
 * {@code embedding}) and read by one recurrent cell (part {@code rnn}, a {@link Recurrent}); backward runs through
 * time and then into the rows of the table that were looked up.
 */
abstract sealed class TokenRnn extends Composite permits Encoder, Decoder {
    final Embedding embedding;
    final Recurrent rnn;

    TokenRnn(Embedding embedding, Cell cell) {
        if (embedding.dim() != cell.inputSize()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": embedding size " + embedding.dim()
                    + " does not match the cell's input size " + cell.inputSize());
        }
        this.embedding = register("embedding", embedding);
        this.rnn = register("rnn", new Recurrent(cell));
    }

    public Cell cell() {
        return rnn.cell();
    }

    public Embedding embedding() {
        return embedding;
    }

    /** The vectors of {@code ids} (row t * batch + b) as a sequence of {@code steps} steps: one lookup for all. */
    Matrix[] embed(int[] ids, int steps) {
        return Sequences.split(embedding.forward(ids), steps);
    }

    /** BPTT over {@code pass}, then the embedding rows of {@code ids}; returns dL/d(initial state). */
    State backward(Recurrent.Output pass, int[] ids, Matrix[] dOutputs, State dLast) {
        Recurrent.Gradients g = rnn.backward(pass, dOutputs, dLast);
        embedding.backward(ids, Sequences.stack(g.dInputs()));
        return g.dInitial();
    }
}
