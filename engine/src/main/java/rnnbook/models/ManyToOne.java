package rnnbook.models;

import rnnbook.data.Labelled;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.optim.Optimizer;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Trainer;

/**
 * A many-to-one classifier: a recurrent layer reads the whole sequence and a dense head turns the final hidden
 * state into class scores, logits = h_T · Wᵀ + b, trained with softmax cross-entropy. Shapes: xs (seq, batch,
 * input), logits (batch, classes). Parts: {@code rnn} and {@code head}, so its parameters are
 * {@code rnn.weight_ih_l0}, ..., {@code head.weight}, {@code head.bias}.
 *
 * <p>{@link #forward} returns the {@link Pass} that {@link #backward(Pass, Matrix)} takes, so forward passes may
 * interleave (a training pass, an evaluation, then the training pass's backward).
 */
public final class ManyToOne extends SequenceModel {
    private Pass lastLogits;   // the pass of the last logits(xs), for the deprecated backward(dLogits) only

    /** One forward pass: the recurrent layer's pass (its final h is the head's input) and the class scores. */
    public record Pass(Recurrent.Output rnn, Matrix logits) {
    }

    public ManyToOne(Cell cell, Dense head) {
        super(cell, head);
    }

    /** Reads xs (seq, batch, input) and scores the final hidden state: logits (batch, classes), in a pass. */
    public Pass forward(Matrix[] xs) {
        Recurrent.Output read = rnn().forward(xs);
        return new Pass(read, head().forward(read.last().h()));
    }

    /** Class scores from the last hidden state, (batch, classes). */
    public Matrix logits(Matrix[] xs) {
        lastLogits = forward(xs);
        return lastLogits.logits();
    }

    /**
     * Backpropagates dL/dlogits (batch, classes) through the head and then through time over {@code pass},
     * whatever passes ran since; adds to the parameters' gradients.
     */
    public void backward(Pass pass, Matrix dLogits) {
        Matrix dh = head().backward(pass.rnn().last().h(), dLogits);
        rnn().backward(pass.rnn(), null, State.of(dh));
    }

    /**
     * Backward over the pass of the last {@link #logits} call ({@link #forward} and {@link #accuracy} do not
     * replace it).
     *
     * @deprecated a later {@code logits} call replaces the pass this uses; keep the {@link Pass} of
     *             {@link #forward} and call {@link #backward(Pass, Matrix)}
     */
    @Deprecated
    public void backward(Matrix dLogits) {
        if (lastLogits == null) {
            throw new IllegalStateException("ManyToOne backward called before logits");
        }
        backward(lastLogits, dLogits);
    }

    /**
     * Forward, mean cross-entropy and backward on one batch, adding to the parameters' gradients (no update): the
     * step function of a {@link Trainer}.
     */
    public double lossAndGradients(Labelled batch) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Pass pass = forward(batch.xs());
        SoftmaxCrossEntropy.Pass scored = ce.forwardPass(pass.logits(), batch.labels());
        backward(pass, ce.backward(scored));
        return scored.loss();
    }

    /**
     * One pass over {@code data} in consecutive mini-batches of {@code batchSize} (the last may be smaller), one
     * {@code trainer} step each. Returns the mean loss over those batches.
     */
    public double trainEpoch(Labelled data, int batchSize, Trainer trainer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("trainEpoch: batch size must be at least 1, got " + batchSize);
        }
        int batches = (data.size() + batchSize - 1) / batchSize;
        int before = trainer.stepsDone();
        History h = trainer.fit(batches, step -> {
            int from = (step.step() - before - 1) * batchSize;
            return lossAndGradients(data.slice(from, Math.min(data.size(), from + batchSize)));
        });
        return h.meanLoss(h.size() - batches, h.size());
    }

    /**
     * {@link #trainEpoch(Labelled, int, Trainer)} with a quiet {@link Trainer} for {@code optimizer}, clipping to
     * the global norm {@code maxNorm} when it is positive; the same trainer serves later epochs with the same
     * optimizer and norm, so its steps and {@link History} continue.
     */
    public double trainEpoch(Labelled data, int batchSize, Optimizer optimizer, double maxNorm) {
        return trainEpoch(data, batchSize, trainerFor(optimizer, maxNorm));
    }

    /** The fraction of examples whose highest score is their label. */
    public double accuracy(Labelled data) {
        int[] predicted = forward(data.xs()).logits().argmaxRows();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.labels()[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }
}
