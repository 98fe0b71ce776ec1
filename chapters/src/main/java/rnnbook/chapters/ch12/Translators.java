package rnnbook.chapters.ch12;

import rnnbook.chapters.ch12.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnbook.nn.GruCell;
import rnnbook.optim.Adam;
import rnnbook.seq2seq.Hypothesis;
import rnnbook.seq2seq.Seq2Seq;
import rnnbook.train.Trainer;

/** Building, training and decoding the chapter's encoder-decoders, the same way for every task. */
public final class Translators {
    private Translators() {
    }

    // tag::train[]
    /**
     * A GRU encoder-decoder with attention {@code kind}, embeddings and states of size {@code hidden}, trained
     * with Adam on random batches of {@code batch} pairs for {@code steps} steps, teacher forcing throughout.
     */
    public static Seq2Seq train(Seq2Seq.AttentionKind kind, int sourceVocab, int targetVocab, List<int[]> sources,
                                List<int[]> targets, int hidden, int steps, int batch, long seed) {
        if (sources.isEmpty() || sources.size() != targets.size()) {
            throw new IllegalArgumentException("train: " + sources.size() + " sources and " + targets.size()
                    + " targets; need the same number, at least one");
        }
        Random rng = new Random(seed);
        Seq2Seq model = new Seq2Seq(sourceVocab, targetVocab, hidden, hidden, GruCell::new, kind, Symbols.TOKENS, rng);
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        trainer.fit(steps, step -> {
            int[][] src = new int[batch][];
            int[][] tgt = new int[batch][];
            for (int b = 0; b < batch; b++) {
                int i = rng.nextInt(sources.size());
                src[b] = sources.get(i);
                tgt[b] = targets.get(i);
            }
            return model.forwardBackward(src, tgt, 1.0, null);
        });
        return model;
    }
    // end::train[]

    /** Greedy decoding of every source, in batches, at most {@code extra} tokens longer than its source. */
    public static List<int[]> greedy(Seq2Seq model, List<int[]> sources, int extra) {
        List<int[]> out = new ArrayList<>();
        int chunk = 256;
        for (int from = 0; from < sources.size(); from += chunk) {
            List<int[]> part = sources.subList(from, Math.min(sources.size(), from + chunk));
            int maxLen = part.stream().mapToInt(s -> s.length).max().orElse(0) + extra;
            for (Hypothesis h : model.greedy(part.toArray(new int[0][]), maxLen)) {
                out.add(h.tokens());
            }
        }
        return out;
    }

    /** Beam search of width {@code width} for every source; the best hypothesis by mean log-probability. */
    public static List<int[]> beam(Seq2Seq model, List<int[]> sources, int width, int extra) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : sources) {
            out.add(model.beamSearch(s, width, s.length + extra, 1.0).get(0).tokens());
        }
        return out;
    }
}
