package rnnbook.chapters.ch03;

import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.data.Labelled;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.data.Tasks;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 3, softmax and cross-entropy: a worked example with numbers, then a loss curve. */
public final class SoftmaxCe {
    private SoftmaxCe() {
    }

    public static void main(String[] args) {
        // tag::worked[]
        // Scores for three classes (say noun, verb, adjective); the true class is 0, noun.
        Matrix scores = Matrix.row(2.0, 1.0, 0.1);
        int trueClass = 0;
        Matrix p = SoftmaxCrossEntropy.softmax(scores);
        var ce = new SoftmaxCrossEntropy();
        SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(scores, new int[] {trueClass});
        double loss = lossPass.loss();
        Matrix dScores = ce.backward(lossPass);
        StringColumn classColumn = StringColumn.create("class");
        for (int c = 0; c < scores.cols(); c++) {
            classColumn.append(c == trueClass ? c + " (true)" : String.valueOf(c));
        }
        Table worked = Table.create("Softmax and cross-entropy for scores " + Show.rounded(scores, 1)
                + ", true class " + trueClass, classColumn,
                Show.formatted(DoubleColumn.create("score z", scores.data()), "0.00"),
                Show.formatted(DoubleColumn.create("exp(z)", scores.map(Math::exp).data()), "0.000"),
                Show.formatted(DoubleColumn.create("p = exp(z) / sum", p.data()), "0.000"),
                Show.formatted(DoubleColumn.create("dL/dz = p - onehot", dScores.data()), "0.000"));
        System.out.printf("sum of exp %.3f, sum of p %.3f, loss -ln p_%d = %.4f%n",
                scores.map(Math::exp).sum(), p.sum(), trueClass, loss);
        Figures.table(worked, "softmax-ce-worked");
        // end::worked[]

        // tag::curve[]
        // The loss while a many-to-one classifier learns the rising-or-falling task of chapter 1.
        int classes = 2;   // rising or falling
        Labelled data = Tasks.risingOrFalling(Scale.current().pick(1024, 4096), 20, new Random(1));
        var model = new ManyToOne(new RnnCell(1, 16, new Random(3)), new Dense(16, classes, new Random(4)));
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.003)).quiet();
        var loss32 = new SoftmaxCrossEntropy();
        var batchRng = new Random(5);
        History history = trainer.fit(Scale.current().pick(300, 1000), step -> {
            int from = 32 * batchRng.nextInt(data.size() / 32);
            Labelled batch = data.slice(from, from + 32);
            ManyToOne.Pass pass = model.forward(batch.xs());   // the pass that backward goes through
            SoftmaxCrossEntropy.Pass batchLoss = loss32.forwardPass(pass.logits(), batch.labels());
            model.backward(pass, loss32.backward(batchLoss));
            return batchLoss.loss();
        });
        System.out.printf("loss at the start %.3f (ln %d = %.3f), at the end %.3f%n", history.losses()[0],
                classes, Math.log(classes), history.meanLoss(history.size() - 20, history.size()));
        XYChart curve = Charts.loss(history, "Cross-entropy while learning rising vs falling");
        Charts.referenceLine(curve, "ln 2: the loss of guessing", Math.log(2));
        Figures.show(curve, "softmax-ce-loss");
        // end::curve[]
    }
}
