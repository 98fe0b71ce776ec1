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
        var smallCell = new RnnCell(1, 2, new Random(5));   // one input feature, two hidden units
        Matrix[] sequence = {Matrix.row(1.0), Matrix.row(0.5), Matrix.row(-1.0)};
        Matrix wIh = smallCell.weightIh().value();
        Matrix wHh = smallCell.weightHh().value();
        Matrix bias = smallCell.biasIh().value().add(smallCell.biasHh().value());
        System.out.println("W_ih = " + Show.rounded(wIh, 3) + "\nW_hh = " + Show.rounded(wHh, 3) + "\nb = " + Show.rounded(bias, 3));
        // end::setup[]

        // tag::unrolled[]
        // The loop, written out: the same W_ih, W_hh and b at every step; only x_t and h_{t-1} change.
        State state = smallCell.zeroState(1);
        for (int t = 0; t < sequence.length; t++) {
            Matrix fromInput = sequence[t].matmulT(wIh);
            Matrix fromMemory = state.h().matmulT(wHh);
            Step step = smallCell.forward(sequence[t], state);
            System.out.printf("h%d = tanh(W_ih·x%d + W_hh·h%d + b) = tanh(%s + %s + %s) = %s%n", t + 1, t + 1, t,
                    Show.rounded(fromInput, 3), Show.rounded(fromMemory, 3), Show.rounded(bias, 3),
                    Show.rounded(step.state().h(), 3));
            state = step.state();
        }
        // end::unrolled[]

        // tag::recurrent[]
        // Recurrent runs exactly this loop; its last output is the last h printed above.
        Recurrent.Output unrolled = new Recurrent(smallCell).forward(sequence);
        System.out.println("Recurrent: " + unrolled.outputs().length + " outputs, h" + sequence.length + " = "
                + Show.rounded(unrolled.last().h(), 3));
        System.out.println("same as the loop: " + unrolled.last().h().equals(state.h()));
        // end::recurrent[]
    }
}
