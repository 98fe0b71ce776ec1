package rnnbook.data;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * Next-value forecasting on sine waves. Each example has its own angular frequency ω, drawn uniformly from
 * [minOmega, maxOmega], and phase φ, uniform in [0, 2π); the clean signal is s_t = sin(ω·t·dt + φ). Inputs are
 * the observed values x_t = s_t + noise·N(0, 1) for t = 0..seq-1; the target at step t is the clean next value
 * s_{t+1}. Shapes: inputs and targets (seq, batch, 1), ready for {@link rnnbook.loss.Mse} on every step.
 */
public final class SineWaves {
    private final int seqLength;
    private final double dt;
    private final double minOmega;
    private final double maxOmega;
    private final double noise;
    private final Random rng;

    /** A batch: inputs and targets (seq, batch, 1), and each example's ω and φ. */
    public record Batch(Matrix[] inputs, Matrix[] targets, double[] omegas, double[] phases) {
    }

    /** dt = 0.25 and ω in [0.5, 1.5] (periods of about 17 to 50 steps), no noise. */
    public SineWaves(int seqLength, long seed) {
        this(seqLength, 0.25, 0.5, 1.5, 0.0, seed);
    }

    public SineWaves(int seqLength, double dt, double minOmega, double maxOmega, double noise, long seed) {
        if (seqLength < 1 || !(dt > 0) || !(minOmega <= maxOmega) || !(noise >= 0)) {
            throw new IllegalArgumentException("SineWaves needs seqLength >= 1, dt > 0, minOmega <= maxOmega and"
                    + " noise >= 0, got " + seqLength + ", " + dt + ", " + minOmega + ", " + maxOmega + ", " + noise);
        }
        this.seqLength = seqLength;
        this.dt = dt;
        this.minOmega = minOmega;
        this.maxOmega = maxOmega;
        this.noise = noise;
        this.rng = new Random(seed);
    }

    public Batch batch(int size) {
        Matrix[] inputs = new Matrix[seqLength];
        Matrix[] targets = new Matrix[seqLength];
        for (int t = 0; t < seqLength; t++) {
            inputs[t] = Matrix.zeros(size, 1);
            targets[t] = Matrix.zeros(size, 1);
        }
        double[] omegas = new double[size];
        double[] phases = new double[size];
        for (int b = 0; b < size; b++) {
            omegas[b] = minOmega + (maxOmega - minOmega) * rng.nextDouble();
            phases[b] = 2 * Math.PI * rng.nextDouble();
            for (int t = 0; t < seqLength; t++) {
                double s = Math.sin(omegas[b] * t * dt + phases[b]);
                inputs[t].set(b, 0, s + noise * rng.nextGaussian());
                targets[t].set(b, 0, Math.sin(omegas[b] * (t + 1) * dt + phases[b]));
            }
        }
        return new Batch(inputs, targets, omegas, phases);
    }
}
