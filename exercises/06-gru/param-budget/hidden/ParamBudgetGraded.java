package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of param-budget: counts and budgets for other sizes, recorded. */
@Timeout(5)
class ParamBudgetGraded {

    @Test
    @DisplayName("the vanilla cell at several sizes")
    @Points(2)
    @Hint("one block: hidden·input + hidden² + 2·hidden")
    void a_rnn() {
        Record.value("parameters(rnn, 2, 52)", ParamBudget.parameters("rnn", 2, 52));
        Record.value("parameters(rnn, 44, 36)", ParamBudget.parameters("rnn", 44, 36));
        Record.value("parameters(rnn, 1, 1)", ParamBudget.parameters("rnn", 1, 1));
    }

    @Test
    @DisplayName("the GRU has three blocks")
    @Points(2)
    @Hint("r, z and n each have both weights and both biases")
    void b_gru() {
        Record.value("parameters(gru, 2, 29)", ParamBudget.parameters("gru", 2, 29));
        Record.value("parameters(gru, 300, 512)", ParamBudget.parameters("gru", 300, 512));
    }

    @Test
    @DisplayName("the LSTM has four blocks")
    @Points(2)
    @Hint("i, f, g and o each have both weights and both biases")
    void c_lstm() {
        Record.value("parameters(lstm, 44, 12)", ParamBudget.parameters("lstm", 44, 12));
        Record.value("parameters(lstm, 650, 650)", ParamBudget.parameters("lstm", 650, 650));
    }

    @Test
    @DisplayName("hidden sizes for a budget of 3,000 at inputs 2 and 44")
    @Points(2)
    @Hint("the largest hidden size whose count is still within the budget")
    void d_budget() {
        for (String kind : new String[] {"rnn", "gru", "lstm"}) {
            Record.value("hiddenForBudget(" + kind + ", 2, 3000)", ParamBudget.hiddenForBudget(kind, 2, 3_000));
            Record.value("hiddenForBudget(" + kind + ", 44, 3000)", ParamBudget.hiddenForBudget(kind, 44, 3_000));
        }
    }

    @Test
    @DisplayName("a budget that a size meets exactly")
    @Points(1)
    @Hint("a count equal to the budget fits")
    void e_exact() {
        // 4·(10·10 + 10² + 20) = 880: exactly 10 LSTM units at input 10
        Record.value("hiddenForBudget(lstm, 10, 880)", ParamBudget.hiddenForBudget("lstm", 10, 880));
    }

    @Test
    @DisplayName("a budget too small for one unit is refused")
    @Points(1)
    @Hint("one GRU unit at input 10 needs 3·(10 + 1 + 2) = 39 parameters")
    void f_tooSmall() {
        boolean refused;
        try {
            ParamBudget.hiddenForBudget("gru", 10, 20);
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        Record.value("is hiddenForBudget(gru, 10, 20) refused (IllegalArgumentException)?", refused);
    }
}
