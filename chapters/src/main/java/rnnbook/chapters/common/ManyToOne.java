package rnnbook.chapters.common;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.optim.Clip;
import rnnbook.optim.Optimizer;
import rnnbook.tensor.Matrix;

/**
 * A many-to-one classifier built from engine parts: a recurrent layer reads the whole sequence and a dense head
 * turns the final hidden state into class scores, logits = h_T · Wᵀ + b. Shapes: xs (seq, batch, input),
 * logits (batch, classes).
 */
public final class ManyToOne implements Module {
    private final Recurrent rnn;
    private final Dense head;

    public ManyToOne(Cell cell, Dense head) {
        if (head.inputSize() != cell.hiddenSize()) {
            throw new IllegalArgumentException("ManyToOne: the head reads " + head.inputSize()
                    + " features but the cell's hidden size is " + cell.hiddenSize());
        }
        this.rnn = new Recurrent(cell);
        this.head = head;
    }

    public Recurrent rnn() {
        return rnn;
    }

    public Dense head() {
        return head;
    }

    /** Class scores from the last hidden state. */
    public Matrix logits(Matrix[] xs) {
        return head.forward(rnn.forward(xs).last().h());
    }

    /** Backpropagates dL/dlogits through the head and then through time. */
    public void backward(Matrix dLogits) {
        Matrix dh = head.backward(dLogits);
        rnn.backward(null, State.of(dh));
    }

    /**
     * One pass over {@code data} in mini-batches: forward, cross-entropy, backward, optional clipping (maxNorm
     * &le; 0 turns it off), optimiser step. Returns the mean loss over the batches.
     */
    public double trainEpoch(Labelled data, int batchSize, Optimizer optimizer, double maxNorm) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        double total = 0;
        int batches = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            Labelled b = data.slice(from, Math.min(data.size(), from + batchSize));
            optimizer.zeroGrad();
            double loss = ce.forward(logits(b.xs()), b.labels());
            backward(ce.backward());
            if (maxNorm > 0) {
                Clip.gradNorm(optimizer.parameters(), maxNorm);
            }
            optimizer.step();
            total += loss;
            batches++;
        }
        return total / batches;
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

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        Module.addAll(m, "rnn", rnn);
        Module.addAll(m, "head", head);
        return m;
    }
}
