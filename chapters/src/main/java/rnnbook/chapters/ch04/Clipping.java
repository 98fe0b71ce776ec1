package rnnbook.chapters.ch04;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.models.ManyToMany;
import rnnbook.data.Tasks;
import rnnbook.nn.Dense;
import rnnbook.nn.Init;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.train.TrainingDivergedException;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;

/** Chapter 4, gradient clipping: the same training run with and without it. */
public final class Clipping {
    private Clipping() {
    }

    // tag::run[]
    /**
     * Trains a tanh RNN (32 units, recurrent scale 2: the exploding side) on the delay task (50 steps, lag 3) with
     * plain SGD, learning rate 0.2; clipped to global norm {@code maxNorm} when it is positive. Returns the
     * history, which ends early if the run diverged.
     */
    public static History train(double maxNorm, int steps) {
        var rng = new Random(271);
        var cell = new RnnCell(1, 32, rng);
        cell.weightHh().value().copyFrom(Init.normal(32, 32, 2.0 / Math.sqrt(32), rng));
        var model = new ManyToMany(cell, new Dense(32, 1, new Random(272)));
        var trainer = new Trainer(model, new Sgd(model.parameters(), 0.2)).quiet();
        if (maxNorm > 0) {
            trainer.clipGradNorm(maxNorm);
        }
        var dataRng = new Random(273);
        try {
            trainer.fit(steps, step -> {
                Matrix[][] batch = Tasks.delay(16, 50, 3, dataRng);
                return model.lossAndGradients(batch[0], batch[1]);
            });
        } catch (TrainingDivergedException e) {
            System.out.println((maxNorm > 0 ? "clipped" : "unclipped") + " run: " + e.getMessage());
        }
        return trainer.history();
    }
    // end::run[]

    public static void main(String[] args) {
        // tag::compare[]
        int trainSteps = Scale.current().pick(600, 1000);
        double maxNorm = 1.0;
        History plain = train(0, trainSteps);
        History clipped = train(maxNorm, trainSteps);
        System.out.println(String.format("unclipped: %d steps, largest gradient norm %.3g", plain.size(),
                java.util.Arrays.stream(plain.gradNorms()).max().orElse(0)));
        System.out.println(String.format("clipped:   %d steps, largest gradient norm %.3g (before clipping), "
                + "loss at the start %.3f, at the end %.4f", clipped.size(),
                java.util.Arrays.stream(clipped.gradNorms()).max().orElse(0), clipped.losses()[0],
                clipped.meanLoss(clipped.size() - 20, clipped.size())));
        // end::compare[]

        // tag::chart[]
        // Losses and gradient norms span hundreds of powers of ten here, so both charts plot log10 of them.
        int smoothing = 5;   // steps in the moving average of the loss
        XYChart losses = Charts.powersOfTen(Charts.xy("Loss with and without clipping", "step",
                "loss, " + smoothing + "-step average (log scale)"));
        XYChart norms = Charts.powersOfTen(Charts.xy("Gradient norm before clipping", "step",
                "‖gradient‖ (log scale)"));
        for (var run : java.util.List.of(java.util.Map.entry("no clipping", plain),
                java.util.Map.entry("clipped to norm " + maxNorm, clipped))) {
            History h = run.getValue();
            double[] x = java.util.Arrays.stream(h.steps()).asDoubleStream().toArray();
            losses.addSeries(run.getKey(), x, java.util.Arrays.stream(h.smoothedLosses(smoothing)).map(Math::log10)
                    .toArray());
            norms.addSeries(run.getKey(), x, java.util.Arrays.stream(h.gradNorms()).map(Math::log10).toArray());
        }
        // the unclipped loss climbs far past 10^100 before it overflows; the loss axis stops at 100, so the
        // clipped run's fall stays visible and the unclipped line leaves through the top
        losses.getStyler().setYAxisMax(2.0);
        Figures.show(norms, "gradient-clipping-norms");
        Figures.show(losses, "gradient-clipping");
        // end::chart[]
    }
}
