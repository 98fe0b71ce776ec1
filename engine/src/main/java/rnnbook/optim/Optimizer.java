package rnnbook.optim;

import java.util.List;
import rnnbook.nn.Parameter;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {

    /** One update of every parameter from its current gradient. */
    void step();

    /** The parameters this optimiser updates. */
    List<Parameter> parameters();

    /** Sets every gradient to zero, ready for the next backward pass. */
    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    double learningRate();

    void setLearningRate(double lr);
}
