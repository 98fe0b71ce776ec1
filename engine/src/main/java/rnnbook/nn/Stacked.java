package rnnbook.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A deep recurrent network: layer k reads the outputs of layer k - 1, PyTorch's
 * {@code nn.LSTM(input, hidden, num_layers, dropout=p, bidirectional=b)} (and {@code nn.GRU}, {@code nn.RNN}):
 * <pre>
 *   h^(0)_t = x_t            h^(k)_t = cell_k(dropout(h^(k-1)_t), h^(k)_{t-1})        y_t = h^(L)_t
 * </pre>
 * Each layer is one direction (a {@link Recurrent}, so vanilla, LSTM and GRU layers take its fast road,
 * {@code FastRoad}) or two ({@link Bidirectional}, output [→h ‖ ←h] of width
 * 2 * hidden, which is then the next layer's input size). Dropout with probability p is applied, in training mode
 * only, to the outputs of every layer but the last, as PyTorch does; kept units are scaled by 1 / (1 - p) so
 * evaluation needs no rescaling. The dropout masks come from the stack's own seeded {@link Random}.
 *
 * <p>Shapes: xs (seq, batch, input); outputs (seq, batch, directions * hidden). Initial and final states are
 * arrays of length layers * directions, entry {@code layer * directions + direction} (direction 1 = reverse),
 * each (batch, hidden): PyTorch's h_0 / h_n (and c_0 / c_n) of shape (layers * directions, batch, hidden).
 * Parameter names are PyTorch's {@code state_dict} keys: {@code weight_ih_l0}, ..., {@code bias_hh_l1_reverse}.
 */
public final class Stacked implements Module {

    /** Builds one cell; {@link #Stacked(CellFactory, int, int, int, double, boolean, Random)} calls it per layer. */
    @FunctionalInterface
    public interface CellFactory {
        Cell create(int inputSize, int hiddenSize, Random rng);
    }

    /**
     * Every step's output of the top layer, every layer's and direction's final state, and the pass itself (what
     * {@link #backward(Output, Matrix[], State[])} differentiates).
     */
    public record Output(Matrix[] outputs, State[] last, Pass pass) {
        /** h_n: the final hidden states, index layer * directions + direction. */
        public Matrix[] hN() {
            Matrix[] h = new Matrix[last.length];
            for (int i = 0; i < last.length; i++) {
                h[i] = last[i].h();
            }
            return h;
        }

        /** c_n: the final cell states (LSTM), index layer * directions + direction. */
        public Matrix[] cN() {
            Matrix[] c = new Matrix[last.length];
            for (int i = 0; i < last.length; i++) {
                c[i] = last[i].c();
            }
            return c;
        }
    }

    /** One forward pass of every layer, bottom to top, with the dropout masks it drew; only backward reads it. */
    public static final class Pass {
        private final Recurrent.Output[] oneWay;     // per layer, when the stack has one direction
        private final Bidirectional.Output[] twoWay; // per layer, when it has two
        private final Matrix[][] masks;              // [layer][t], null for a layer without dropout after it

        private Pass(Recurrent.Output[] oneWay, Bidirectional.Output[] twoWay, Matrix[][] masks) {
            this.oneWay = oneWay;
            this.twoWay = twoWay;
            this.masks = masks;
        }
    }

    /** dL/dx_t and dL/d(every initial state), index layer * directions + direction. */
    public record Gradients(Matrix[] dInputs, State[] dInitial) {
    }

    private final List<Recurrent> unidirectional = new ArrayList<>();   // used when directions == 1
    private final List<Bidirectional> bidirectional = new ArrayList<>(); // used when directions == 2
    private final Cell[][] cells;   // [layer][direction]
    private final double dropout;
    private Random dropoutRng;
    private boolean training = true;
    private Output lastPass;   // the last forward pass, for the two-argument backward

    /** PyTorch's {@code nn.LSTM(input, hidden, layers, dropout=p, bidirectional=b)}. */
    public static Stacked lstm(int inputSize, int hiddenSize, int layers, double dropout, boolean bidirectional,
                               Random rng) {
        return new Stacked(LstmCell::new, inputSize, hiddenSize, layers, dropout, bidirectional, rng);
    }

    /** PyTorch's {@code nn.GRU(input, hidden, layers, dropout=p, bidirectional=b)}. */
    public static Stacked gru(int inputSize, int hiddenSize, int layers, double dropout, boolean bidirectional,
                              Random rng) {
        return new Stacked(GruCell::new, inputSize, hiddenSize, layers, dropout, bidirectional, rng);
    }

    /** PyTorch's {@code nn.RNN(input, hidden, layers, dropout=p, bidirectional=b)} with tanh. */
    public static Stacked rnn(int inputSize, int hiddenSize, int layers, double dropout, boolean bidirectional,
                              Random rng) {
        return rnn(inputSize, hiddenSize, layers, Activation.TANH, true, dropout, bidirectional, rng);
    }

    /**
     * PyTorch's {@code nn.RNN(input, hidden, layers, nonlinearity, bias, dropout=p, bidirectional=b)}, in its
     * argument order: {@code nonlinearity} {@link Activation#TANH} or {@link Activation#RELU} (PyTorch's 'tanh',
     * 'relu'), {@code bias=false} for layers with weights only.
     */
    public static Stacked rnn(int inputSize, int hiddenSize, int layers, Activation nonlinearity, boolean bias,
                              double dropout, boolean bidirectional, Random rng) {
        if (nonlinearity != Activation.TANH && nonlinearity != Activation.RELU) {
            throw new IllegalArgumentException("Stacked.rnn: nonlinearity must be TANH or RELU (PyTorch's 'tanh' or"
                    + " 'relu'), got " + nonlinearity);
        }
        return new Stacked((in, hidden, r) -> new RnnCell(in, hidden, nonlinearity, bias, r), inputSize, hiddenSize,
                layers, dropout, bidirectional, rng);
    }

    /** PyTorch's {@code nn.LSTM(input, hidden, layers, bias, dropout=p, bidirectional=b)}. */
    public static Stacked lstm(int inputSize, int hiddenSize, int layers, boolean bias, double dropout,
                               boolean bidirectional, Random rng) {
        return new Stacked((in, hidden, r) -> new LstmCell(in, hidden, bias, r), inputSize, hiddenSize, layers,
                dropout, bidirectional, rng);
    }

    /** PyTorch's {@code nn.GRU(input, hidden, layers, bias, dropout=p, bidirectional=b)}. */
    public static Stacked gru(int inputSize, int hiddenSize, int layers, boolean bias, double dropout,
                              boolean bidirectional, Random rng) {
        return new Stacked((in, hidden, r) -> new GruCell(in, hidden, bias, r), inputSize, hiddenSize, layers,
                dropout, bidirectional, rng);
    }

    /** Layers of cells made by {@code factory}: layer 0 reads {@code inputSize}, layer k reads directions * hidden. */
    public Stacked(CellFactory factory, int inputSize, int hiddenSize, int layers, double dropout,
                   boolean bidirectional, Random rng) {
        this(build(factory, inputSize, hiddenSize, layers, bidirectional, rng), dropout, rng.nextLong());
    }

    /**
     * A stack of given cells, {@code cells[layer][direction]} with one or two directions in every layer. Layer
     * k's input size must be layer k - 1's directions * hidden; both directions of a layer must have the same sizes.
     */
    public Stacked(Cell[][] cells, double dropout, long dropoutSeed) {
        if (cells.length == 0) {
            throw new IllegalArgumentException("Stacked: need at least one layer, got 0");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Stacked: dropout must be in [0, 1), got " + dropout);
        }
        int directions = cells[0].length;
        if (directions != 1 && directions != 2) {
            throw new IllegalArgumentException("Stacked: a layer has 1 or 2 directions, layer 0 has " + directions);
        }
        for (int layer = 0; layer < cells.length; layer++) {
            if (cells[layer].length != directions) {
                throw new IllegalArgumentException("Stacked: every layer needs " + directions
                        + " direction(s) like layer 0, layer " + layer + " has " + cells[layer].length);
            }
            if (layer > 0) {
                int expected = directions * cells[layer - 1][0].hiddenSize();
                for (int d = 0; d < directions; d++) {
                    if (cells[layer][d].inputSize() != expected) {
                        throw new IllegalArgumentException("Stacked: layer " + layer + direction(d)
                                + " reads the output of layer " + (layer - 1) + ", so its input size must be "
                                + expected + " (" + directions + " x hidden " + cells[layer - 1][0].hiddenSize()
                                + "), got " + cells[layer][d].inputSize());
                    }
                }
            }
            if (directions == 2) {
                bidirectional.add(new Bidirectional(cells[layer][0], cells[layer][1], layer));
            } else {
                unidirectional.add(new Recurrent(cells[layer][0]));
            }
        }
        this.cells = cells;
        this.dropout = dropout;
        this.dropoutRng = new Random(dropoutSeed);
    }

    private static Cell[][] build(CellFactory factory, int inputSize, int hiddenSize, int layers,
                                  boolean bidirectional, Random rng) {
        if (layers < 1) {
            throw new IllegalArgumentException("Stacked: need at least one layer, got " + layers);
        }
        int directions = bidirectional ? 2 : 1;
        Cell[][] cells = new Cell[layers][directions];
        for (int layer = 0; layer < layers; layer++) {
            int in = layer == 0 ? inputSize : directions * hiddenSize;
            for (int d = 0; d < directions; d++) {
                cells[layer][d] = factory.create(in, hiddenSize, rng);
            }
        }
        return cells;
    }

    private static String direction(int d) {
        return d == 1 ? " (reverse)" : "";
    }

    public int layers() {
        return cells.length;
    }

    public int directions() {
        return cells[0].length;
    }

    public int inputSize() {
        return cells[0][0].inputSize();
    }

    public int hiddenSize() {
        return cells[0][0].hiddenSize();
    }

    /** The width of each output step, directions * hidden. */
    public int outputSize() {
        return directions() * cells[cells.length - 1][0].hiddenSize();
    }

    /** The cell of a layer and direction (0 forward, 1 reverse), e.g. to read its gates after a forward pass. */
    public Cell cell(int layer, int direction) {
        return cells[layer][direction];
    }

    /**
     * The steps a layer and direction kept in the last forward pass, entry t for input step t (also for the
     * reverse direction): each step's record holds the cell's gates, e.g. {@link LstmCell.LstmStep#forget()}.
     */
    public List<Step> steps(int layer, int direction) {
        if (directions() == 2) {
            Bidirectional bi = bidirectional.get(layer);
            return direction == 0 ? bi.forwardSteps() : bi.reverseSteps();
        }
        if (direction != 0) {
            throw new IllegalArgumentException("steps: this stack has one direction, asked for direction " + direction);
        }
        return unidirectional.get(layer).steps();
    }

    public double dropout() {
        return dropout;
    }

    /** Training mode: dropout between layers is active (the default). */
    public Stacked train() {
        training = true;
        return this;
    }

    /** Evaluation mode: no dropout. */
    public Stacked eval() {
        training = false;
        return this;
    }

    public boolean isTraining() {
        return training;
    }

    /** Restarts the dropout masks' random sequence, so that a forward pass can be repeated exactly. */
    public Stacked seedDropout(long seed) {
        dropoutRng = new Random(seed);
        return this;
    }

    /** Zero initial states for every layer and direction, PyTorch's default. */
    public State[] zeroStates(int batch) {
        State[] h0 = new State[cells.length * directions()];
        for (int layer = 0; layer < cells.length; layer++) {
            for (int d = 0; d < directions(); d++) {
                h0[layer * directions() + d] = cells[layer][d].zeroState(batch);
            }
        }
        return h0;
    }

    public Output forward(Matrix[] xs) {
        Sequences.require("Stacked input", xs, inputSize());
        return run(xs, zeroStates(xs[0].rows()), null);
    }

    /** Runs every layer over the whole sequence, bottom to top; {@code h0} as PyTorch's (layers * directions). */
    public Output forward(Matrix[] xs, State[] h0) {
        Sequences.require("Stacked input", xs, inputSize());
        return run(xs, h0, null);
    }

    /**
     * Runs every layer from {@code h0} (null: zeros), row b for {@code lengths[b]} steps (each in [1, seq]) in every
     * layer and direction, PyTorch's {@code pack_padded_sequence} semantics: outputs are zero past a row's length,
     * each final state is the state at the row's last real step, and a reverse direction starts at that step.
     */
    public Output forward(Matrix[] xs, State[] h0, int[] lengths) {
        Sequences.require("Stacked input", xs, inputSize());
        return run(xs, h0 == null ? zeroStates(xs[0].rows()) : h0,
                lengths == null ? null : Lengths.check(lengths, xs[0].rows(), xs.length));
    }

    // tag::stack[]
    /**
     * The forward pass over an input and lengths checked once (the finite-check reads all of it); layers check only
     * states.
     */
    private Output run(Matrix[] xs, State[] h0, int[] lengths) {
        requireStates(h0, xs[0].rows());
        int dirs = directions();
        State[] last = new State[h0.length];
        Matrix[][] masks = new Matrix[cells.length][];
        Recurrent.Output[] oneWay = new Recurrent.Output[cells.length];
        Bidirectional.Output[] twoWay = new Bidirectional.Output[cells.length];
        Matrix[] input = xs;
        for (int layer = 0; layer < cells.length; layer++) {
            Matrix[] output;
            if (dirs == 2) {
                Bidirectional.Output out = bidirectional.get(layer).run(input, h0[2 * layer], h0[2 * layer + 1],
                        lengths);
                twoWay[layer] = out;
                output = out.outputs();
                last[2 * layer] = out.lastForward();
                last[2 * layer + 1] = out.lastReverse();
            } else {
                Recurrent.Output out = unidirectional.get(layer).run(input, h0[layer], lengths);
                oneWay[layer] = out;
                output = out.outputs();
                last[layer] = out.last();
            }
            boolean between = layer < cells.length - 1;
            if (between && training && dropout > 0) {
                masks[layer] = dropoutMasks(output.length, output[0].rows(), output[0].cols());
                output = times(output, masks[layer]);
            }
            input = output;
        }
        lastPass = new Output(input, last, new Pass(oneWay, twoWay, masks));
        return lastPass;
    }
    // end::stack[]

    /**
     * Backpropagation through the last forward pass of this stack.
     *
     * @deprecated a later forward (an evaluation, a decoding pass) replaces the pass this uses; keep the
     *             {@link Output} and call {@link #backward(Output, Matrix[], State[])}
     */
    @Deprecated
    public Gradients backward(Matrix[] dOutputs, State[] dLast) {
        if (lastPass == null) {
            throw new IllegalStateException("Stacked backward called before forward");
        }
        return backward(lastPass, dOutputs, dLast);
    }

    /**
     * Backpropagation through every layer, top to bottom, and through time within each, over the forward pass that
     * returned {@code forwardPass}.
     *
     * @param dOutputs dL/dy_t of the top layer (seq, batch, directions * hidden); the array or entries may be null
     * @param dLast    dL/d(final states), index layer * directions + direction; the array or entries may be null
     */
    public Gradients backward(Output forwardPass, Matrix[] dOutputs, State[] dLast) {
        if (dLast != null && dLast.length != cells.length * directions()) {
            throw new IllegalArgumentException("Stacked backward: expected " + cells.length * directions()
                    + " final-state gradients (layers x directions), got " + dLast.length);
        }
        Pass pass = forwardPass.pass();
        Matrix[][] masks = pass.masks;
        int dirs = directions();
        State[] dInitial = new State[cells.length * dirs];
        Matrix[] dOut = dOutputs;
        for (int layer = cells.length - 1; layer >= 0; layer--) {
            if (masks[layer] != null && dOut != null) {
                dOut = times(dOut, masks[layer]);   // the dropout mask scales the gradient as it scaled the value
            }
            if (dirs == 2) {
                Bidirectional.Gradients g = bidirectional.get(layer).backward(pass.twoWay[layer], dOut,
                        at(dLast, 2 * layer), at(dLast, 2 * layer + 1));
                dInitial[2 * layer] = g.dInitialForward();
                dInitial[2 * layer + 1] = g.dInitialReverse();
                dOut = g.dInputs();
            } else {
                Recurrent.Gradients g = unidirectional.get(layer).backward(pass.oneWay[layer], dOut,
                        at(dLast, layer));
                dInitial[layer] = g.dInitial();
                dOut = g.dInputs();
            }
        }
        return new Gradients(dOut, dInitial);
    }

    private static State at(State[] states, int i) {
        return states == null ? null : states[i];
    }

    private void requireStates(State[] h0, int batch) {
        int dirs = directions();
        if (h0 == null || h0.length != cells.length * dirs) {
            throw new IllegalArgumentException("Stacked: expected " + cells.length * dirs + " initial states ("
                    + cells.length + " layers x " + dirs + " directions), got " + (h0 == null ? "none" : h0.length));
        }
        for (int layer = 0; layer < cells.length; layer++) {
            for (int d = 0; d < dirs; d++) {
                int i = layer * dirs + d;
                Cell cell = cells[layer][d];
                if (h0[i] == null) {
                    throw new IllegalArgumentException("Stacked: initial state " + i + " (layer " + layer
                            + direction(d) + ") is null");
                }
                h0[i].require("Stacked initial state " + i + " (layer " + layer + direction(d) + ")", batch,
                        cell.hiddenSize(), cell.hasCellState());
            }
        }
    }

    /** Inverted dropout masks: each entry 1 / (1 - p) with probability 1 - p, else 0. */
    private Matrix[] dropoutMasks(int seq, int batch, int width) {
        Matrix[] m = new Matrix[seq];
        double keep = 1.0 - dropout;
        for (int t = 0; t < seq; t++) {
            m[t] = Matrix.zeros(batch, width);
            double[] d = m[t].data();
            for (int i = 0; i < d.length; i++) {
                d[i] = dropoutRng.nextDouble() < keep ? 1.0 / keep : 0.0;
            }
        }
        return m;
    }

    private static Matrix[] times(Matrix[] xs, Matrix[] masks) {
        Matrix[] out = new Matrix[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = xs[t] == null ? null : xs[t].mul(masks[t]);
        }
        return out;
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int layer = 0; layer < cells.length; layer++) {
            for (int d = 0; d < directions(); d++) {
                for (Map.Entry<String, Parameter> e : cells[layer][d].namedParameters().entrySet()) {
                    String key = e.getKey() + "_l" + layer + (d == 1 ? "_reverse" : "");
                    if (out.put(key, e.getValue()) != null) {
                        throw new IllegalArgumentException("two parameters named " + key);
                    }
                }
            }
        }
        return out;
    }
}
