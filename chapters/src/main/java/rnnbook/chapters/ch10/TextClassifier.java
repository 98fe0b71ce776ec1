package rnnbook.chapters.ch10;

import java.util.Random;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.GruCell;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * A many-to-one text classifier: embed each token, read the sequence with a GRU, score the classes from the final
 * hidden state. logits (batch, classes) = h_T · Wᵀ + b, where h_T is each row's state after its own last token
 * (lengths, not the padded length). Parts {@code embed}, {@code rnn}, {@code head}.
 */
// tag::model[]
public final class TextClassifier extends Composite {
    private final Embedding embed;
    private final Recurrent rnn;
    private final Dense head;
    private boolean useLengths = true;

    public TextClassifier(int vocabulary, int dim, int hidden, int classes, long seed) {
        Random rng = new Random(seed);
        embed = register("embed", new Embedding(vocabulary, dim, rng));
        rnn = register("rnn", new Recurrent(new GruCell(dim, hidden, rng)));
        head = register("head", new Dense(hidden, classes, rng));
    }

    /** Whether the GRU is told each row's length (true) or reads the padding as if it were text (false). */
    public TextClassifier useLengths(boolean on) {
        useLengths = on;
        return this;
    }

    /** The forward pass: the embedded steps, the GRU's pass over them, and the class scores. */
    public record Pass(Padded batch, Recurrent.Output read, Matrix logits) {
    }

    public Pass forward(Padded batch) {
        Matrix[] xs = new Matrix[batch.ids().length];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = embed.forward(batch.ids()[t]);                   // (batch, dim) at step t
        }
        Recurrent.Output read = rnn.forward(xs, null, useLengths ? batch.lengths() : null);
        return new Pass(batch, read, head.forward(read.last().h()));  // each row's own last state
    }

    /** Mean cross-entropy over the batch, and its gradients added to every parameter's. */
    public double lossAndBackward(Padded batch) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Pass pass = forward(batch);
        SoftmaxCrossEntropy.Pass loss = ce.forwardPass(pass.logits(), batch.labels());
        Matrix dh = head.backward(pass.read().last().h(), ce.backward(loss));
        Matrix[] dxs = rnn.backward(pass.read(), null, State.of(dh)).dInputs();
        for (int t = 0; t < dxs.length; t++) {
            embed.backward(batch.ids()[t], dxs[t]);                 // padded steps bring zero gradient
        }
        return loss.loss();
    }

    /** The predicted class of every row. */
    public int[] predict(Padded batch) {
        return forward(batch).logits().argmaxRows();
    }
}
// end::model[]
