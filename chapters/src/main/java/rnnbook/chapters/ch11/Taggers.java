package rnnbook.chapters.ch11;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import rnnbook.models.Tagger;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.nn.Stacked;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Trainer;

/**
 * Chapter 11's recurrent taggers, their batches and their scores; {@link Tagging} runs them. A batch holds sentences
 * of one length, so no row is padded: {@link Stacked} runs its backward direction from the last step of the batch,
 * which is then every sentence's own last word.
 */
public final class Taggers {
    private Taggers() {
    }

    // tag::batches[]
    /** Sentences of one length, time-major as PyTorch's (seq, batch): words[t][b] are ids, tags[t][b] tag indices. */
    public record Batch(int[][] words, int[][] tags) {
        public int steps() {
            return words.length;
        }

        public int size() {
            return words[0].length;
        }
    }

    /** The sentences grouped by length and cut into batches of at most {@code size}, in an order shuffled by rng. */
    public static List<Batch> batches(List<Corpus.Sentence> sentences, Vocabulary vocabulary, int size, Random rng) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("batches: no sentences to batch");
        }
        Map<Integer, List<Corpus.Sentence>> byLength = new TreeMap<>();
        sentences.forEach(s -> byLength.computeIfAbsent(s.length(), n -> new ArrayList<>()).add(s));
        List<Batch> out = new ArrayList<>();
        for (List<Corpus.Sentence> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += size) {
                List<Corpus.Sentence> part = group.subList(from, Math.min(group.size(), from + size));
                int steps = part.get(0).length();
                int[][] words = new int[steps][part.size()];
                int[][] tags = new int[steps][part.size()];
                for (int b = 0; b < part.size(); b++) {
                    int[] ids = vocabulary.ids(part.get(b).words());
                    for (int t = 0; t < steps; t++) {
                        words[t][b] = ids[t];
                        tags[t][b] = part.get(b).tags()[t];
                    }
                }
                out.add(new Batch(words, tags));
            }
        }
        Collections.shuffle(out, rng);
        return out;
    }
    // end::batches[]

    // tag::tagger[]
    /**
     * The engine's {@link Tagger} with an embedding of each word id (E numbers), a one-layer LSTM read one way or
     * both ways (H units per direction) and a dense read-out of every step to 12 tag scores: logits
     * (seq * batch, 12) = head(lstm(embed(words))). A batch holds sentences of one length, so no row is padded and
     * no lengths are passed. Parameters: embed.weight, rnn.weight_ih_l0, ... (and ..._reverse), head.weight,
     * head.bias.
     */
    public record PosTagger(Tagger tagger) implements Module {
        public static PosTagger lstm(int vocabulary, int embedding, int hidden, boolean bidirectional, long seed) {
            Random rng = new Random(seed);
            Embedding embed = new Embedding(vocabulary, embedding, rng);
            Stacked rnn = Stacked.lstm(embedding, hidden, 1, 0.0, bidirectional, rng);
            return new PosTagger(new Tagger(embed, rnn, new Dense(rnn.outputSize(), UniversalTags.TAGS.size(), rng)));
        }

        public Stacked rnn() {
            return tagger.rnn();
        }

        /** Scores of the 12 tags for every word: row t * batch + b is word t of sentence b. */
        public Matrix logits(int[][] words) {
            return tagger.logits(words, null);
        }

        /** Mean cross-entropy over the batch's words, and backward through head, LSTM and embedding. */
        public double lossAndBackward(Batch batch) {
            return tagger.lossAndGradients(batch.words(), batch.tags(), null);
        }

        /** The best tag of every word of one sentence (its word ids). */
        public int[] tag(int[] ids) {
            if (ids.length == 0) {
                throw new IllegalArgumentException("tag: an empty sentence has no words to tag");
            }
            int[][] words = new int[ids.length][1];
            for (int t = 0; t < ids.length; t++) {
                words[t][0] = ids[t];
            }
            return argmaxRows(logits(words));
        }

        /** The tags of every sentence, computed in batches of one length, returned in the input's order. */
        public List<int[]> predict(Vocabulary vocabulary, List<Corpus.Sentence> sentences) {
            Map<Integer, List<Integer>> byLength = new TreeMap<>();
            for (int i = 0; i < sentences.size(); i++) {
                byLength.computeIfAbsent(sentences.get(i).length(), n -> new ArrayList<>()).add(i);
            }
            int[][] out = new int[sentences.size()][];
            for (List<Integer> group : byLength.values()) {
                int steps = sentences.get(group.get(0)).length();
                int[][] words = new int[steps][group.size()];
                for (int b = 0; b < group.size(); b++) {
                    int[] ids = vocabulary.ids(sentences.get(group.get(b)).words());
                    for (int t = 0; t < steps; t++) {
                        words[t][b] = ids[t];
                    }
                }
                int[] best = argmaxRows(logits(words));
                for (int b = 0; b < group.size(); b++) {
                    out[group.get(b)] = new int[steps];
                    for (int t = 0; t < steps; t++) {
                        out[group.get(b)][t] = best[t * group.size() + b];
                    }
                }
            }
            return List.of(out);
        }

        @Override
        public Map<String, Parameter> namedParameters() {
            return tagger.namedParameters();
        }
    }

    /** The column of the largest entry of every row. */
    public static int[] argmaxRows(Matrix m) {
        int[] out = new int[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 1; c < m.cols(); c++) {
                out[r] = m.get(r, c) > m.get(r, out[r]) ? c : out[r];
            }
        }
        return out;
    }
    // end::tagger[]

    // tag::training[]
    /** Adam (learning rate 0.005), clipping at norm 5, {@code epochs} passes over the batches in a new order each. */
    public static History train(PosTagger model, List<Batch> batches, int epochs, long seed) {
        if (epochs < 1 || batches.isEmpty()) {
            throw new IllegalArgumentException("train: need at least 1 epoch and 1 batch, got " + epochs
                    + " epochs and " + batches.size() + " batches");
        }
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.005)).clipGradNorm(5.0).quiet();
        var rng = new Random(seed);
        List<Batch> order = new ArrayList<>(batches);
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, rng);
            trainer.fit(order.size(), step -> model.lossAndBackward(order.get((step.step() - 1) % order.size())));
        }
        return trainer.history();
    }
    // end::training[]
}
