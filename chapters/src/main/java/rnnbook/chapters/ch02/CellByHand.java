package rnnbook.chapters.ch02;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/** Chapter 2, the cell: one step computed with pencil-and-paper arithmetic and by the engine. */
public final class CellByHand {
    private CellByHand() {
    }

    public static void main(String[] args) {
        // tag::weights[]
        // A cell with 2 inputs and 2 hidden units, weights chosen by hand (normally they start random).
        var cell = new RnnCell(2, 2, new Random(0));
        cell.weightIh().value().copyFrom(Matrix.of(new double[] {0.5, -0.3}, new double[] {0.8, 0.2}));
        cell.weightHh().value().copyFrom(Matrix.of(new double[] {0.1, 0.4}, new double[] {-0.6, 0.3}));
        cell.biasIh().value().copyFrom(Matrix.row(0.1, -0.1));
        cell.biasHh().value().copyFrom(Matrix.row(0.0, 0.05));
        Matrix x = Matrix.row(1.0, 2.0);        // the input at this step
        Matrix hPrev = Matrix.row(0.5, -0.5);   // the memory from the step before
        // end::weights[]

        // tag::by-hand[]
        double[][] wxh = {{0.5, -0.3}, {0.8, 0.2}};
        double[][] whh = {{0.1, 0.4}, {-0.6, 0.3}};
        double[] b = {0.1 + 0.0, -0.1 + 0.05};
        double[] byHand = new double[2];
        for (int i = 0; i < 2; i++) {
            double fromInput = wxh[i][0] * 1.0 + wxh[i][1] * 2.0;
            double fromMemory = whh[i][0] * 0.5 + whh[i][1] * -0.5;
            double a = fromInput + fromMemory + b[i];
            byHand[i] = Math.tanh(a);
            System.out.printf("unit %d: input %.2f + memory %.2f + bias %.2f = %.2f, tanh -> %.6f%n",
                    i, fromInput, fromMemory, b[i], a, byHand[i]);
        }
        // end::by-hand[]

        // tag::engine[]
        Matrix h = cell.forward(x, State.of(hPrev)).state().h();
        System.out.println("engine: h = " + Show.rounded(h, 6));
        System.out.println(String.format("largest difference: %.1e",
                Math.max(Math.abs(h.get(0, 0) - byHand[0]), Math.abs(h.get(0, 1) - byHand[1]))));
        // end::engine[]
    }
}
