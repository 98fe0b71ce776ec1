package rnnbook.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnbook.nn.Parameter;
import rnnbook.tensor.Matrix;

/** Optimiser updates worked out on paper. */
class OptimizerHandTest {

    private static Parameter parameter(double... values) {
        return new Parameter("theta", Matrix.row(values));
    }

    /** θ = (1, -2), g = (0.5, 0.25), lr 0.1: θ - lr g = (0.95, -2.025). */
    @Test
    void sgdStep() {
        Parameter p = parameter(1, -2);
        p.grad().copyFrom(Matrix.row(0.5, 0.25));
        new Sgd(List.of(p), 0.1).step();
        assertEquals(0.95, p.value().get(0, 0), 1e-15);
        assertEquals(-2.025, p.value().get(0, 1), 1e-15);
    }

    /**
     * μ = 0.9, lr 0.1, θ = 1. Step 1, g = 1: v = g = 1, θ = 1 - 0.1 = 0.9.
     * Step 2, g = 0.5: v = 0.9 · 1 + 0.5 = 1.4, θ = 0.9 - 0.14 = 0.76.
     */
    @Test
    void sgdMomentumTwoSteps() {
        Parameter p = parameter(1);
        Sgd sgd = new Sgd(List.of(p), 0.1, 0.9);
        p.grad().set(0, 0, 1.0);
        sgd.step();
        assertEquals(0.9, p.value().get(0, 0), 1e-15);
        p.grad().set(0, 0, 0.5);
        sgd.step();
        assertEquals(0.76, p.value().get(0, 0), 1e-15);
    }

    /**
     * Adam's first step: m = 0.1 g and v = 0.001 g², so the bias-corrected m̂ = g and v̂ = g², and the update is
     * lr · g / (|g| + ε): about lr · sign(g), whatever the size of g. With lr 0.01, ε = 1e-8:
     * g = 0.5 moves θ by -0.01 · 0.5 / 0.50000001; g = -4 moves it by +0.01 · 4 / 4.00000001;
     * g = 2e-8 (comparable to ε) moves it by only -0.01 · 2 / 3.
     */
    @Test
    void adamFirstStepIsAboutLrTimesSign() {
        Parameter p = parameter(1, 1, 1);
        p.grad().copyFrom(Matrix.row(0.5, -4, 2e-8));
        new Adam(List.of(p), 0.01).step();
        assertEquals(1 - 0.01 * 0.5 / 0.50000001, p.value().get(0, 0), 1e-15);
        assertEquals(1 + 0.01 * 4 / 4.00000001, p.value().get(0, 1), 1e-15);
        assertEquals(1 - 0.01 * 2.0 / 3.0, p.value().get(0, 2), 1e-12);
    }

    /**
     * Second step after g1 = 0.5, with g2 = 0.25: m = 0.9 · 0.05 + 0.1 · 0.25 = 0.07,
     * v = 0.999 · 0.00025 + 0.001 · 0.0625 = 0.00031225; m̂ = 0.07 / 0.19, v̂ = 0.00031225 / 0.001999.
     */
    @Test
    void adamSecondStep() {
        Parameter p = parameter(0);
        Adam adam = new Adam(List.of(p), 0.01);
        p.grad().set(0, 0, 0.5);
        adam.step();
        double after1 = -0.01 * 0.5 / 0.50000001;
        p.grad().set(0, 0, 0.25);
        adam.step();
        double mHat = 0.07 / 0.19;
        double vHat = 0.00031225 / 0.001999;
        assertEquals(after1 - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8), p.value().get(0, 0), 1e-14);
    }
}
