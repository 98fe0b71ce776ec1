package rnnbook.chapters.ch13;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import rnnbook.chapters.common.Show;
import rnnbook.chapters.ch13.Bleu;
import rnnbook.chapters.ch13.Captioner;
import rnnbook.chapters.ch13.Scenes;
import rnnbook.optim.Adam;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 13, captioning: an LSTM decoder started from a picture's features writes what the picture shows. */
public final class Captioning {
    private Captioning() {
    }

    // tag::nearest[]
    /** The baseline: the caption of the training picture whose features are nearest (Euclidean) to each row's. */
    public static List<String> nearestCaptions(Matrix trainFeatures, List<String> trainCaptions, Matrix features) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < features.rows(); i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < trainFeatures.rows(); j++) {
                double d = 0;
                for (int k = 0; k < features.cols(); k++) {
                    double diff = features.get(i, k) - trainFeatures.get(j, k);
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            out.add(trainCaptions.get(best));
        }
        return out;
    }

    /** Exact-match rate: the share of generated captions equal, word for word, to the true one. */
    public static double exactMatch(List<String> generated, List<String> truth) {
        int same = 0;
        for (int i = 0; i < truth.size(); i++) {
            same += generated.get(i).equals(truth.get(i)) ? 1 : 0;
        }
        return (double) same / truth.size();
    }

    /** Corpus BLEU up to n-grams of {@code n} words of generated captions against the true ones (split at spaces). */
    public static double corpusBleu(List<String> generated, List<String> truth, int n) {
        return Bleu.bleu(generated.stream().map(c -> List.of(c.split(" "))).toList(),
                truth.stream().map(c -> List.of(c.split(" "))).toList(), n);
    }
    // end::nearest[]

    public static void main(String[] args) {
        // tag::scenes[]
        Set<String> heldOutPairs = Set.of("blue triangle", "yellow circle", "green square");
        int trainScenes = Scale.current().pick(600, 3000);
        int testScenes = Scale.current().pick(100, 400);
        List<Scenes.Scene> train = Scenes.random(trainScenes, new Random(13), Scenes.pairs(heldOutPairs, false));
        List<Scenes.Scene> testSeen = Scenes.random(testScenes, new Random(14), Scenes.pairs(heldOutPairs, false));
        List<Scenes.Scene> testUnseen = Scenes.random(testScenes, new Random(15), Scenes.pairs(heldOutPairs, true));
        Matrix trainFeatures = Scenes.featureMatrix(train);
        List<String> trainCaptions = train.stream().map(Scenes.Scene::caption).toList();
        System.out.println("training pictures: " + train.size() + ", features each: " + trainFeatures.cols()
                + "; pairs never shown in training: " + heldOutPairs);
        for (int i = 0; i < 3; i++) {
            System.out.println("picture " + (i + 1) + ": " + trainCaptions.get(i));
        }
        Figures.show(Scenes.sheet(train.subList(0, 3)), Scenes.sheetSvg(train.subList(0, 3)),
                "caption-training-scenes");
        // end::scenes[]

        // tag::train[]
        int hidden = Scale.current().pick(48, 64);
        int steps = Scale.current().pick(500, 2500);
        int batchSize = 32;
        Captioner captioner = new Captioner(trainFeatures.cols(), 16, hidden, new Random(7));
        var captionRng = new Random(8);
        var captionTrainer = new Trainer(captioner, new Adam(captioner.parameters(), 0.01)).clipGradNorm(5).quiet();
        captionTrainer.fit(steps, step -> {
            int[] rows = captionRng.ints(batchSize, 0, train.size()).toArray();
            Matrix batch = Matrix.zeros(batchSize, trainFeatures.cols());
            int[][] captions = new int[batchSize][];
            for (int b = 0; b < batchSize; b++) {
                System.arraycopy(trainFeatures.data(), rows[b] * trainFeatures.cols(), batch.data(),
                        b * trainFeatures.cols(), trainFeatures.cols());
                captions[b] = captioner.encode(trainCaptions.get(rows[b]));
            }
            return captioner.lossAndGradients(batch, captions);
        });
        System.out.println(String.format("after %d steps of %d captions: cross-entropy per word %.3f (first step %.3f)",
                steps, batchSize, captionTrainer.history().last().loss(), captionTrainer.history().losses()[0]));
        // end::train[]

        // tag::evaluate[]
        int bleuOrder = 4;
        String bleuColumn = "BLEU-" + bleuOrder;
        Table captionScores = Table.create("Captions of held-out pictures: LSTM decoder against the nearest "
                        + "training picture's caption (" + testScenes + " pictures each)",
                StringColumn.create("pictures"), StringColumn.create("captioner"),
                Show.formatted(DoubleColumn.create("exact match"), "0.000"),
                Show.formatted(DoubleColumn.create(bleuColumn), "0.000"));
        List<String> unseenGenerated = List.of();
        for (boolean unseen : new boolean[] {false, true}) {
            List<Scenes.Scene> scenes = unseen ? testUnseen : testSeen;
            Matrix features = Scenes.featureMatrix(scenes);
            List<String> truth = scenes.stream().map(Scenes.Scene::caption).toList();
            List<String> generated = captioner.caption(features, 12);
            List<String> nearest = nearestCaptions(trainFeatures, trainCaptions, features);
            String which = unseen ? "unseen pairs " + heldOutPairs : "seen pairs";
            for (String model : List.of("LSTM decoder", "nearest neighbour")) {
                List<String> out = model.equals("LSTM decoder") ? generated : nearest;
                captionScores.stringColumn("pictures").append(which);
                captionScores.stringColumn("captioner").append(model);
                captionScores.doubleColumn("exact match").append(exactMatch(out, truth));
                captionScores.doubleColumn(bleuColumn).append(corpusBleu(out, truth, bleuOrder));
            }
            if (unseen) {
                unseenGenerated = generated;
            }
        }
        Figures.table(captionScores, "caption-scores");
        // end::evaluate[]

        // tag::unseen[]
        List<Scenes.Scene> shown = testUnseen.subList(0, 6);
        Table shownCaptions = Table.create("The six pictures above, of pairs never seen in training: true and "
                        + "generated captions", IntColumn.create("picture"), StringColumn.create("true caption"),
                StringColumn.create("LSTM decoder"));
        for (int i = 0; i < shown.size(); i++) {
            shownCaptions.intColumn("picture").append(i + 1);
            shownCaptions.stringColumn("true caption").append(shown.get(i).caption());
            shownCaptions.stringColumn("LSTM decoder").append(unseenGenerated.get(i));
        }
        Figures.show(Scenes.sheet(shown), Scenes.sheetSvg(shown), "caption-unseen-scenes");
        // end::unseen[]

        // tag::unseen-table[]
        Figures.table(shownCaptions, "caption-unseen");
        // end::unseen-table[]
    }
}
