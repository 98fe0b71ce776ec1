package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of stack-shapes: shapes and counts of several stacks, recorded. */
@Timeout(5)
class StackShapesGraded {

    @Test
    @DisplayName("weight_ih of every layer of a three-layer bidirectional GRU(10, 7)")
    @Points(2)
    @Hint("from layer 1 on, the input is the output of the layer below: D * hidden")
    void a_weightsBidirectional() {
        for (int layer = 0; layer < 3; layer++) {
            Record.value("weight_ih_l" + layer, StackShapes.weightIh(3, 10, 7, layer, true));
        }
    }

    @Test
    @DisplayName("weight_ih of a two-layer one-way LSTM(5, 6)")
    @Points(1)
    @Hint("one direction: layer 1 reads hidden numbers")
    void b_weightsOneWay() {
        for (int layer = 0; layer < 2; layer++) {
            Record.value("weight_ih_l" + layer, StackShapes.weightIh(4, 5, 6, layer, false));
        }
    }

    @Test
    @DisplayName("parameters of deep bidirectional stacks")
    @Points(3)
    @Hint("each layer: gates * hidden * (in + hidden) + 2 * gates * hidden, times the number of directions")
    void c_countBidirectional() {
        Record.value("GRU(8, 16, 3 layers, bidirectional)", StackShapes.parameterCount(3, 8, 16, 3, true, true));
        Record.value("LSTM(40, 32, 2 layers, bidirectional)", StackShapes.parameterCount(4, 40, 32, 2, true, true));
        Record.value("RNN(5, 9, 4 layers, bidirectional)", StackShapes.parameterCount(1, 5, 9, 4, true, true));
    }

    @Test
    @DisplayName("parameters of one-way and bias-free stacks")
    @Points(2)
    @Hint("bias=False removes both bias vectors of every layer and direction")
    void d_countOthers() {
        Record.value("LSTM(10, 20, 2 layers)", StackShapes.parameterCount(4, 10, 20, 2, true, false));
        Record.value("GRU(6, 4, 2 layers, no bias, bidirectional)", StackShapes.parameterCount(3, 6, 4, 2, false, true));
    }

    @Test
    @DisplayName("output and h_n shapes")
    @Points(2)
    @Hint("output has D * hidden features; h_n has num_layers * D states")
    void e_outputShapes() {
        Record.value("output, bidirectional", StackShapes.output(12, 5, 7, true));
        Record.value("output, one way", StackShapes.output(12, 5, 7, false));
        Record.value("h_n, 3 layers, bidirectional", StackShapes.hN(3, 5, 7, true));
        Record.value("h_n, 3 layers, one way", StackShapes.hN(3, 5, 7, false));
    }
}
