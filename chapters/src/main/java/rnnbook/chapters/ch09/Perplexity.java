package rnnbook.chapters.ch09;

import java.util.Arrays;
import rnnbook.chapters.ch09.LmData;
import rnnbook.chapters.ch09.NGram;
import rnnbook.chapters.ch09.Perplexity;
import rnnbook.chapters.common.Show;
import rnnbook.data.Vocabulary;
import rnnbook.data.sets.MobyDick;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 9: one loss, three units. Nats, bits per token and perplexity of a few simple predictors of Moby-Dick. */
public final class Perplexity {
    private Perplexity() {
    }

    // tag::units[]
    /** Bits per token from a mean cross-entropy in nats: divide by ln 2. */
    public static double bits(double nats) {
        return nats / Math.log(2);
    }

    /** Perplexity from a mean cross-entropy in nats: e^L, the number of equally likely choices it amounts to. */
    public static double perplexity(double nats) {
        return Math.exp(nats);
    }
    // end::units[]

    public static void main(String[] args) {
        // tag::units-table[]
        String opening = MobyDick.text(LmData.files(MobyDick.NAME));
        Vocabulary openingChars = Vocabulary.of(opening);
        int[] openingIds = openingChars.encode(opening);
        int v = openingChars.size();
        double uniform = Math.log(v);                                     // every character equally likely
        double unigram = new NGram(1, v, openingIds).nats(openingIds);    // each character's own frequency
        double bigram = new NGram(2, v, openingIds).nats(openingIds);     // frequency after the previous one
        double[] nats = {uniform, unigram, bigram, 0.0};
        Table units = Table.create("One loss in three units, on the " + openingIds.length + " characters of "
                        + "Moby-Dick read here (fitted and measured on the same text)",
                StringColumn.create("predictor", "uniform over the " + v + " characters", "unigram counts",
                        "bigram counts", "always sure, always right"),
                Show.formatted(DoubleColumn.create("nats per character", nats), "0.000"),
                Show.formatted(DoubleColumn.create("bits per character",
                        Arrays.stream(nats).map(Perplexity::bits).toArray()), "0.000"),
                Show.formatted(DoubleColumn.create("perplexity",
                        Arrays.stream(nats).map(Perplexity::perplexity).toArray()), "0.00"));
        Figures.table(units, "lm-units");
        // end::units-table[]
    }
}
