package rnnbook.chapters.ch06;

import static rnnbook.tensor.Pointwise.sigmoid;
import static rnnbook.tensor.Pointwise.tanh;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.nn.GruCell;
import rnnbook.nn.State;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/**
 * Chapter 6, the GRU cell: one step through the engine's {@code GruCell}, its gates read out, and the same step
 * recomputed with the reset gate where Cho et al. (2014) put it, to show that the two placements differ.
 */
public final class GruStep {
    private GruStep() {
    }

    public static void main(String[] args) {
        // tag::step[]
        int inputs = 3;
        int hidden = 2;
        var gru = new GruCell(inputs, hidden, new Random(6));
        Matrix x = Matrix.row(1.0, -0.5, 0.25);   // x_t, (batch 1, input 3)
        Matrix hPrev = Matrix.row(0.8, -0.6);      // h_{t-1}, (batch 1, hidden 2)
        var step = gru.forward(x, State.of(hPrev));
        System.out.println("weight_ih " + gru.weightIh().value().shape() + ", weight_hh "
                + gru.weightHh().value().shape() + ": blocks r, z, n of " + hidden + " rows each");
        System.out.println("reset     r = " + Show.rounded(step.reset(), 4));
        System.out.println("update    z = " + Show.rounded(step.update(), 4));
        System.out.println("candidate n = " + Show.rounded(step.candidate(), 4));
        System.out.println("new state h = " + Show.rounded(step.state().h(), 4));
        // end::step[]

        // tag::by-hand[]
        // The transposed weights are (features, 3 * hidden): block k of their columns is gate k (r, z, n).
        Matrix wIh = gru.weightIh().value().transpose();
        Matrix wHh = gru.weightHh().value().transpose();
        Matrix bIh = gru.biasIh().value();
        Matrix bHh = gru.biasHh().value();
        Matrix r = sigmoid(x.matmul(Blocks.block(wIh, 0, hidden)).add(Blocks.block(bIh, 0, hidden))
                .add(hPrev.matmul(Blocks.block(wHh, 0, hidden))).add(Blocks.block(bHh, 0, hidden)));
        Matrix z = sigmoid(x.matmul(Blocks.block(wIh, 1, hidden)).add(Blocks.block(bIh, 1, hidden))
                .add(hPrev.matmul(Blocks.block(wHh, 1, hidden))).add(Blocks.block(bHh, 1, hidden)));
        Matrix fromInput = x.matmul(Blocks.block(wIh, 2, hidden)).add(Blocks.block(bIh, 2, hidden));
        // PyTorch: the reset gate scales the whole recurrent term, bias included.
        Matrix nTorch = tanh(fromInput.add(r.mul(hPrev.matmul(Blocks.block(wHh, 2, hidden))
                .add(Blocks.block(bHh, 2, hidden)))));
        // Cho et al.: the reset gate scales the old state before it meets W_hn.
        Matrix nCho = tanh(fromInput.add(r.mul(hPrev).matmul(Blocks.block(wHh, 2, hidden)))
                .add(Blocks.block(bHh, 2, hidden)));
        Matrix hTorch = nTorch.add(z.mul(hPrev.sub(nTorch)));   // (1 - z) ⊙ n + z ⊙ h_{t-1}
        Matrix hCho = nCho.add(z.mul(hPrev.sub(nCho)));
        System.out.println("PyTorch's placement: h = " + Show.rounded(hTorch, 4) + ", largest difference from the"
                + " engine " + String.format("%.1e", hTorch.sub(step.state().h()).maxAbs()));
        System.out.println("Cho et al.'s placement: h = " + Show.rounded(hCho, 4) + ", differs by "
                + String.format("%.4f", hCho.sub(hTorch).maxAbs()));
        // end::by-hand[]
    }
}
