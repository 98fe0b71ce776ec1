package rnnbook.chapters.ch02;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.nn.Activation;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 2, memory decay: how much of each past input is left in h when the recurrent weight is w. */
public final class MemoryDecay {
    private MemoryDecay() {
    }

    // tag::decay[]
    /**
     * The weight of each input x_1..x_T in the final memory h_T of the one-unit linear cell
     * h_t = w h_{t-1} + x_t, measured with the engine: example k of the batch gets a 1 at step k and 0 elsewhere,
     * so its final state is exactly the weight of x_k.
     */
    public static double[] weightsInMemory(double w, int steps) {
        var cell = new RnnCell(1, 1, Activation.IDENTITY, new Random(0));
        cell.weightIh().value().set(0, 0, 1.0);
        cell.weightHh().value().set(0, 0, w);
        cell.biasIh().value().zeroInPlace();
        cell.biasHh().value().zeroInPlace();
        Matrix[] impulses = new Matrix[steps];
        for (int t = 0; t < steps; t++) {
            impulses[t] = Matrix.zeros(steps, 1);
            impulses[t].set(t, 0, 1.0);   // example t sees its 1 at step t
        }
        return new Recurrent(cell).forward(impulses).last().h().data().clone();
    }
    // end::decay[]

    public static void main(String[] args) {
        // tag::three-words[]
        // Three inputs x1, x2, x3 and a recurrent weight w: what does h_3 hold?
        double w = 0.9;
        double[] three = weightsInMemory(w, 3);
        Table memory = Table.create("What h_3 holds when w = " + w,
                StringColumn.create("input", "x1 (two steps old)", "x2 (one step old)", "x3 (just read)"),
                DoubleColumn.create("weight in h_3", three));
        Figures.table(memory, "memory-decay-three");
        // end::three-words[]

        // tag::chart[]
        int horizon = 30;
        double[] age = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            age[k] = horizon - 1 - k;   // how many steps ago x_k was read, seen from h_T
        }
        XYChart chart = Charts.xy("Weight of each past input in the memory h_T", "age of the input (steps ago)",
                "weight in h_T");
        for (double weight : new double[] {0.5, 0.8, 0.9, 0.99}) {
            chart.addSeries("w = " + weight, age, weightsInMemory(weight, horizon));
        }
        Figures.show(chart, "memory-decay");
        // end::chart[]
    }
}
