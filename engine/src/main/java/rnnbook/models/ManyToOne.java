package rnnbook.models;

import rnnbook.data.Labelled;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
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
 */
public final class ManyToOne extends SequenceModel {

    public ManyToOne(Cell cell, Dense head) {
        super(cell, head);
    }

    /** Class scores from the last hidden state. */
    public Matrix logits(Matrix[] xs) {
        return head().forward(rnn().forward(xs).last().h());
    }

    /**
     * Backpropagates dL/dlogits through the head and then through time, over the model's last forward pass (its
     * layers keep it): call it right after the {@link #logits} it belongs to, before any other forward pass of this
     * model ({@link #accuracy} included). {@link #lossAndGradients} does both in one call.
     */
    public void backward(Matrix dLogits) {
        Matrix dh = head().backward(dLogits);
        rnn().backward(null, State.of(dh));
    }

    /**
     * Forward, mean cross-entropy and backward on one batch, adding to the parameters' gradients (no update): the
     * step function of a {@link Trainer}.
     */
    public double lossAndGradients(Labelled batch) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        double loss = ce.forward(logits(batch.xs()), batch.labels());
        backward(ce.backward());
        return loss;
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
        int[] predicted = logits(data.xs()).argmaxRows();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.labels()[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }
}
