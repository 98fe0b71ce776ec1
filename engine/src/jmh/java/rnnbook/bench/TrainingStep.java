package rnnbook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Dense;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.nn.Stacked;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;

/**
 * The training step every step benchmark times, as the PyTorch scripts do: the recurrent layer over the whole
 * sequence, a Linear layer (hidden → classes) on every step's output, mean cross-entropy against fixed targets,
 * full BPTT, and SGD (lr 0.01) after zeroing the gradients.
 */
final class TrainingStep {

    /** The recurrent part: a {@link Recurrent} or a {@link Stacked}. */
    interface Layer {
        /** The outputs over xs, and the backward over that pass. */
        Pass forward(Matrix[] xs);

        List<Parameter> parameters();
    }

    /** One forward pass of the recurrent part: its outputs and the backward that takes dL/d(outputs). */
    record Pass(Matrix[] outputs, Consumer<Matrix[]> backward) {
    }

    /** Builds the recurrent layer for (input, hidden) from the benchmark's seeded generator. */
    @FunctionalInterface
    interface LayerFactory {
        Layer create(int input, int hidden, Random rng);
    }

    private final Layer rnn;
    private final Dense output;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final Sgd sgd;
    private final Matrix[] xs;
    private final int[] targets;

    /** @param targets row t * batch + b of the stacked outputs is step t, example b */
    TrainingStep(Layer rnn, Dense output, Matrix[] xs, int[] targets) {
        this.rnn = rnn;
        this.output = output;
        List<Parameter> params = new ArrayList<>(rnn.parameters());
        params.addAll(output.parameters());
        this.sgd = new Sgd(params, 0.01);
        this.xs = xs;
        this.targets = targets;
    }

    /**
     * {@code shape} = batch x seq x input x hidden: the layer, a Linear hidden → input, inputs uniform(-1, 1) and
     * targets in [0, input), drawn in that order from one generator seeded 42.
     */
    static TrainingStep random(String shape, LayerFactory factory) {
        String[] parts = shape.split("x");
        if (parts.length != 4) {
            throw new IllegalArgumentException("shape must be batch x seq x input x hidden, got " + shape);
        }
        int batch = Integer.parseInt(parts[0]);
        int seq = Integer.parseInt(parts[1]);
        int input = Integer.parseInt(parts[2]);
        int hidden = Integer.parseInt(parts[3]);
        Random rng = new Random(42);
        Layer rnn = factory.create(input, hidden, rng);
        Dense output = new Dense(hidden, input, rng);
        Matrix[] xs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, input, 1.0, rng);
        }
        int[] targets = new int[seq * batch];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = rng.nextInt(input);
        }
        return new TrainingStep(rnn, output, xs, targets);
    }

    static Layer of(Recurrent r) {
        return new Layer() {
            public Pass forward(Matrix[] xs) {
                Recurrent.Output out = r.forward(xs);
                return new Pass(out.outputs(), dOutputs -> r.backward(out, dOutputs, null));
            }

            public List<Parameter> parameters() {
                return r.parameters();
            }
        };
    }

    static Layer of(Stacked s) {
        return new Layer() {
            public Pass forward(Matrix[] xs) {
                Stacked.Output out = s.forward(xs);
                return new Pass(out.outputs(), dOutputs -> s.backward(out, dOutputs, null));
            }

            public List<Parameter> parameters() {
                return s.parameters();
            }
        };
    }

    /** One step; returns the loss so that JMH keeps the work. */
    double run() {
        sgd.zeroGrad();
        Pass pass = rnn.forward(xs);
        Matrix hs = Sequences.stack(pass.outputs());
        SoftmaxCrossEntropy.Pass lossPass = loss.forwardPass(output.forward(hs), targets);
        Matrix dHidden = output.backward(hs, loss.backward(lossPass));
        pass.backward().accept(Sequences.split(dHidden, xs.length));
        sgd.step();
        return lossPass.loss();
    }
}
