package rnnbook.chapters.ch05;

import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import rnnbook.chapters.common.Show;
import rnnbook.chapters.ch05.KoreanGap;
import rnnbook.chapters.ch05.LstmGates;
import rnnbook.data.Vocabulary;
import rnnbook.models.ManyToOne;
import rnnbook.nn.Dense;
import rnnbook.nn.LstmCell;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 5, the forget gate's bias: PyTorch's 0 against 1 (and 3) on the Korean task, over seeds. */
public final class ForgetBias {
    private ForgetBias() {
    }

    public static void main(String[] args) {
        // tag::compare[]
        int biasGap = 30;
        int runs = Scale.current().pick(1, 3);
        int biasSteps = Scale.current().pick(300, 600);
        Vocabulary letters = KoreanGap.koreanVocabulary();
        double solvedAbove = 0.9;
        String aboveColumn = "runs above " + solvedAbove;
        int outputs = KoreanGap.speakers().length;
        double startInput = -2;   // the input gate's bias, as in the Korean sweep; only the forget bias changes
        Table biasTable = Table.create("Forget-gate bias: accuracy after " + biasSteps + " steps at a gap of "
                        + biasGap + " characters (input bias " + startInput + ")", StringColumn.create("forget bias b_f"),
                Show.formatted(DoubleColumn.create("σ(b_f)"), "0.00"), StringColumn.create(aboveColumn),
                Show.formatted(DoubleColumn.create("mean accuracy"), "0.000"));
        XYChart biasChart = Charts.xy("Accuracy by forget bias, gap " + biasGap,
                "forget-gate bias b_f", "test accuracy");
        double[] biasValues = {0, 1, 3};
        double[] xs = new double[biasValues.length * runs];
        double[] ys = new double[biasValues.length * runs];
        for (int k = 0; k < biasValues.length; k++) {
            double sum = 0;
            int above = 0;
            for (int seed = 0; seed < runs; seed++) {
                var model = new ManyToOne(LstmGates.withInputBias(LstmGates.withForgetBias(
                        new LstmCell(letters.size(), 16, new Random(90 + seed)), biasValues[k]), startInput),
                        new Dense(16, outputs, new Random(90 + seed)));
                double accuracy = KoreanGap.trainKorean(model, letters, biasGap, biasSteps, 95 + seed);
                xs[k * runs + seed] = biasValues[k];
                ys[k * runs + seed] = accuracy;
                sum += accuracy;
                above += accuracy > solvedAbove ? 1 : 0;
            }
            biasTable.stringColumn("forget bias b_f").append(String.valueOf(biasValues[k]));
            biasTable.doubleColumn("σ(b_f)").append(1 / (1 + Math.exp(-biasValues[k])));
            biasTable.stringColumn(aboveColumn).append(above + " of " + runs);
            biasTable.doubleColumn("mean accuracy").append(sum / runs);
        }
        biasChart.addSeries("single runs", xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        Charts.referenceLine(biasChart, "chance (1 in " + outputs + ")", 1.0 / outputs);
        Figures.table(biasTable, "forget-bias");
        Figures.show(biasChart, "forget-bias-runs");
        // end::compare[]
    }
}
