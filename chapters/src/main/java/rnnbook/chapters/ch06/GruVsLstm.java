package rnnbook.chapters.ch06;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.ch06.CellKind;
import rnnbook.chapters.ch06.ParameterCounts;
import rnnbook.chapters.common.Show;
import rnnbook.data.AddingProblem;
import rnnbook.data.LanguageModelBatches;
import rnnbook.data.Texts;
import rnnbook.data.Vocabulary;
import rnnbook.loss.Mse;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.models.ManyToMany;
import rnnbook.models.ManyToOne;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Chapter 6, GRU against LSTM and the vanilla RNN at an equal parameter budget: the adding problem and a
 * character-level model of the engine's English text, several seeds, accuracy and the time of one training step.
 */
public final class GruVsLstm {
    private GruVsLstm() {
    }

    // tag::adding[]
    /**
     * What one training run gives: the final test error (MSE, or nats per character), the milliseconds per
     * training step (timed after the first fifth of the steps, once the JIT has compiled the loop) and the training
     * loss of every step.
     */
    public record Run(double error, double msPerStep, double[] losses) {
    }

    /** Runs {@code steps} steps of {@code trainer} and returns the milliseconds per step of the last four fifths. */
    static double timedFit(Trainer trainer, int steps, Trainer.StepFunction step) {
        int warmUp = steps / 5;
        trainer.fit(warmUp, step);
        long start = System.nanoTime();
        trainer.fit(steps - warmUp, step);
        return (System.nanoTime() - start) / 1e6 / (steps - warmUp);
    }

    /**
     * Trains a cell of {@code kind} with {@code hidden} units and a one-number read-out on the adding problem of
     * {@code length} steps (batches of 32, Adam 0.01, clipping at 1); returns the mean squared error on 1,000 fresh
     * sequences and the time per training step. Predicting the mean, 1, scores 1/6.
     */
    public static Run adding(CellKind kind, int hidden, int length, int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("adding: steps must be at least 1, got " + steps);
        }
        var model = new ManyToOne(kind.create(2, hidden, new Random(seed)), new Dense(hidden, 1, new Random(seed)));
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var data = new AddingProblem(length, seed + 1);
        var mse = new Mse();
        double msPerStep = timedFit(trainer, steps, step -> {
            AddingProblem.Batch batch = data.batch(32);
            ManyToOne.Pass pass = model.forward(batch.inputs());
            Mse.Pass lossPass = mse.forwardPass(pass.logits(), batch.target());
            model.backward(pass, mse.backward(lossPass));
            return lossPass.loss();
        });
        AddingProblem.Batch test = new AddingProblem(length, seed + 2).batch(1000);
        return new Run(mse.forward(model.logits(test.inputs()), test.target()), msPerStep,
                trainer.history().losses());
    }
    // end::adding[]

    // tag::characters[]
    /**
     * Trains a character model (one-hot characters in, a cell of {@code kind}, a read-out to one score per
     * character) on the first 90% of the engine's English text in windows of 32 characters, 16 at a time (Adam
     * 0.01, clipping at 1); returns the cross-entropy on the last 10% in nats per character, and the time per step.
     */
    public static Run characters(CellKind kind, int hidden, int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("characters: steps must be at least 1, got " + steps);
        }
        String text = Texts.english();
        Vocabulary vocab = Vocabulary.of(text);
        int[] ids = vocab.encode(text);
        int split = ids.length * 9 / 10;
        var train = new LanguageModelBatches(java.util.Arrays.copyOfRange(ids, 0, split), 32, 16);
        var test = new LanguageModelBatches(java.util.Arrays.copyOfRange(ids, split, ids.length), 32, 4);
        int v = vocab.size();
        var model = new ManyToMany(kind.create(v, hidden, new Random(seed)), new Dense(hidden, v, new Random(seed)));
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var ce = new SoftmaxCrossEntropy();
        double msPerStep = timedFit(trainer, steps, step -> {
            LanguageModelBatches.Window w = train.window((step.step() - 1) % train.windowCount());
            Matrix[] xs = w.oneHotInputs(v);
            Recurrent.Output read = model.rnn().forward(xs);
            Matrix hs = Sequences.stack(read.outputs());
            SoftmaxCrossEntropy.Pass lossPass = ce.forwardPass(model.head().forward(hs), w.flatTargets());
            Matrix dh = model.head().backward(hs, ce.backward(lossPass));
            model.rnn().backward(read, Sequences.split(dh, xs.length), null);
            return lossPass.loss();
        });
        double nats = 0;
        int characters = 0;
        for (LanguageModelBatches.Window w : test.windows()) {
            Matrix[] xs = w.oneHotInputs(v);
            int[] targets = w.flatTargets();
            nats += ce.forward(model.head().forward(Sequences.stack(model.rnn().forward(xs).outputs())), targets)
                    * targets.length;
            characters += targets.length;
        }
        return new Run(nats / characters, msPerStep, trainer.history().losses());
    }
    // end::characters[]

    public static void main(String[] args) {
        // tag::budget[]
        long cellBudget = 3_000;                             // cell parameters, the same for every kind
        int length = Scale.current().pick(50, 100);          // steps of the adding problem
        int addingSteps = Scale.current().pick(400, 1500);
        int charSteps = 150;                                 // longer training only memorises the small text
        int seeds = Scale.current().pick(2, 3);
        int addingInput = 2;                                 // a value and a marker per step
        int vocabSize = Vocabulary.of(Texts.english()).size();
        Table sizes = Table.create("Hidden sizes for a budget of " + cellBudget + " cell parameters",
                StringColumn.create("cell"), IntColumn.create("adding (input " + addingInput + ")"),
                IntColumn.create("characters (input " + vocabSize + ")"));
        for (CellKind kind : CellKind.values()) {
            sizes.stringColumn("cell").append(kind.name());
            sizes.intColumn("adding (input " + addingInput + ")")
                    .append(ParameterCounts.hiddenForBudget(kind, addingInput, cellBudget));
            sizes.intColumn("characters (input " + vocabSize + ")")
                    .append(ParameterCounts.hiddenForBudget(kind, vocabSize, cellBudget));
        }
        Figures.table(sizes, "gru-budget-sizes");
        // end::budget[]

        // tag::compare[]
        double baseline = 1.0 / 6;   // the MSE of always answering 1, the mean of the target
        double solvedBelow = 0.04;  // Hochreiter and Schmidhuber's criterion for the adding problem
        Table results = Table.create("RNN, GRU and LSTM at " + cellBudget + " cell parameters, " + seeds + " seeds",
                StringColumn.create("cell"),
                Show.formatted(DoubleColumn.create("adding MSE (T = " + length + ")"), "0.0000"),
                StringColumn.create("runs below " + solvedBelow),
                Show.formatted(DoubleColumn.create("adding ms/step"), "0.0"),
                Show.formatted(DoubleColumn.create("characters nats/char"), "0.000"),
                Show.formatted(DoubleColumn.create("characters ms/step"), "0.0"));
        Map<String, double[]> curves = new LinkedHashMap<>();   // the first seed's adding-problem losses
        for (CellKind kind : CellKind.values()) {
            double[] mse = new double[seeds];
            double addingMs = 0;
            double nats = 0;
            double charMs = 0;
            int solved = 0;
            for (int seed = 0; seed < seeds; seed++) {
                int addingHidden = ParameterCounts.hiddenForBudget(kind, addingInput, cellBudget);
                int charHidden = ParameterCounts.hiddenForBudget(kind, vocabSize, cellBudget);
                Run a = adding(kind, addingHidden, length, addingSteps, 60 + seed);
                Run c = characters(kind, charHidden, charSteps, 70 + seed);
                mse[seed] = a.error();
                if (seed == 0) {
                    curves.put(kind.name(), a.losses());
                }
                solved += a.error() < solvedBelow ? 1 : 0;
                addingMs += a.msPerStep() / seeds;
                nats += c.error() / seeds;
                charMs += c.msPerStep() / seeds;
            }
            results.stringColumn("cell").append(kind.name());
            results.doubleColumn("adding MSE (T = " + length + ")").append(java.util.Arrays.stream(mse).average()
                    .orElseThrow());
            results.stringColumn("runs below " + solvedBelow).append(solved + " of " + seeds);
            results.doubleColumn("adding ms/step").append(addingMs);
            results.doubleColumn("characters nats/char").append(nats);
            results.doubleColumn("characters ms/step").append(charMs);
        }
        Figures.table(results, "gru-vs-lstm");
        System.out.println(String.format("baseline (always answer the mean): MSE %.4f; uniform guess over %d"
                + " characters: %.3f nats", baseline, vocabSize, Math.log(vocabSize)));
        // end::compare[]


        // tag::curves[]
        int window = 25;   // one batch's loss is noisy: each point is a mean of the last 25 steps
        XYChart chart = Charts.powersOfTen(Charts.xy("Adding problem, T = " + length + ", first seed",
                "training step", "MSE (smoothed)"));   // y holds log10 of the MSE
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            double[] loss = e.getValue();
            double[] smooth = new double[loss.length];
            double sum = 0;
            for (int i = 0; i < loss.length; i++) {
                sum += loss[i] - (i >= window ? loss[i - window] : 0);
                smooth[i] = Math.log10(sum / Math.min(i + 1, window));
            }
            chart.addSeries(e.getKey(), java.util.stream.IntStream.rangeClosed(1, loss.length).asDoubleStream()
                    .toArray(), smooth);
        }
        Charts.referenceLine(chart, "always answer the mean", Math.log10(baseline));
        Charts.referenceLine(chart, "solved (" + solvedBelow + ")", Math.log10(solvedBelow));
        Figures.show(chart, "gru-adding-curves");
        // end::curves[]

        // tag::timing[]
        int sameHidden = Scale.current().pick(64, 128);   // one hidden size for all three cells
        int rounds = 15;
        Map<CellKind, Trainer> trainers = new LinkedHashMap<>();
        Map<CellKind, Trainer.StepFunction> steps = new LinkedHashMap<>();
        for (CellKind kind : CellKind.values()) {
            var model = new ManyToOne(kind.create(addingInput, sameHidden, new Random(1)),
                    new Dense(sameHidden, 1, new Random(1)));
            var data = new AddingProblem(length, 2);
            var mse = new Mse();
            trainers.put(kind, new Trainer(model, new Adam(model.parameters(), 0.001)).quiet());
            steps.put(kind, step -> {
                AddingProblem.Batch batch = data.batch(32);
                ManyToOne.Pass pass = model.forward(batch.inputs());
                Mse.Pass lossPass = mse.forwardPass(pass.logits(), batch.target());
                model.backward(pass, mse.backward(lossPass));
                return lossPass.loss();
            });
            trainers.get(kind).fit(rounds, steps.get(kind));   // warm-up: let the JIT compile this cell's loop
        }
        // The cells take turns, one step each per round, so that whatever else the machine does falls on all three;
        // the fastest of a cell's steps is the one least disturbed.
        Map<CellKind, Double> fastest = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (CellKind kind : CellKind.values()) {
                long start = System.nanoTime();
                trainers.get(kind).fit(1, steps.get(kind));
                fastest.merge(kind, (System.nanoTime() - start) / 1e6, Math::min);
            }
        }
        Table timing = Table.create("Milliseconds per training step at hidden size " + sameHidden
                + " (adding problem, T = " + length + "), fastest of " + rounds, StringColumn.create("cell"),
                Show.formatted(DoubleColumn.create("ms/step"), "0.00"),
                Show.formatted(DoubleColumn.create("ratio to RNN"), "0.00"),
                Show.formatted(DoubleColumn.create("ratio of the parameters"), "0.00"));
        for (CellKind kind : CellKind.values()) {
            timing.stringColumn("cell").append(kind.name());
            timing.doubleColumn("ms/step").append(fastest.get(kind));
            timing.doubleColumn("ratio to RNN").append(fastest.get(kind) / fastest.get(CellKind.RNN));
            timing.doubleColumn("ratio of the parameters")
                    .append((double) ParameterCounts.cellParameters(kind, addingInput, sameHidden)
                            / ParameterCounts.cellParameters(CellKind.RNN, addingInput, sameHidden));
        }
        Figures.table(timing, "gru-timing");
        // end::timing[]

        // tag::paper[]
        // Chung et al. (2014), JSB Chorales, about 20K parameters each: test negative log-likelihood per time step
        double[] chungJsb = {9.19, 8.54, 8.67};
        Table paper = Table.create("What Chung et al. reported beside what this chapter measured",
                StringColumn.create("cell"),
                Show.formatted(DoubleColumn.create("Chung et al.: JSB Chorales NLL"), "0.00"),
                Show.formatted(DoubleColumn.create("book: adding MSE (T = " + length + ")"), "0.0000"),
                Show.formatted(DoubleColumn.create("book: characters nats/char"), "0.000"));
        for (CellKind kind : CellKind.values()) {
            paper.stringColumn("cell").append(kind.name());
            paper.doubleColumn("Chung et al.: JSB Chorales NLL").append(chungJsb[kind.ordinal()]);
            paper.doubleColumn("book: adding MSE (T = " + length + ")")
                    .append(results.doubleColumn("adding MSE (T = " + length + ")").get(kind.ordinal()));
            paper.doubleColumn("book: characters nats/char")
                    .append(results.doubleColumn("characters nats/char").get(kind.ordinal()));
        }
        Figures.table(paper, "gru-paper-vs-book");
        // end::paper[]
    }
}
