package rnnbook.chapters.ch05;

import rnnbook.chapters.ch05.KoreanGap;
import rnnbook.chapters.ch05.LstmGates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.HeatMapChart;
import rnnbook.data.Vocabulary;
import rnnbook.models.ManyToOne;
import rnnbook.nn.Dense;
import rnnbook.nn.LstmCell;
import rnnbook.nn.Sequences;
import rnnbook.nn.Step;
import rnnbook.tensor.Matrix;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;

/** Chapter 5, what the gates do: forget, input and output gates of a trained LSTM over one Korean sentence. */
public final class GateHeatmaps {
    private GateHeatmaps() {
    }

    // tag::gate-rows[]
    /** The gate's values over time, one row per unit in {@code units}: rows (units), columns (time steps). */
    public static double[][] gateOverTime(List<Step> steps, String gate, int[] units) {
        if (!List.of("forget", "input", "output").contains(gate)) {
            throw new IllegalArgumentException("gate must be forget, input or output, got " + gate);
        }
        double[][] rows = new double[units.length][steps.size()];
        for (int t = 0; t < steps.size(); t++) {
            LstmCell.LstmStep s = (LstmCell.LstmStep) steps.get(t);
            var values = gate.equals("forget") ? s.forget() : gate.equals("input") ? s.input() : s.output();
            for (int r = 0; r < units.length; r++) {
                rows[r][t] = values.get(0, units[r]);
            }
        }
        return rows;
    }
    // end::gate-rows[]

    public static void main(String[] args) {
        // tag::train[]
        Vocabulary chars = KoreanGap.koreanVocabulary();
        int heatGap = 16;
        int width = 16;
        var gateModel = new ManyToOne(LstmGates.withInputBias(
                LstmGates.withForgetBias(new LstmCell(chars.size(), width, new Random(41)), 3), -2),
                new Dense(width, KoreanGap.speakers().length, new Random(41)));
        double heatAccuracy = KoreanGap.trainKorean(gateModel, chars, heatGap, Scale.current().pick(300, 600), 51);
        System.out.println("test accuracy at a gap of " + heatGap + ": " + heatAccuracy);
        // end::train[]

        // tag::read[]
        String text = KoreanGap.sentence(1, heatGap, new Random(7));   // a Japanese speaker
        int[] ids = chars.encode(text);
        Matrix[] oneSentence = new Matrix[ids.length];   // (length, batch 1, vocabulary)
        for (int t = 0; t < ids.length; t++) {
            oneSentence[t] = Sequences.oneHot(new int[] {ids[t]}, chars.size());
        }
        int predicted = gateModel.logits(oneSentence).argmaxRows()[0];
        var pass = gateModel.rnn().forward(oneSentence);   // again, to keep this pass's steps
        List<String> characters = new ArrayList<>();
        text.codePoints().forEach(cp -> characters.add(cp == ' ' ? "_" : new String(Character.toChars(cp))));
        System.out.println(text + "→ predicted: " + KoreanGap.speakers()[predicted][1]);
        int[] shown = {0, 1, 2, 3, 4, 5, 6, 7};
        List<String> unitNames = new ArrayList<>();
        for (int u : shown) {
            unitNames.add("unit " + u);
        }
        // end::read[]

        // tag::forget-map[]
        HeatMapChart forgetMap = Charts.heatmap("Forget gate f_t over the sentence", "character",
                "unit", gateOverTime(pass.steps(), "forget", shown), characters, unitNames);
        Figures.show(forgetMap, "gates-forget");
        // end::forget-map[]

        // tag::input-map[]
        HeatMapChart inputMap = Charts.heatmap("Input gate i_t over the sentence", "character",
                "unit", gateOverTime(pass.steps(), "input", shown), characters, unitNames);
        Figures.show(inputMap, "gates-input");
        // end::input-map[]

        // tag::output-map[]
        HeatMapChart outputMap = Charts.heatmap("Output gate o_t over the sentence", "character",
                "unit", gateOverTime(pass.steps(), "output", shown), characters, unitNames);
        Figures.show(outputMap, "gates-output");
        // end::output-map[]
    }
}
