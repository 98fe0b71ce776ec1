package rnnbook.models;

import rnnbook.nn.Cell;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.optim.Optimizer;
import rnnbook.train.Trainer;

/**
 * What {@link ManyToOne} and {@link ManyToMany} share: a recurrent layer (part {@code rnn}) and a dense read-out
 * of its hidden states (part {@code head}), and the quiet {@link Trainer} behind their one-call training methods.
 */
public abstract class SequenceModel extends Composite {
    private final Recurrent rnn;
    private final Dense head;
    private Trainer trainer;
    private Optimizer trainerOptimizer;
    private double trainerMaxNorm;

    protected SequenceModel(Cell cell, Dense head) {
        if (head.inputSize() != cell.hiddenSize()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the head reads " + head.inputSize()
                    + " features but the cell's hidden size is " + cell.hiddenSize());
        }
        this.rnn = register("rnn", new Recurrent(cell));
        this.head = register("head", head);
    }

    public Recurrent rnn() {
        return rnn;
    }

    public Dense head() {
        return head;
    }

    /**
     * A quiet {@link Trainer} of this model for {@code optimizer}, clipping to the global norm {@code maxNorm} when
     * it is positive; kept while the optimizer and norm stay the same, so that steps are numbered on across calls
     * and the history continues.
     */
    protected Trainer trainerFor(Optimizer optimizer, double maxNorm) {
        if (trainer == null || trainerOptimizer != optimizer || Double.compare(trainerMaxNorm, maxNorm) != 0) {
            trainer = new Trainer(this, optimizer).quiet();
            if (maxNorm > 0) {
                trainer.clipGradNorm(maxNorm);
            }
            trainerOptimizer = optimizer;
            trainerMaxNorm = maxNorm;
        }
        return trainer;
    }
}
