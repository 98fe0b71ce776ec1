package rnnbook.chapters.ch02;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.nn.Step;
import rnnbook.tensor.Matrix;

/** Chapter 2, unrolling: the loop written out over a three-step input, every term printed. */
public final class Unrolling {
    private Unrolling() {
    }

    public static void main(String[] args) {
        // tag::setup[]
        var cell = new RnnCell(1, 2, new Random(5));   // one input feature, two hidden units
        Matrix[] xs = {Matrix.row(1.0), Matrix.row(0.5), Matrix.row(-1.0)};
        Matrix wih = cell.weightIh().value();
        Matrix whh = cell.weightHh().value();
        Matrix b = cell.biasIh().value().add(cell.biasHh().value());
        System.out.println("W_ih = " + Show.rounded(wih, 3) + "\nW_hh = " + Show.rounded(whh, 3) + "\nb = " + Show.rounded(b, 3));
        // end::setup[]

        // tag::unrolled[]
        // The loop, written out: the same W_ih, W_hh and b at every step; only x_t and h_{t-1} change.
        State h = cell.zeroState(1);
        for (int t = 0; t < xs.length; t++) {
            Matrix fromInput = xs[t].matmulT(wih);
            Matrix fromMemory = h.h().matmulT(whh);
            Step step = cell.forward(xs[t], h);
            System.out.printf("h%d = tanh(W_ih·x%d + W_hh·h%d + b) = tanh(%s + %s + %s) = %s%n", t + 1, t + 1, t,
                    Show.rounded(fromInput, 3), Show.rounded(fromMemory, 3), Show.rounded(b, 3),
                    Show.rounded(step.state().h(), 3));
            h = step.state();
        }
        // end::unrolled[]

        // tag::recurrent[]
        // Recurrent runs exactly this loop; its last output is the h3 printed above.
        Recurrent.Output out = new Recurrent(cell).forward(xs);
        System.out.println("Recurrent: " + out.outputs().length + " outputs, h3 = " + Show.rounded(out.last().h(), 3));
        System.out.println("same as the loop: " + out.last().h().equals(h.h()));
        // end::recurrent[]
    }
}
