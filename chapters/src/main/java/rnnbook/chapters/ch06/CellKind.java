package rnnbook.chapters.ch06;

import java.util.Random;
import rnnbook.nn.Cell;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.RnnCell;

/**
 * The three cells chapter 6 compares, with the number of weight blocks each stacks: the vanilla tanh cell has one
 * (W_ih is (hidden, input)), the GRU three (r, z, n: (3 * hidden, input)), the LSTM four (i, f, g, o).
 */
public enum CellKind {
    RNN(1), GRU(3), LSTM(4);

    private final int gates;

    CellKind(int gates) {
        this.gates = gates;
    }

    /** How many (hidden, ·) blocks are stacked in each of the cell's weights and biases. */
    public int gates() {
        return gates;
    }

    /** A fresh cell of this kind, PyTorch's initialisation, drawn from {@code rng}. */
    public Cell create(int inputSize, int hiddenSize, Random rng) {
        return switch (this) {
            case RNN -> new RnnCell(inputSize, hiddenSize, rng);
            case GRU -> new GruCell(inputSize, hiddenSize, rng);
            case LSTM -> new LstmCell(inputSize, hiddenSize, rng);
        };
    }
}
