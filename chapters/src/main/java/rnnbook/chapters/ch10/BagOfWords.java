package rnnbook.chapters.ch10;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: logistic regression on a bag of n-grams. Text i becomes a sparse vector x_i with one entry per
 * distinct n-gram it contains, each 1/√k_i (k_i of them, so every text has length one); then
 * p_i = σ(w · x_i + b) and the loss is the mean of -[y_i ln p_i + (1 - y_i) ln(1 - p_i)] plus (λ/2)‖w‖²,
 * minimised by full-batch gradient descent: ∂/∂w = mean_i (p_i - y_i) x_i + λw, ∂/∂b = mean_i (p_i - y_i).
 * N-grams not seen in training are dropped.
 */
// tag::baseline[]
public final class BagOfWords {
    private final Map<String, Integer> features = new HashMap<>();
    private double[] w;
    private double b;

    /** Fits on {@code texts} (each a set of n-grams) with labels 0/1: {@code steps} steps of size {@code lr}. */
    public BagOfWords fit(List<Set<String>> texts, int[] labels, double lambda, int steps, double lr) {
        if (texts.isEmpty() || texts.size() != labels.length) {
            throw new IllegalArgumentException("BagOfWords.fit: need one label per text and at least one text, got "
                    + texts.size() + " texts and " + labels.length + " labels");
        }
        texts.forEach(t -> t.forEach(g -> features.putIfAbsent(g, features.size())));
        int[][] x = texts.stream().map(this::indices).toArray(int[][]::new);
        w = new double[features.size()];
        for (int step = 0; step < steps; step++) {
            double[] dw = new double[w.length];
            double db = 0;
            for (int i = 0; i < x.length; i++) {
                double error = probability(x[i]) - labels[i];          // p_i - y_i
                double value = 1 / Math.sqrt(Math.max(1, x[i].length));
                for (int j : x[i]) {
                    dw[j] += error * value / x.length;
                }
                db += error / x.length;
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= lr * (dw[j] + lambda * w[j]);
            }
            b -= lr * db;
        }
        return this;
    }

    /** p = σ(w · x + b) for a text's n-grams. */
    public double probability(Set<String> text) {
        return probability(indices(text));
    }

    private double probability(int[] x) {
        if (w == null) {
            throw new IllegalStateException("BagOfWords: fit before asking for a probability");
        }
        double z = b;
        for (int j : x) {
            z += w[j] / Math.sqrt(x.length);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The known n-grams of a text as feature indices. */
    private int[] indices(Set<String> text) {
        return text.stream().filter(features::containsKey).mapToInt(features::get).toArray();
    }

    /** The weight of one n-gram (0 when it was never seen). */
    public double weight(String ngram) {
        Integer j = features.get(ngram);
        return j == null ? 0 : w[j];
    }

    public int size() {
        return features.size();
    }
}
// end::baseline[]
