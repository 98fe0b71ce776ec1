package rnnbook.chapters.ch08;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.models.Tagger;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.Stacked;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.History;
import rnnbook.train.Trainer;

/**
 * Chapter 8's synthetic tagging language and the tagger trained on it; {@link FutureContext} and {@link Depth}
 * show and run it. Words 0-3 are nouns, 4-7 verbs, 8-11 ambiguous (their tag comes from the plain words around
 * them), 12 is padding. Tags: 0 noun, 1 verb; padding is tagged {@link SoftmaxCrossEntropy#DEFAULT_IGNORE_INDEX}
 * so that neither the loss nor the accuracy counts it.
 */
public final class Tagging {
    private Tagging() {
    }

    // tag::language[]
    public static final int NOUN = 0, VERB = 1, PAD = 12, VOCABULARY = 13;
    public static final int IGNORE = SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX;   // the tag of a padding position

    /** Nouns are words 0-3, verbs 4-7: their tag is their class. Words 8-11 are ambiguous. */
    public static boolean ambiguous(int word) {
        return word >= 8 && word < PAD;
    }

    /**
     * The tags of one sentence. A plain word is tagged by its class. An ambiguous word is tagged by the nearest plain
     * word to its right (a noun before a verb, a verb before a noun) or, when {@code bothSides}, by whether the
     * nearest plain words on its left and right agree (both nouns or both verbs: noun; else verb).
     */
    public static int[] tags(int[] words, boolean bothSides) {
        int[] tags = new int[words.length];
        for (int t = 0; t < words.length; t++) {
            if (!ambiguous(words[t])) {
                tags[t] = words[t] < 4 ? NOUN : VERB;
                continue;
            }
            int right = t + 1;
            while (ambiguous(words[right])) {
                right++;
            }
            int rightClass = words[right] < 4 ? NOUN : VERB;
            if (!bothSides) {
                tags[t] = rightClass == VERB ? NOUN : VERB;
            } else {
                int left = t - 1;
                while (ambiguous(words[left])) {
                    left--;
                }
                tags[t] = (words[left] < 4 ? NOUN : VERB) == rightClass ? NOUN : VERB;
            }
        }
        return tags;
    }

    /**
     * A random sentence of {@code length} words: the first and last are plain (so every ambiguous word has a plain
     * word on each side), each word between is ambiguous with probability one half.
     */
    public static int[] sentence(int length, Random rng) {
        if (length < 2) {
            throw new IllegalArgumentException("sentence: a sentence needs at least 2 words (a plain word at each end),"
                    + " got length " + length);
        }
        int[] words = new int[length];
        for (int t = 0; t < length; t++) {
            boolean end = t == 0 || t == length - 1;
            words[t] = !end && rng.nextBoolean() ? 8 + rng.nextInt(4) : rng.nextInt(8);
        }
        return words;
    }
    // end::language[]

    // tag::batch[]
    /**
     * Sentences padded to the longest, time-major as PyTorch's (seq, batch): words[t][b], tags[t][b], and each
     * sentence's own length, lengths[b] (the steps the recurrent layers read of row b).
     */
    public record Batch(int[][] words, int[][] tags, int[] lengths) {
        public int steps() {
            return words.length;
        }

        public int size() {
            return words[0].length;
        }
    }

    /** Pads {@code sentences} with {@link #PAD} (tag {@link #IGNORE}) to the longest and lays them out by time. */
    public static Batch batch(List<int[]> sentences, boolean bothSides) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("batch: need at least one sentence, got none");
        }
        int longest = sentences.stream().mapToInt(s -> s.length).max().getAsInt();
        int[][] words = new int[longest][sentences.size()];
        int[][] tags = new int[longest][sentences.size()];
        int[] lengths = new int[sentences.size()];
        for (int b = 0; b < sentences.size(); b++) {
            int[] s = sentences.get(b);
            lengths[b] = s.length;
            int[] tagged = tags(s, bothSides);
            for (int t = 0; t < longest; t++) {
                words[t][b] = t < s.length ? s[t] : PAD;
                tags[t][b] = t < s.length ? tagged[t] : IGNORE;
            }
        }
        return new Batch(words, tags, lengths);
    }

    /** {@code n} random sentences with lengths drawn uniformly from [minLength, maxLength]. */
    public static List<int[]> corpus(int n, int minLength, int maxLength, Random rng) {
        if (n < 1 || minLength < 2 || maxLength < minLength) {
            throw new IllegalArgumentException("corpus: need n >= 1 and 2 <= minLength <= maxLength, got n = " + n
                    + ", lengths " + minLength + ".." + maxLength);
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sentence(minLength + rng.nextInt(maxLength - minLength + 1), rng));
        }
        return out;
    }
    // end::batch[]

    // tag::tagger[]
    /**
     * The engine's {@link Tagger} for this language: an embedding (13 words, 8 numbers each), a {@link Stacked} GRU
     * (one or two directions, any depth) that reads each sentence up to its own length, and a dense read-out of
     * every step: logits (seq * batch, 2) = head(rnn(embed(words), lengths)). Parameters are named embed.weight,
     * rnn.weight_ih_l0, ..., head.weight.
     */
    public static Tagger gruTagger(int hidden, int layers, double dropout, boolean bidirectional, long seed) {
        Random rng = new Random(seed);
        Embedding embed = new Embedding(VOCABULARY, 8, rng);
        Stacked rnn = Stacked.gru(8, hidden, layers, dropout, bidirectional, rng);
        return new Tagger(embed, rnn, new Dense(rnn.outputSize(), 2, rng));
    }
    // end::tagger[]

    // tag::score[]
    /** Accuracy over real words, over the ambiguous ones, and what counting padding as right would claim. */
    public record Score(double realWords, double ambiguousWords, double withPadding) {
    }

    public static Score score(Tagger model, Batch test) {
        model.rnn().eval();                        // no dropout while measuring
        Matrix logits = model.logits(test.words(), test.lengths());
        int right = 0, real = 0, ambiguousRight = 0, ambiguousSeen = 0, padding = 0;
        for (int t = 0; t < test.steps(); t++) {
            for (int b = 0; b < test.size(); b++) {
                int row = t * test.size() + b;
                int guess = logits.get(row, VERB) > logits.get(row, NOUN) ? VERB : NOUN;
                if (test.tags()[t][b] == IGNORE) {
                    padding++;                     // not a word: it counts for nothing
                    continue;
                }
                boolean ok = guess == test.tags()[t][b];
                real++;
                right += ok ? 1 : 0;
                if (ambiguous(test.words()[t][b])) {
                    ambiguousSeen++;
                    ambiguousRight += ok ? 1 : 0;
                }
            }
        }
        model.rnn().train();
        return new Score((double) right / real, (double) ambiguousRight / ambiguousSeen,
                (double) (right + padding) / (real + padding));
    }

    /** Adam (0.01), batches of 32 drawn from {@code train}, clipping at norm 1; returns the loss per step. */
    public static History train(Tagger model, List<int[]> train, boolean bothSides, int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("train: need at least 1 step, got " + steps);
        }
        var trainer = new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(1.0).quiet();
        var rng = new Random(seed);
        return trainer.fit(steps, step -> {
            List<int[]> picked = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                picked.add(train.get(rng.nextInt(train.size())));
            }
            Batch b = batch(picked, bothSides);
            return model.lossAndGradients(b.words(), b.tags(), b.lengths());   // forward, loss, backward
        });
    }
    // end::score[]
}
