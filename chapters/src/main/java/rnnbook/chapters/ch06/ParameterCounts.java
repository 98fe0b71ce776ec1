package rnnbook.chapters.ch06;

import java.util.Random;
import rnnbook.chapters.ch06.CellKind;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import rnnbook.viz.Figures;

/**
 * Chapter 6, what a gate costs: the parameter count of a vanilla, GRU and LSTM cell by the hand formula, checked
 * against the engine's count, at equal hidden size and at an equal budget (Chung et al., 2014, matched about 20K).
 */
public final class ParameterCounts {
    private ParameterCounts() {
    }

    // tag::formula[]
    /**
     * Parameters of one cell in PyTorch's form: each of the {@code gates} blocks has a (hidden, input) input weight,
     * a (hidden, hidden) recurrent weight and two biases of length hidden (b_ih and b_hh).
     */
    public static long cellParameters(CellKind kind, int input, int hidden) {
        if (input < 1 || hidden < 1) {
            throw new IllegalArgumentException("cellParameters: input and hidden sizes must be at least 1, got input "
                    + input + ", hidden " + hidden);
        }
        return kind.gates() * ((long) hidden * input + (long) hidden * hidden + 2L * hidden);
    }

    /** The largest hidden size whose cell has at most {@code budget} parameters; at least one unit must fit. */
    public static int hiddenForBudget(CellKind kind, int input, long budget) {
        if (cellParameters(kind, input, 1) > budget) {
            throw new IllegalArgumentException("hiddenForBudget: a budget of " + budget + " parameters does not fit"
                    + " one " + kind + " unit at input " + input + " (it needs " + cellParameters(kind, input, 1) + ")");
        }
        int hidden = 1;
        while (cellParameters(kind, input, hidden + 1) <= budget) {
            hidden++;
        }
        return hidden;
    }
    // end::formula[]

    public static void main(String[] args) {
        // tag::equal-hidden[]
        int input = 88;    // one input per piano key, as in the polyphonic-music sets of Chung et al.
        int size = 100;
        Table same = Table.create("Parameters of one cell at input " + input + " and hidden size " + size,
                StringColumn.create("cell"), LongColumn.create("by the formula"), LongColumn.create("engine"),
                StringColumn.create("ratio to RNN"));
        for (CellKind kind : CellKind.values()) {
            long byFormula = cellParameters(kind, input, size);
            long engine = kind.create(input, size, new Random(0)).parameterCount();
            same.stringColumn("cell").append(kind.name());
            same.longColumn("by the formula").append(byFormula);
            same.longColumn("engine").append(engine);
            same.stringColumn("ratio to RNN").append(byFormula / cellParameters(CellKind.RNN, input, size) + "x");
        }
        Figures.table(same, "gru-params-equal-hidden");
        // end::equal-hidden[]

        // tag::budget[]
        int[] chungUnits = {100, 46, 36};   // Chung et al.'s tanh, GRU and LSTM units (about 20K parameters)
        long budget = 20_000;
        Table matched = Table.create("Hidden size for a budget of " + budget + " parameters at input " + input,
                StringColumn.create("cell"), IntColumn.create("hidden for the budget"),
                LongColumn.create("its parameters"), IntColumn.create("Chung et al. units"),
                LongColumn.create("their units by the formula"));
        for (CellKind kind : CellKind.values()) {
            int h = hiddenForBudget(kind, input, budget);
            matched.stringColumn("cell").append(kind.name());
            matched.intColumn("hidden for the budget").append(h);
            matched.longColumn("its parameters").append(cellParameters(kind, input, h));
            matched.intColumn("Chung et al. units").append(chungUnits[kind.ordinal()]);
            matched.longColumn("their units by the formula")
                    .append(cellParameters(kind, input, chungUnits[kind.ordinal()]));
        }
        Figures.table(matched, "gru-params-budget");
        // end::budget[]
    }
}
