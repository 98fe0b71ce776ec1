package rnnbook.nn;

import rnnbook.tensor.Matrix;

/** The result of one cell backward step: dL/dx_t (batch, input) and dL/d(previous state). */
public record StepGrad(Matrix dx, State dPrev) {
}
