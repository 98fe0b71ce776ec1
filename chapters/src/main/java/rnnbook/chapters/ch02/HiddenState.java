package rnnbook.chapters.ch02;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import rnnbook.chapters.common.Show;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import rnnbook.data.Vocabulary;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;

/** Chapter 2, the hidden state as memory: traced character by character over a Korean sentence. */
public final class HiddenState {
    private HiddenState() {
    }

    public static void main(String[] args) {
        // tag::trace[]
        String sentence = "나는 한국 사람이야 ... 나는 한국어를 잘해";
        String other = "너는 한국 사람이야 ... 나는 한국어를 잘해";   // only the first character differs
        var vocab = Vocabulary.of(sentence + other);   // one id per distinct character (code point)
        // step t is a one-hot row: all zeros except a 1 at the id of the t-th character
        Matrix[] oneHots = Arrays.stream(vocab.encode(sentence))
                .mapToObj(id -> Sequences.oneHot(new int[] {id}, vocab.size())).toArray(Matrix[]::new);
        var traceCell = new RnnCell(vocab.size(), 8, new Random(11));
        Matrix[] hs = new Recurrent(traceCell).forward(oneHots).outputs();
        for (int t = 0; t < hs.length; t++) {
            int cp = sentence.codePointAt(sentence.offsetByCodePoints(0, t));
            System.out.printf("t=%2d '%s'  h = %s%n", t, Character.toString(cp), Show.rounded(hs[t], 2));
        }
        // end::trace[]

        // tag::heatmap[]
        List<String> stepLabels = new ArrayList<>();
        int[] cps = sentence.codePoints().toArray();
        for (int t = 0; t < cps.length; t++) {
            stepLabels.add(cps[t] == ' ' ? "␣" : Character.toString(cps[t]));
        }
        double[][] units = new double[traceCell.hiddenSize()][hs.length];   // row j: hidden unit j at every step
        for (int j = 0; j < units.length; j++) {
            for (int t = 0; t < hs.length; t++) {
                units[j][t] = hs[t].get(0, j);
            }
        }
        HeatMapChart heat = Charts.signedHeatmap("Hidden state h_t, unit by unit, as the sentence is read",
                "character read at step t", "hidden unit", units, stepLabels, null);
        Figures.show(heat, "hidden-state-trace");
        // end::heatmap[]

        // tag::first-character[]
        // Change only the first character: how far apart are the two memories at each later step?
        Matrix[] oneHotsOther = Arrays.stream(vocab.encode(other))
                .mapToObj(id -> Sequences.oneHot(new int[] {id}, vocab.size())).toArray(Matrix[]::new);
        Matrix[] hsOther = new Recurrent(traceCell).forward(oneHotsOther).outputs();
        double[] step = new double[hs.length];
        double[] distance = new double[hs.length];
        for (int t = 0; t < hs.length; t++) {
            step[t] = t;
            distance[t] = hs[t].sub(hsOther[t]).norm();
        }
        XYChart apart = Charts.xy("‖h_t − h'_t‖ for two sentences that differ only in the first character",
                "step t", "distance (log scale)");
        apart.addSeries("distance between the two hidden states", step, Arrays.stream(distance).map(Math::log10).toArray());
        Charts.powersOfTen(apart);
        System.out.printf("distance after the first step %.3f, at the last step %.2e%n", distance[0],
                distance[hs.length - 1]);
        Figures.show(apart, "hidden-state-first-character");
        // end::first-character[]
    }
}
