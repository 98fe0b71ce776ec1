package rnnbook.chapters.ch09;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import rnnbook.chapters.ch09.CountBigram;
import rnnbook.chapters.ch09.LmData;
import rnnbook.chapters.ch09.LmTraining;
import rnnbook.chapters.ch09.TokenLm;
import rnnbook.chapters.common.Show;
import rnnbook.data.Vocabulary;
import rnnbook.data.sets.FirstNames;
import rnnbook.data.sets.Split;
import rnnbook.nn.GruCell;
import rnnbook.nn.State;
import rnnbook.tensor.Sampling;
import rnnbook.train.Scale;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 9: a small GRU that makes up English first names, against makemore's count bigram on the same split. */
public final class Names {
    private Names() {
    }

    // tag::names-stream[]
    /** Names as one stream, each closed by '.': ".emma.olivia." — '.' starts a name and ends it. */
    public static String stream(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("stream: no names");
        }
        return "." + String.join(".", names) + ".";
    }

    /** One made-up name: feed '.', draw characters until the model draws '.' again (or {@code max} of them). */
    public static String makeUp(TokenLm model, Vocabulary letters, int max, Random rng) {
        int end = letters.id('.');
        State h = model.feed(end, model.zeroState(1));
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < max; i++) {
            int next = Sampling.draw(model.distribution(h, 1.0).data(), rng);
            if (next == end) {
                break;
            }
            name.append(letters.token(next));
            h = model.feed(next, h);
        }
        return name.toString();
    }
    // end::names-stream[]

    public static void main(String[] args) {
        // tag::names-data[]
        List<String> allNames = new ArrayList<>();
        for (String name : FirstNames.of(LmData.files(FirstNames.FEMALE))) {
            allNames.add(name.toLowerCase(Locale.ROOT));
        }
        for (String name : FirstNames.of(LmData.files(FirstNames.MALE))) {
            allNames.add(name.toLowerCase(Locale.ROOT));
        }
        Split<String> nameSplit = Split.shuffled(allNames.stream().distinct().toList(), 9, 0.9, 0.0);
        Vocabulary letters = Vocabulary.withUnknown(stream(nameSplit.train()));
        int[] nameTrain = letters.encode(stream(nameSplit.train()));
        int[] nameHeldOut = letters.encode(stream(nameSplit.test()));
        System.out.println(nameSplit.train().size() + " names to train on, " + nameSplit.test().size()
                + " held out; " + letters);
        // end::names-data[]

        // tag::names-train[]
        double bigramNats = new CountBigram(letters.size(), nameTrain).nats(nameHeldOut);
        var namer = new TokenLm(letters.size(), 16, new GruCell(16, Scale.current().pick(48, 96), new Random(4)),
                new Random(5));
        var namesPlan = new LmTraining.Plan(16, 32, Scale.current().pick(80, 1200), 0.01,
                Scale.current().pick(40, 200));
        LmTraining.fit(namer, nameTrain, nameHeldOut, namesPlan);
        double gruNats = namer.nats(nameHeldOut, 16);
        Table namesTable = Table.create("First names, held-out loss per character (" + nameSplit.test().size()
                        + " names)",
                StringColumn.create("model", "count bigram, add-one", "GRU, " + namer.parameterCount()
                        + " parameters", "makemore's bigram (its own 32K names)"),
                Show.formatted(DoubleColumn.create("nats per character", bigramNats, gruNats, 2.476), "0.000"));
        Figures.table(namesTable, "lm-names-table");
        // end::names-train[]

        // tag::names-samples[]
        Set<String> seen = new HashSet<>(nameSplit.train());
        var nameRng = new Random(6);
        StringBuilder madeUp = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String name = makeUp(namer, letters, 20, nameRng);
            madeUp.append(name.isEmpty() ? "(empty)" : name).append(seen.contains(name) ? "*" : "").append("  ");
        }
        System.out.println(madeUp.toString().strip());
        System.out.println("* a name of the training list; the rest are new");
        // end::names-samples[]
    }
}
