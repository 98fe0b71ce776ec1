package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of param-budget (worked by hand): {@code ./book check param-budget}, Maven or an IDE. */
@Timeout(5)
class ParamBudgetCheck {

    @Test
    @DisplayName("input 88, hidden 100: 19,000 for the vanilla cell, three and four times that for GRU and LSTM")
    void equalHidden() {
        // 100·88 + 100² + 2·100 = 8,800 + 10,000 + 200 = 19,000 per block
        Expect.equal("parameters(\"rnn\", 88, 100)", 19_000, ParamBudget.parameters("rnn", 88, 100), "one block");
        Expect.equal("parameters(\"gru\", 88, 100)", 57_000, ParamBudget.parameters("gru", 88, 100), "three blocks");
        Expect.equal("parameters(\"lstm\", 88, 100)", 76_000, ParamBudget.parameters("lstm", 88, 100), "four blocks");
    }

    @Test
    @DisplayName("Chung et al.'s 46 GRU units at input 88: 3 · (46·88 + 46² + 92) = 18,768")
    void chungGru() {
        Expect.equal("parameters(\"gru\", 88, 46)", 18_768, ParamBudget.parameters("gru", 88, 46),
                "46·88 = 4,048, 46² = 2,116, two biases 92: 6,256 per block");
    }

    @Test
    @DisplayName("a budget of 20,000 at input 88: 103 tanh units, 48 GRU units, 38 LSTM units")
    void budget() {
        // 103·191 + 206 = 19,879 but 104·192 + 208 = 20,176;  3·(48·136 + 96) = 19,872 but 3·(49·137 + 98) = 20,433;
        // 4·(38·126 + 76) = 19,456 but 4·(39·127 + 78) = 20,124
        Expect.equal("hiddenForBudget(\"rnn\", 88, 20000)", 103, ParamBudget.hiddenForBudget("rnn", 88, 20_000), null);
        Expect.equal("hiddenForBudget(\"gru\", 88, 20000)", 48, ParamBudget.hiddenForBudget("gru", 88, 20_000), null);
        Expect.equal("hiddenForBudget(\"lstm\", 88, 20000)", 38, ParamBudget.hiddenForBudget("lstm", 88, 20_000),
                "the largest size that still fits, not the first one over");
    }

    @Test
    @DisplayName("an unknown kind is an IllegalArgumentException naming it")
    void unknownKind() {
        try {
            ParamBudget.parameters("transformer", 4, 4);
        } catch (IllegalArgumentException e) {
            Expect.that(e.getMessage() != null && e.getMessage().contains("transformer"),
                    "the message names the kind: " + e.getMessage());
            return;
        }
        Expect.that(false, "parameters(\"transformer\", 4, 4) should throw an IllegalArgumentException");
    }
}
