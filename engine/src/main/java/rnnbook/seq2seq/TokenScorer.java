package rnnbook.seq2seq;

import rnnbook.tensor.Matrix;

/**
 * One step of an autoregressive decoder, seen from a search: given a decoder state holding some rows (one per
 * hypothesis) and the token each row just emitted, the log-probabilities of every next token and the state after
 * reading those tokens. {@link Decoding} searches over any such model, a trained {@link Seq2Seq} or a table
 * written by hand.
 *
 * @param <S> the decoder state (rows of hidden states, plus whatever else each row carries)
 */
public interface TokenScorer<S> {

    /** Log-probabilities (rows, vocab) of the next token and the state that follows. */
    record Next<S>(Matrix logProbs, S state) {
    }

    Next<S> next(S state, int[] tokens);

    /** The rows {@code rows[0], rows[1], ...} of a state, in that order (repeats allowed). */
    S gather(S state, int[] rows);
}
