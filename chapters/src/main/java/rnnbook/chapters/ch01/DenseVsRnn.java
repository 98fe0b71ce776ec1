package rnnbook.chapters.ch01;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Chapter 1, the limits of a feed-forward net: its size grows with the sequence, and it fixes the length. */
public final class DenseVsRnn {
    private DenseVsRnn() {
    }

    public static void main(String[] args) {
        // tag::count[]
        // Sequences of one-hot characters from a 30-symbol alphabet, summarized by 64 hidden units.
        int features = 30;
        int hidden = 64;
        int[] lengths = {10, 50, 100, 200, 300, 400, 500};
        long[] denseParams = new long[lengths.length];
        long[] rnnParams = new long[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            // a dense layer must see the whole sequence at once: length * features inputs
            denseParams[i] = new Dense(lengths[i] * features, hidden, new Random(0)).parameterCount();
            // a recurrent cell sees one step at a time, whatever the length
            rnnParams[i] = new RnnCell(features, hidden, new Random(0)).parameterCount();
        }
        Table counts = Table.create("Parameters to read a sequence into " + hidden + " hidden units",
                IntColumn.create("length", lengths), LongColumn.create("dense", denseParams),
                LongColumn.create("recurrent cell", rnnParams));
        Figures.table(counts, "ffn-limits-counts");
        // end::count[]

        // tag::chart[]
        double[] x = new double[lengths.length];
        double[] yDense = new double[lengths.length];
        double[] yRnn = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            x[i] = lengths[i];
            yDense[i] = denseParams[i];
            yRnn[i] = rnnParams[i];
        }
        XYChart growth = Charts.xy("Parameter count as the sequence grows", "sequence length", "parameters");
        growth.addSeries("dense layer over the whole sequence", x, yDense);
        growth.addSeries("recurrent cell", x, yRnn);
        Figures.show(growth, "ffn-limits-params");
        // end::chart[]

        // tag::fixed-length[]
        // A dense layer built for sequences of 10 steps cannot read one of 11.
        Dense forTen = new Dense(10 * features, hidden, new Random(0));
        try {
            forTen.forward(Matrix.zeros(1, 11 * features));
        } catch (IllegalArgumentException e) {
            System.out.println("dense layer: " + e.getMessage());
        }
        // end::fixed-length[]
    }
}
