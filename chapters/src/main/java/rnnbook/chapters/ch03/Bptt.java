package rnnbook.chapters.ch03;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.loss.Mse;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.nn.StepGrad;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 3, backpropagation through time: each step's share of the gradient of W_hh, printed and summed. */
public final class Bptt {
    private Bptt() {
    }

    public static void main(String[] args) {
        // tag::forward[]
        // Four steps through a cell with 1 input and 2 hidden units; the loss compares h_4 with a target.
        var cell = new RnnCell(1, 2, new Random(7));
        var rnn = new Recurrent(cell);
        Matrix[] xs = {Matrix.row(1.0), Matrix.row(-0.5), Matrix.row(0.8), Matrix.row(0.2)};
        Recurrent.Output out = rnn.forward(xs);
        var squaredError = new Mse();
        Mse.Pass endLoss = squaredError.forwardPass(out.last().h(), Matrix.row(0.5, -0.5));
        double lossAtEnd = endLoss.loss();
        Matrix dLast = squaredError.backward(endLoss);   // dL/dh_4
        System.out.println(String.format("loss %.5f, dL/dh%d = %s", lossAtEnd, xs.length, Show.rounded(dLast, 5)));
        // end::forward[]

        // tag::backward[]
        // Walk back from t = 4 to t = 1. At each step the cell adds its share to W_hh's gradient and hands
        // dL/dh_{t-1} to the step before. We record each share by comparing the gradient before and after.
        cell.zeroGrad();
        Table shares = Table.create("Each step's contribution to dL/dW_hh", StringColumn.create("step"),
                Show.formatted(DoubleColumn.create("‖dL/dh_t‖"), "0.00000"), StringColumn.create("contribution to dL/dW_hh"));
        State carried = State.of(dLast);
        for (int t = xs.length - 1; t >= 0; t--) {
            Matrix before = cell.weightHh().grad().copy();
            StepGrad g = cell.backward(out.steps().get(t), carried);
            Matrix share = cell.weightHh().grad().sub(before);
            shares.stringColumn("step").append("t = " + (t + 1));
            shares.doubleColumn("‖dL/dh_t‖").append(carried.h().norm());
            shares.stringColumn("contribution to dL/dW_hh").append(Show.rounded(share, 5));
            carried = g.dPrev();
        }
        Matrix summed = cell.weightHh().grad().copy();
        shares.stringColumn("step").append("sum");
        shares.doubleColumn("‖dL/dh_t‖").appendMissing();
        shares.stringColumn("contribution to dL/dW_hh").append(Show.rounded(summed, 5));
        Figures.table(shares, "bptt-contributions");
        // end::backward[]

        // tag::engine[]
        // The engine's Recurrent.backward does the same walk in one call.
        cell.zeroGrad();
        rnn.backward(out, null, State.of(dLast));
        System.out.println("engine dL/dW_hh = " + Show.rounded(cell.weightHh().grad(), 5));
        System.out.println(String.format("largest difference from the sum of the shares: %.1e",
                cell.weightHh().grad().sub(summed).maxAbs()));
        // end::engine[]
    }
}
