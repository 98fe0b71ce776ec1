package rnnbook.chapters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every chapter page and the programs that draw its figures, in page order. {@link BuildFigures} runs them for
 * the site; the tests run them at CI scale; a test checks that every program under {@code chNN} is listed here.
 */
public final class Chapters {
    private Chapters() {
    }

    /** Chapter slug (the page's file name without {@code .adoc}) to its programs, each with a {@code main}. */
    public static final Map<String, List<Class<?>>> PROGRAMS = programs();

    private static Map<String, List<Class<?>>> programs() {
        Map<String, List<Class<?>>> m = new LinkedHashMap<>();
        m.put("01-sequences", List.of(
                rnnbook.chapters.ch01.SequentialData.class,
                rnnbook.chapters.ch01.DenseVsRnn.class,
                rnnbook.chapters.ch01.IoConfigs.class));
        m.put("02-the-cell", List.of(
                rnnbook.chapters.ch02.HiddenState.class,
                rnnbook.chapters.ch02.CellByHand.class,
                rnnbook.chapters.ch02.MemoryDecay.class,
                rnnbook.chapters.ch02.Unrolling.class,
                rnnbook.chapters.ch02.ForwardPass.class,
                rnnbook.chapters.ch02.Activations.class,
                rnnbook.chapters.ch02.WeightSharing.class));
        m.put("03-training", List.of(
                rnnbook.chapters.ch03.SoftmaxCe.class,
                rnnbook.chapters.ch03.Bptt.class,
                rnnbook.chapters.ch03.UpdateRules.class,
                rnnbook.chapters.ch03.TruncatedWindows.class,
                rnnbook.chapters.ch03.GradientChecks.class));
        m.put("04-gradients", List.of(
                rnnbook.chapters.ch04.GradientFlow.class,
                rnnbook.chapters.ch04.Clipping.class,
                rnnbook.chapters.ch04.LongTermDependency.class));
        m.put("05-lstm", List.of(
                rnnbook.chapters.ch05.LstmGates.class,
                rnnbook.chapters.ch05.Adding.class,
                rnnbook.chapters.ch05.KoreanGap.class,
                rnnbook.chapters.ch05.ForgetBias.class,
                rnnbook.chapters.ch05.GateHeatmaps.class));
        m.put("06-gru", List.of(
                rnnbook.chapters.ch06.GruStep.class,
                rnnbook.chapters.ch06.ParameterCounts.class,
                rnnbook.chapters.ch06.GruVsLstm.class));
        m.put("07-variants", List.of(
                rnnbook.chapters.ch07.GreffAblation.class,
                rnnbook.chapters.ch07.Clockwork.class,
                rnnbook.chapters.ch07.Sliced.class));
        m.put("08-deep-and-bidirectional", List.of(
                rnnbook.chapters.ch08.FutureContext.class,
                rnnbook.chapters.ch08.TwoDirections.class,
                rnnbook.chapters.ch08.Depth.class));
        m.put("09-language-models", List.of(
                rnnbook.chapters.ch09.Perplexity.class,
                rnnbook.chapters.ch09.OneHotVsLookup.class,
                rnnbook.chapters.ch09.MobyDickLstm.class,
                rnnbook.chapters.ch09.Names.class,
                rnnbook.chapters.ch09.KoreanChars.class,
                rnnbook.chapters.ch09.SotuWords.class));
        m.put("10-classification-and-forecasting", List.of(
                rnnbook.chapters.ch10.Sentiment.class,
                rnnbook.chapters.ch10.Spam.class,
                rnnbook.chapters.ch10.Forecasts.class));
        m.put("11-tagging", List.of(
                rnnbook.chapters.ch11.Mapping.class,
                rnnbook.chapters.ch11.Tagging.class));
        m.put("12-seq2seq-and-attention", List.of(
                rnnbook.chapters.ch12.G2p.class,
                rnnbook.chapters.ch12.Dates.class));
        m.put("13-generation", List.of(
                rnnbook.chapters.ch13.Captioning.class,
                rnnbook.chapters.ch13.Music.class));
        return java.util.Collections.unmodifiableMap(m);
    }
}
