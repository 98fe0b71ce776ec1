package rnnbook.chapters.ch09;

import rnnbook.data.LanguageModelBatches;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.train.History;
import rnnbook.train.Trainer;

/**
 * Trains a {@link TokenLm} by truncated BPTT over a token stream: {@code batch} lanes read side by side in
 * windows of {@code seq} tokens, the state carried from one window to the next (and reset at each new pass over
 * the stream), Adam (its rate constant or decaying along a cosine, {@link Plan#lrAt}), gradients clipped to
 * norm 5. Every {@code evalEvery} steps it logs the held-out loss as the metric {@value #HELD_OUT}, in nats per
 * token.
 */
public final class LmTraining {
    public static final String HELD_OUT = "held-out nats";

    private LmTraining() {
    }

    /**
     * How to train: window length, lanes, steps, Adam's learning rate (from {@code lr} at the first step down to
     * {@code finalLr} at the last along a half cosine; equal for a constant rate), how often to measure the held-out
     * loss.
     */
    public record Plan(int seq, int batch, int steps, double lr, double finalLr, int evalEvery) {
        public Plan {
            if (seq < 1 || batch < 1 || steps < 1 || evalEvery < 1 || !(lr > 0) || !(finalLr > 0) || finalLr > lr) {
                throw new IllegalArgumentException("Plan: seq, batch, steps and evalEvery must be positive and"
                        + " 0 < finalLr <= lr, got seq " + seq + ", batch " + batch + ", steps " + steps + ", lr " + lr
                        + ", finalLr " + finalLr + ", evalEvery " + evalEvery);
            }
        }

        /** A constant learning rate. */
        public Plan(int seq, int batch, int steps, double lr, int evalEvery) {
            this(seq, batch, steps, lr, lr, evalEvery);
        }

        /** The rate at step s = 1..steps: finalLr + (lr - finalLr) (1 + cos(π (s - 1) / (steps - 1))) / 2. */
        public double lrAt(int step) {
            double done = steps == 1 ? 0 : (step - 1) / (double) (steps - 1);
            return finalLr + (lr - finalLr) * (1 + Math.cos(Math.PI * done)) / 2;
        }
    }

    /** Trains {@code model} on {@code train}, measuring {@code heldOut} along the way; returns the history. */
    public static History fit(TokenLm model, int[] train, int[] heldOut, Plan plan) {
        LanguageModelBatches batches = new LanguageModelBatches(train, plan.seq(), plan.batch());
        Adam adam = new Adam(model.parameters(), plan.lr());
        Trainer trainer = new Trainer(model, adam).clipGradNorm(5.0).quiet();
        State[] h = {model.zeroState(plan.batch())};
        return trainer.fit(plan.steps(), step -> {
            adam.setLearningRate(plan.lrAt(step.step()));
            int w = (step.step() - 1) % batches.windowCount();
            if (w == 0) {
                h[0] = model.zeroState(plan.batch());      // a new pass over the stream
            }
            TokenLm.WindowResult r = model.lossAndBackward(batches.window(w), h[0]);
            h[0] = r.last();
            if (step.step() % plan.evalEvery() == 0 || step.step() == plan.steps()) {
                step.log(HELD_OUT, model.nats(heldOut, 16));
            }
            return r.loss();
        });
    }
}
