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
 * A many-to-one forecaster that corrects the seasonal naive forecast. To forecast y_t a GRU reads the last
 * {@code width} steps, t-width ... t-1; step i gets 1 + k inputs: the value x_i = (log y_{t-width+i} - log y_{t-m}) / s
 * and the k calendar inputs of the step after it, c_{t-width+i+1} (so the last step carries the calendar of t, the
 * step to forecast). A dense head maps the last hidden state to g, and the forecast is ŷ_t = y_{t-m} exp(s g): the
 * seasonal naive value times a learned ratio. s is the spread of log y_t - log y_{t-m} in training. Logarithms make a
 * change a ratio, so a weekend 20% below the weekdays looks the same in a year of 9,000 births a day as in a year of
 * 11,000. Shapes: input (width, batch, 1 + k), hidden (batch, hidden), output (batch, 1). Parts {@code rnn},
 * {@code head}.
 */
// tag::forecaster[]
public final class Forecaster extends Composite {
    private final Recurrent rnn;
    private final Dense head;
    private final int width;
    private final int m;
    private final int k;
    private double s = 1;

    /** A GRU of {@code hidden} units reading {@code width} steps of 1 + k inputs; m is the season. */
    public Forecaster(int width, int m, int k, int hidden, long seed) {
        if (width < m || m < 1 || k < 0) {
            throw new IllegalArgumentException("Forecaster: need 1 <= m <= width and k >= 0, got width = " + width
                    + ", m = " + m + ", k = " + k);
        }
        Random rng = new Random(seed);
        this.width = width;
        this.m = m;
        this.k = k;
        rnn = register("rnn", new Recurrent(new GruCell(1 + k, hidden, rng)));
        head = register("head", new Dense(hidden, 1, rng));
    }

    /** How many steps it reads. */
    public int width() {
        return width;
    }

    /** The windows that forecast each t in {@code ts}, as (width, batch, 1 + k) inputs; ly = log y. */
    private Matrix[] windows(double[] ly, double[][] calendar, int[] ts) {
        Matrix[] xs = new Matrix[width];
        for (int i = 0; i < width; i++) {
            xs[i] = Matrix.zeros(ts.length, 1 + k);
            for (int b = 0; b < ts.length; b++) {
                int step = ts[b] - width + i;
                xs[i].set(b, 0, (ly[step] - ly[ts[b] - m]) / s);
                for (int j = 0; j < k; j++) {
                    xs[i].set(b, 1 + j, calendar[step + 1][j]);   // the calendar of the step after it
                }
            }
        }
        return xs;
    }

    /** Trains on windows of train (batches of 64 drawn at random): Adam, {@code steps} steps. */
    public History fit(double[] train, double[][] calendar, int steps, long seed) {
        double[] ly = logs(train, calendar, "fit");
        if (train.length <= width + 1) {
            throw new IllegalArgumentException("Forecaster.fit: " + train.length + " training values, need more"
                    + " than the window of " + width + " plus one");
        }
        double sum = 0, squares = 0;
        for (int t = m; t < train.length; t++) {
            sum += ly[t] - ly[t - m];
            squares += (ly[t] - ly[t - m]) * (ly[t] - ly[t - m]);
        }
        int n = train.length - m;
        s = Math.sqrt(squares / n - (sum / n) * (sum / n));
        Random rng = new Random(seed);
        Adam adam = new Adam(parameters(), 0.01);
        Trainer trainer = new Trainer(this, adam).clipGradNorm(1.0).quiet();
        return trainer.fit(steps, step -> {
            // the learning rate falls from 0.01 to 0 on half a cosine: big steps first, fine ones at the end
            adam.setLearningRate(0.005 * (1 + Math.cos(Math.PI * (step.step() - 1) / steps)));
            int[] ts = rng.ints(64, width, train.length).toArray();
            Matrix target = Matrix.zeros(ts.length, 1);
            for (int b = 0; b < ts.length; b++) {
                target.set(b, 0, (ly[ts[b]] - ly[ts[b] - m]) / s);
            }
            Mse mse = new Mse();
            Recurrent.Output read = rnn.forward(windows(ly, calendar, ts));
            Mse.Pass loss = mse.forwardPass(head.forward(read.last().h()), target);
            rnn.backward(read, null, State.of(head.backward(read.last().h(), mse.backward(loss))));
            return loss.loss();
        });
    }

    /** One-step forecasts of y_from ... y_{n-1}, each from the true values before it. */
    public double[] forecast(double[] y, double[][] calendar, int from) {
        double[] ly = logs(y, calendar, "forecast");
        if (from < width || from >= y.length) {
            throw new IllegalArgumentException("Forecaster.forecast: need width " + width + " <= from < n = "
                    + y.length + ", got from = " + from);
        }
        int[] ts = new int[y.length - from];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = from + i;
        }
        Matrix g = head.forward(rnn.forward(windows(ly, calendar, ts)).last().h());
        double[] out = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            out[i] = y[ts[i] - m] * Math.exp(s * g.get(i, 0));
        }
        return out;
    }

    /** log y, after checking that y is positive and the calendar has a row of k inputs for every step. */
    private double[] logs(double[] y, double[][] calendar, String what) {
        if (calendar.length < y.length || (calendar.length > 0 && calendar[0].length != k)) {
            throw new IllegalArgumentException("Forecaster." + what + ": need a calendar row of " + k
                    + " inputs for each of the " + y.length + " steps, got " + calendar.length + " rows of "
                    + (calendar.length > 0 ? calendar[0].length : 0));
        }
        double[] ly = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            if (!(y[t] > 0)) {
                throw new IllegalArgumentException("Forecaster." + what + ": the series must be positive (it is"
                        + " read as logarithms), got y_" + t + " = " + y[t]);
            }
            ly[t] = Math.log(y[t]);
        }
        return ly;
    }
}
// end::forecaster[]
