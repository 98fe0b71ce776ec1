package rnnbook.chapters.common;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnbook.loss.Mse;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.optim.Optimizer;
import rnnbook.tensor.Matrix;

/**
 * A synchronized many-to-many regressor from engine parts: a recurrent layer and a dense read-out applied at every
 * step, y_t = h_t · Wᵀ + b. Shapes: xs (seq, batch, input), ys (seq, batch, output). Trained with mean squared
 * error over every step.
 */
public final class ManyToMany implements Module {
    private final Recurrent rnn;
    private final Dense head;

    public ManyToMany(Cell cell, Dense head) {
        if (head.inputSize() != cell.hiddenSize()) {
            throw new IllegalArgumentException("ManyToMany: the head reads " + head.inputSize()
                    + " features but the cell's hidden size is " + cell.hiddenSize());
        }
        this.rnn = new Recurrent(cell);
        this.head = head;
    }

    public Recurrent rnn() {
        return rnn;
    }

    /** The prediction at every step, (seq, batch, output). */
    public Matrix[] predict(Matrix[] xs) {
        return Sequences.split(head.forward(Sequences.stack(rnn.forward(xs).outputs())), xs.length);
    }

    /** Mean squared error of the predictions over every step and example. */
    public double loss(Matrix[] xs, Matrix[] ys) {
        return new Mse().forward(Sequences.stack(predict(xs)), Sequences.stack(ys));
    }

    /** One update on one batch: forward, MSE, backward through the head and through time, optimiser step. */
    public double trainStep(Matrix[] xs, Matrix[] ys, Optimizer optimizer) {
        optimizer.zeroGrad();
        double loss = lossAndGradients(xs, ys);
        optimizer.step();
        return loss;
    }

    /**
     * Forward, MSE and backward on one batch, adding to the parameters' gradients (no update): the step function
     * of a {@link rnnbook.train.Trainer}.
     */
    public double lossAndGradients(Matrix[] xs, Matrix[] ys) {
        Mse mse = new Mse();
        double loss = mse.forward(head.forward(Sequences.stack(rnn.forward(xs).outputs())), Sequences.stack(ys));
        Matrix dh = head.backward(mse.backward());
        rnn.backward(Sequences.split(dh, xs.length), null);
        return loss;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        Module.addAll(m, "rnn", rnn);
        Module.addAll(m, "head", head);
        return m;
    }
}
