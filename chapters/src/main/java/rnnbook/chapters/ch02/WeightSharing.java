package rnnbook.chapters.ch02;

import java.util.Random;
import rnnbook.models.ManyToMany;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Chapter 2, weight sharing: trained on sequences of 10 steps, tested on sequences up to 1000 steps long. */
public final class WeightSharing {
    private WeightSharing() {
    }

    public static void main(String[] args) {
        // tag::train-short[]
        // The delay task: at every step, output the input of the step before. Training sequences are short.
        int trainLength = 10;
        var model = new ManyToMany(new RnnCell(1, 16, new Random(21)), new Dense(16, 1, new Random(22)));
        var adam = new Adam(model.parameters(), 0.01);
        var dataRng = new Random(23);
        int updates = Scale.current().pick(400, 1500);
        for (int i = 1; i <= updates; i++) {
            Matrix[][] batch = Tasks.delay(32, trainLength, dataRng);
            double loss = model.trainStep(batch[0], batch[1], adam);
            if (i % 100 == 0) {
                System.out.printf("update %4d  mse %.5f%n", i, loss);
            }
        }
        // end::train-short[]

        // tag::test-long[]
        // The same weights applied to sequences it never saw: 10, 50, 200 and 1000 steps.
        int[] lengths = {10, 50, 200, 1000};
        Table table = Table.create("Trained on " + trainLength + " steps, tested on longer sequences", IntColumn.create("test length"),
                Show.formatted(DoubleColumn.create("mean squared error per step"), "0.00E0"), LongColumn.create("parameters used"));
        var testRng = new Random(24);
        for (int length : lengths) {
            Matrix[][] test = Tasks.delay(64, length, testRng);
            table.intColumn("test length").append(length);
            table.doubleColumn("mean squared error per step").append(model.loss(test[0], test[1]));
            table.longColumn("parameters used").append(model.parameterCount());
        }
        Figures.table(table, "weight-sharing-lengths");
        // end::test-long[]
    }
}
