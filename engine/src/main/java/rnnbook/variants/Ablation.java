package rnnbook.variants;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import rnnbook.data.AddingProblem;
import rnnbook.loss.Mse;
import rnnbook.nn.Stacked.CellFactory;
import rnnbook.nn.Dense;
import rnnbook.nn.GruCell;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;
import rnnbook.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small ablation: every model reads the same {@link AddingProblem} batches with the same budget (steps, batch,
 * hidden size, Adam learning rate, gradient clipping, seed) and reports its final losses in one table, the
 * experiment behind "most LSTM variants perform about alike" (Greff et al. 2017).
 *
 * <p>A model is anything that reads a sequence into a final hidden state ({@link Reader}); {@link #cell} adapts any
 * cell through {@link Recurrent}, {@link #sliced} a {@link SlicedRnn}. A Dense layer maps the final h to the
 * prediction; the loss is MSE.
 */
public final class Ablation {
    private Ablation() {
    }

    /** Reads xs (seq, batch, input) to a final h (batch, hidden); the {@link Reading} goes back through that pass. */
    public interface Reader extends Module {
        Reading forward(Matrix[] xs);
    }

    /**
     * One forward pass of a {@link Reader}: its final h (batch, hidden), and {@link #backward} from dL/dh through
     * this pass, whatever passes ran since.
     */
    public record Reading(Matrix h, Consumer<Matrix> back) {

        /** Accumulates the reader's parameter gradients for dL/dh of this pass. */
        public void backward(Matrix dLastH) {
            back.accept(dLastH);
        }
    }

    /** Makes a reader for the given input and hidden sizes. */
    @FunctionalInterface
    public interface ReaderFactory {
        Reader create(int inputSize, int hiddenSize, Random rng);
    }

    /** The shared budget. */
    public record Budget(int hidden, int steps, int batch, double learningRate, long seed) {
        public Budget {
            if (hidden < 1 || steps < 1 || batch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("Ablation budget needs positive hidden, steps, batch and rate, got "
                        + hidden + ", " + steps + ", " + batch + ", " + learningRate);
            }
        }
    }

    /** Any cell unrolled by {@link Recurrent}; the final h is the reading. */
    public static ReaderFactory cell(CellFactory factory) {
        return (in, hidden, rng) -> {
            Recurrent rnn = new Recurrent(factory.create(in, hidden, rng));
            return new Reader() {
                @Override
                public Reading forward(Matrix[] xs) {
                    Recurrent.Output pass = rnn.forward(xs);
                    return new Reading(pass.last().h(), dh -> rnn.backward(pass, null, rnn.cell().hasCellState()
                            ? new State(dh, Matrix.zeros(dh.rows(), dh.cols())) : State.of(dh)));
                }

                @Override
                public Map<String, Parameter> namedParameters() {
                    return rnn.namedParameters();
                }
            };
        };
    }

    /** A Sliced RNN with {@code slices} slices, lower and higher cells both of the hidden size. */
    public static ReaderFactory sliced(CellFactory lower, CellFactory higher, int slices) {
        return (in, hidden, rng) -> {
            SlicedRnn rnn = new SlicedRnn(lower.create(in, hidden, rng), higher.create(hidden, hidden, rng), slices);
            return new Reader() {
                @Override
                public Reading forward(Matrix[] xs) {
                    SlicedRnn.Pass pass = rnn.forward(xs);
                    return new Reading(pass.last().h(), dh -> rnn.backward(pass, null, State.of(dh)));
                }

                @Override
                public Map<String, Parameter> namedParameters() {
                    return rnn.namedParameters();
                }
            };
        };
    }

    /**
     * The vanilla RNN, the LSTM and GRU, and the variants of this package: name to reader. The Clockwork RNN uses
     * 4 modules (hidden must divide by 4); the Sliced RNN cuts the sequence into {@code slices} pieces (its length
     * must divide by it).
     */
    public static Map<String, ReaderFactory> standardVariants(int slices) {
        Map<String, ReaderFactory> m = new LinkedHashMap<>();
        m.put("vanilla RNN", cell(RnnCell::new));
        m.put("LSTM", cell(LstmCell::new));
        m.put("GRU", cell(GruCell::new));
        m.put("peephole LSTM", cell(PeepholeLstmCell::new));
        m.put("coupled-gate LSTM", cell(CoupledLstmCell::new));
        m.put("clockwork RNN", cell((in, hidden, rng) -> new ClockworkCell(in, hidden, 4, rng)));
        m.put("sliced RNN", sliced(RnnCell::new, RnnCell::new, slices));
        return m;
    }

    // tag::run[]
    /**
     * Trains every model on the same batches and returns one row per model, plus a baseline row that predicts
     * the mean 1.0: variant, parameters, train_mse (mean of the last tenth of the steps), test_mse (a held-out
     * batch of 256 drawn from its own seed).
     */
    public static Table run(Map<String, ReaderFactory> variants, int seqLength, Budget budget) {
        StringColumn name = StringColumn.create("variant");
        IntColumn parameters = IntColumn.create("parameters");
        DoubleColumn train = DoubleColumn.create("train_mse");
        DoubleColumn test = DoubleColumn.create("test_mse");
        AddingProblem.Batch held = new AddingProblem(seqLength, budget.seed() ^ 0x5DEECE66DL).batch(256);
        for (Map.Entry<String, ReaderFactory> v : variants.entrySet()) {
            Random init = new Random(budget.seed());
            Reader reader = v.getValue().create(2, budget.hidden(), init);
            Dense head = new Dense(budget.hidden(), 1, init);
            Map<String, Parameter> all = new LinkedHashMap<>();
            Module.addAll(all, "rnn", reader);
            Module.addAll(all, "head", head);
            var params = java.util.List.copyOf(all.values());
            Adam adam = new Adam(params, budget.learningRate());
            Mse mse = new Mse();
            // the same batches for every variant
            AddingProblem data = new AddingProblem(seqLength, budget.seed() + 1);
            double tail = 0;
            int tailCount = 0;
            for (int step = 0; step < budget.steps(); step++) {
                AddingProblem.Batch b = data.batch(budget.batch());
                adam.zeroGrad();
                Reading reading = reader.forward(b.inputs());
                Mse.Pass error = mse.forwardPass(head.forward(reading.h()), b.target());
                double loss = error.loss();
                reading.backward(head.backward(reading.h(), mse.backward(error)));
                Clip.gradNorm(params, 1.0);
                adam.step();
                if (step >= budget.steps() - Math.max(1, budget.steps() / 10)) {
                    tail += loss;
                    tailCount++;
                }
            }
            name.append(v.getKey());
            parameters.append((int) all.values().stream().mapToLong(Parameter::size).sum());
            train.append(tail / tailCount);
            test.append(mse.forward(head.forward(reader.forward(held.inputs()).h()), held.target()));
        }
        name.append("baseline: predict 1.0");
        parameters.append(0);
        train.append(Double.NaN);
        test.append(new Mse().forward(Matrix.filled(256, 1, 1.0), held.target()));
        return Table.create("LSTM variants on the adding problem (length " + seqLength + ")",
                name, parameters, train, test);
    }
    // end::run[]
}
