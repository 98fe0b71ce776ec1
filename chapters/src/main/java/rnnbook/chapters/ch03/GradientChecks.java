package rnnbook.chapters.ch03;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import rnnbook.models.ManyToOne;
import rnnbook.chapters.common.Show;
import rnnbook.check.GradientCheck;
import rnnbook.loss.Mse;
import rnnbook.loss.Reduction;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Activation;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.TruncatedBptt;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 3, gradient checking: every layer's analytic gradient against central differences. */
public final class GradientChecks {
    private GradientChecks() {
    }

    public static void main(String[] args) {
        // tag::table[]
        var rng = new Random(51);
        double eps = 1e-6;   // the step of the central differences
        Table errors = Table.create("Analytic against numerical gradients (central differences, ε = " + eps + ")",
                StringColumn.create("layer"), StringColumn.create("parameter"),
                IntColumn.create("entries"), Show.formatted(DoubleColumn.create("relative error"), "0.0E0"));
        // end::table[]

        // tag::dense[]
        // A dense layer under a squared error; its input x gets checked too (wrapped as a parameter).
        var dense = new Dense(4, 3, rng);
        Matrix x = Matrix.zeros(5, 4).mapInPlace(v -> rng.nextGaussian());
        Matrix target = Matrix.zeros(5, 3).mapInPlace(v -> rng.nextGaussian());
        var denseLoss = new Mse(Reduction.SUM);
        Matrix dy = denseLoss.backward(denseLoss.forwardPass(dense.forward(x), target));
        Matrix dx = dense.backward(x, dy);   // the x this pass read
        List<Parameter> denseParams = new ArrayList<>(dense.parameters());
        denseParams.add(new Parameter("input x", x, dx));
        for (GradientCheck.Entry e : GradientCheck.check(denseParams,
                () -> new Mse(Reduction.SUM).forward(dense.forward(x), target), eps).entries()) {
            errors.stringColumn("layer").append("Dense");
            errors.stringColumn("parameter").append(e.name());
            errors.intColumn("entries").append(e.checked());
            errors.doubleColumn("relative error").append(e.relativeError());
        }
        // end::dense[]

        // tag::recurrent[]
        // Recurrent cells (tanh and sigmoid) unrolled over 6 steps, read out at the end, under cross-entropy:
        // this checks the whole of backpropagation through time.
        Matrix[] sixSteps = new Matrix[6];
        for (int t = 0; t < sixSteps.length; t++) {
            sixSteps[t] = Matrix.zeros(3, 2).mapInPlace(v -> rng.nextGaussian());
        }
        int[] labels = {0, 2, 1};
        for (Activation f : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            var model = new ManyToOne(new RnnCell(2, 4, f, rng), new Dense(4, 3, rng));
            var ce = new SoftmaxCrossEntropy();
            ManyToOne.Pass pass = model.forward(sixSteps);
            model.backward(pass, ce.backward(ce.forwardPass(pass.logits(), labels)));
            for (GradientCheck.Entry e : GradientCheck.check(model.parameters(),
                    () -> new SoftmaxCrossEntropy().forward(model.logits(sixSteps), labels), eps).entries()) {
                errors.stringColumn("layer").append("Recurrent(RnnCell " + f.name().toLowerCase() + ") + Dense");
                errors.stringColumn("parameter").append(e.name());   // the path in the model, rnn.weight_ih_l0
                errors.intColumn("entries").append(e.checked());
                errors.doubleColumn("relative error").append(e.relativeError());
            }
        }
        // end::recurrent[]

        // tag::embedding[]
        // An embedding lookup (a repeated id collects two gradients) under a squared error.
        var embedding = new Embedding(5, 3, rng);
        int[] ids = {4, 1, 4, 0};
        Matrix embTarget = Matrix.zeros(4, 3).mapInPlace(v -> rng.nextGaussian());
        var embLoss = new Mse(Reduction.SUM);
        Matrix dOut = embLoss.backward(embLoss.forwardPass(embedding.forward(ids), embTarget));
        embedding.backward(ids, dOut);   // the ids this lookup read
        for (GradientCheck.Entry e : GradientCheck.check(embedding.parameters(),
                () -> new Mse(Reduction.SUM).forward(embedding.forward(ids), embTarget), eps).entries()) {
            errors.stringColumn("layer").append("Embedding");
            errors.stringColumn("parameter").append(e.name());
            errors.intColumn("entries").append(e.checked());
            errors.doubleColumn("relative error").append(e.relativeError());
        }
        Figures.table(errors, "gradient-check-errors");
        // end::embedding[]

        // tag::truncated[]
        // The check also tells a true gradient from an approximate one: truncated BPTT with windows of 2 steps
        // against the loss of the whole 8-step sequence.
        var windowed = new Recurrent(new RnnCell(1, 3, rng));
        var head = new Dense(3, 1, rng);
        Matrix[] seq = new Matrix[8];
        Matrix[] ys = new Matrix[8];
        for (int t = 0; t < seq.length; t++) {
            seq[t] = Matrix.zeros(2, 1).mapInPlace(v -> rng.nextGaussian());
            ys[t] = Matrix.zeros(2, 1).mapInPlace(v -> rng.nextGaussian());
        }
        new TruncatedBptt(windowed, 2).run(seq, null, (start, outputs, dOutputs) -> {
            var m = new Mse(Reduction.SUM);
            Matrix hs = Sequences.stack(outputs);
            Mse.Pass lossPass = m.forwardPass(head.forward(hs),
                    Sequences.stack(Arrays.copyOfRange(ys, start, start + outputs.length)));
            System.arraycopy(Sequences.split(head.backward(hs, m.backward(lossPass)), outputs.length), 0, dOutputs, 0,
                    outputs.length);
            return lossPass.loss();
        }, () -> { });   // no update: let the windows' gradients add up
        List<Parameter> all = new ArrayList<>(windowed.parameters());
        all.addAll(head.parameters());
        System.out.print(GradientCheck.check(all, () -> new Mse(Reduction.SUM).forward(
                head.forward(Sequences.stack(windowed.forward(seq).outputs())), Sequences.stack(ys)), eps));
        // end::truncated[]
    }
}
