package rnnbook.chapters.ch08;

import java.util.Random;
import rnnbook.chapters.common.Show;
import rnnbook.nn.Init;
import rnnbook.nn.Stacked;
import rnnbook.tensor.Blocks;
import rnnbook.tensor.Matrix;

/** Chapter 8: where PyTorch (and the engine) put the two directions in the output and in h_n. */
public final class TwoDirections {
    private TwoDirections() {
    }

    public static void main(String[] args) {
        // tag::shapes[]
        int inputSize = 3, hiddenSize = 2, numLayers = 2, seqLen = 4, batchSize = 1;
        var rng = new Random(8);
        // PyTorch: nn.LSTM(input_size, hidden_size, num_layers, bidirectional=True)
        Stacked lstm = Stacked.lstm(inputSize, hiddenSize, numLayers, 0.0, true, rng);
        Matrix[] xs = new Matrix[seqLen];
        for (int t = 0; t < seqLen; t++) {
            xs[t] = Init.normal(batchSize, inputSize, 1.0, rng);
        }
        Stacked.Output out = lstm.forward(xs);
        System.out.println("output: " + out.outputs().length + " steps, each " + out.outputs()[0].rows() + " x "
                + out.outputs()[0].cols() + "   (seq, batch, directions * hidden)");
        System.out.println("h_n:    " + out.hN().length + " states, each " + out.hN()[0].rows() + " x "
                + out.hN()[0].cols() + "   (layers * directions, batch, hidden)");
        lstm.namedParameters().forEach((name, p) -> System.out.println("  " + name + "  "
                + p.value().rows() + " x " + p.value().cols()));
        // end::shapes[]

        // tag::layout[]
        Matrix first = out.outputs()[0], last = out.outputs()[seqLen - 1];
        for (int t = 0; t < seqLen; t++) {
            System.out.println("output[" + t + "] = forward " + Show.rounded(Blocks.block(out.outputs()[t], 0, hiddenSize), 4)
                    + " | backward " + Show.rounded(Blocks.block(out.outputs()[t], 1, hiddenSize), 4));
        }
        for (int i = 0; i < out.hN().length; i++) {
            String direction = i % 2 == 0 ? "forward" : "backward";
            System.out.println("h_n[" + i + "] (layer " + i / 2 + " " + direction + ") = "
                    + Show.rounded(out.hN()[i], 4));
        }
        boolean forwardEnds = Blocks.block(last, 0, hiddenSize).equals(out.hN()[2 * numLayers - 2]);
        boolean backwardEnds = Blocks.block(first, 1, hiddenSize).equals(out.hN()[2 * numLayers - 1]);
        System.out.println("forward half of output[" + (seqLen - 1) + "] is h_n[" + (2 * numLayers - 2) + "]: " + forwardEnds);
        System.out.println("backward half of output[" + 0 + "] is h_n[" + (2 * numLayers - 1) + "]: " + backwardEnds);
        // end::layout[]
    }
}
