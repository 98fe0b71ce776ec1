package rnnbook.chapters.ch10;

import java.util.Random;
import rnnbook.loss.Mse;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.GruCell;
import rnnbook.nn.Recurrent;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Trainer;

/**
 * A many-to-one forecaster: a GRU reads the last {@code width} values and a dense head predicts the next one. The
 * window is measured from its own last value and in units of s, the spread of one-step changes in training:
 * x_i = (y_{t-width+i} - y_{t-1}) / s, target (y_t - y_{t-1}) / s. So a trend or a level the model never saw in
 * training (CO2 keeps rising) looks like the windows it learned from. Parts {@code rnn}, {@code head}.
 */
// tag::forecaster[]
public final class Forecaster extends Composite {
    private final Recurrent rnn;
    private final Dense head;
    private final int width;
    private double s = 1;

    public Forecaster(int width, int hidden, long seed) {
        Random rng = new Random(seed);
        this.width = width;
        rnn = register("rnn", new Recurrent(new GruCell(1, hidden, rng)));
        head = register("head", new Dense(hidden, 1, rng));
    }

    /** The windows ending just before each t in {@code ts}, as (width, batch, 1) inputs. */
    private Matrix[] windows(double[] y, int[] ts) {
        Matrix[] xs = new Matrix[width];
        for (int i = 0; i < width; i++) {
            xs[i] = Matrix.zeros(ts.length, 1);
            for (int b = 0; b < ts.length; b++) {
                xs[i].set(b, 0, (y[ts[b] - width + i] - y[ts[b] - 1]) / s);
            }
        }
        return xs;
    }

    /** Trains on windows of train (batches of 64 drawn at random): Adam, {@code steps} steps. */
    public History fit(double[] train, int steps, long seed) {
        if (train.length <= width + 1) {
            throw new IllegalArgumentException("Forecaster.fit: " + train.length + " training values, need more"
                    + " than the window of " + width + " plus one");
        }
        double sum = 0, squares = 0;
        for (int t = 1; t < train.length; t++) {
            sum += train[t] - train[t - 1];
            squares += (train[t] - train[t - 1]) * (train[t] - train[t - 1]);
        }
        int n = train.length - 1;
        s = Math.sqrt(squares / n - (sum / n) * (sum / n));
        Random rng = new Random(seed);
        Trainer trainer = new Trainer(this, new Adam(parameters(), 0.01)).clipGradNorm(1.0).quiet();
        return trainer.fit(steps, step -> {
            int[] ts = rng.ints(64, width, train.length).toArray();
            Matrix target = Matrix.zeros(ts.length, 1);
            for (int b = 0; b < ts.length; b++) {
                target.set(b, 0, (train[ts[b]] - train[ts[b] - 1]) / s);
            }
            Mse mse = new Mse();
            Recurrent.Output read = rnn.forward(windows(train, ts));
            double loss = mse.forward(head.forward(read.last().h()), target);
            rnn.backward(read, null, State.of(head.backward(read.last().h(), mse.backward())));
            return loss;
        });
    }

    /** One-step forecasts of y_from ... y_{n-1}, each from the true values before it. */
    public double[] forecast(double[] y, int from) {
        if (from < width || from >= y.length) {
            throw new IllegalArgumentException("Forecaster.forecast: need width " + width + " <= from < n = "
                    + y.length + ", got from = " + from);
        }
        int[] ts = new int[y.length - from];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = from + i;
        }
        Matrix change = head.forward(rnn.forward(windows(y, ts)).last().h());
        double[] out = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            out[i] = y[ts[i] - 1] + s * change.get(i, 0);
        }
        return out;
    }
}
// end::forecaster[]
