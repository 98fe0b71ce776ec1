package rnnbook.models;

import rnnbook.loss.Mse;
import rnnbook.nn.Cell;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.optim.Optimizer;
import rnnbook.tensor.Matrix;
import rnnbook.train.Trainer;

/**
 * A synchronized many-to-many regressor: a recurrent layer and a dense read-out applied at every step,
 * y_t = h_t · Wᵀ + b. Shapes: xs (seq, batch, input), ys (seq, batch, output). Trained with mean squared error
 * over every step. Parts: {@code rnn} and {@code head}.
 */
public final class ManyToMany extends SequenceModel {

    public ManyToMany(Cell cell, Dense head) {
        super(cell, head);
    }

    /** The prediction at every step, (seq, batch, output). */
    public Matrix[] predict(Matrix[] xs) {
        return Sequences.split(head().forward(Sequences.stack(rnn().forward(xs).outputs())), xs.length);
    }

    /** Mean squared error of the predictions over every step and example. */
    public double loss(Matrix[] xs, Matrix[] ys) {
        return new Mse().forward(Sequences.stack(predict(xs)), Sequences.stack(ys));
    }

    /**
     * Forward, MSE and backward on one batch, adding to the parameters' gradients (no update): the step function
     * of a {@link Trainer}.
     */
    public double lossAndGradients(Matrix[] xs, Matrix[] ys) {
        Mse mse = new Mse();
        Recurrent.Output read = rnn().forward(xs);
        Matrix hs = Sequences.stack(read.outputs());   // (seq * batch, hidden): the head reads every step at once
        Mse.Pass error = mse.forwardPass(head().forward(hs), Sequences.stack(ys));
        Matrix dh = head().backward(hs, mse.backward(error));
        rnn().backward(read, Sequences.split(dh, xs.length), null);
        return error.loss();
    }

    /**
     * One update on one batch through a quiet {@link Trainer} for {@code optimizer} (kept, so that the steps of
     * repeated calls are numbered on and a diverged step is named): forward, MSE, backward, optimiser step.
     * Returns the loss.
     */
    public double trainStep(Matrix[] xs, Matrix[] ys, Optimizer optimizer) {
        Trainer trainer = trainerFor(optimizer, 0);
        trainer.fit(1, step -> lossAndGradients(xs, ys));
        return trainer.history().records().get(trainer.history().size() - 1).loss();
    }
}
