package rnnbook.chapters.ch02;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;

/** Chapter 2, the forward pass: outputs at every step (many to many) or only at the last (many to one). */
public final class ForwardPass {
    private ForwardPass() {
    }

    public static void main(String[] args) {
        // tag::batch[]
        // A batch of 2 sequences, 4 steps each, 3 features per step: shape (seq, batch, features) = (4, 2, 3).
        var rng = new Random(31);
        Matrix[] batchXs = new Matrix[4];
        for (int t = 0; t < batchXs.length; t++) {
            batchXs[t] = Matrix.zeros(2, 3).mapInPlace(v -> rng.nextGaussian());
        }
        var rnn = new Recurrent(new RnnCell(3, 5, rng));   // 5 hidden units
        var readOut = new Dense(5, 2, rng);                  // 2 output scores per step
        Recurrent.Output states = rnn.forward(batchXs);
        System.out.println(states.outputs().length + " hidden states of shape " + states.outputs()[0].shape());
        // end::batch[]

        // tag::many-to-many[]
        // Many to many: y_t = W_hy h_t + b_y at every step (one matrix product for all steps at once).
        Matrix[] ys = Sequences.split(readOut.forward(Sequences.stack(states.outputs())), batchXs.length);
        for (int t = 0; t < ys.length; t++) {
            System.out.println("y" + (t + 1) + " = " + Show.rounded(ys[t], 4));
        }
        // end::many-to-many[]

        // tag::many-to-one[]
        // Many to one: the same network, but only the final hidden state is read states.
        Matrix yLast = readOut.forward(states.last().h());
        System.out.println("y  = " + Show.rounded(yLast, 4));
        System.out.println("equal to the many-to-many y" + ys.length + ": " + yLast.equals(ys[ys.length - 1]));
        // end::many-to-one[]
    }
}
