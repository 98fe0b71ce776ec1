package rnnbook.chapters.ch13;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import rnnbook.chapters.common.Show;
import rnnbook.chapters.ch13.Melodies;
import rnnbook.chapters.ch13.MelodyModel;
import rnnbook.chapters.ch13.NoteMarkov;
import rnnbook.data.sets.BlupiMusic;
import rnnbook.optim.Adam;
import rnnbook.train.Scale;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import rnnbook.viz.Sounds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 13, music: an LSTM learns melodies from MIDI files, writes one of its own, and the JDK plays it. */
public final class Music {
    private Music() {
    }

    // tag::histograms[]
    /** The share of every value lo..hi among {@code values} (values outside are clamped to the ends). */
    public static double[] histogram(int[] values, int lo, int hi) {
        double[] h = new double[hi - lo + 1];
        for (int v : values) {
            h[Math.max(lo, Math.min(hi, v)) - lo] += 1.0 / values.length;
        }
        return h;
    }

    /** Steps between neighbouring notes, in semitones. */
    public static int[] intervals(int[] pitches) {
        int[] d = new int[Math.max(0, pitches.length - 1)];
        for (int t = 1; t < pitches.length; t++) {
            d[t - 1] = pitches[t] - pitches[t - 1];
        }
        return d;
    }

    /** Total variation distance, half the summed absolute difference of two histograms: 0 same, 1 disjoint. */
    public static double distance(double[] p, double[] q) {
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d += Math.abs(p[i] - q[i]) / 2;
        }
        return d;
    }
    // end::histograms[]

    public static void main(String[] args) {
        // tag::load[]
        List<BlupiMusic.Song> songs = BlupiMusic.songs();
        int heldOutSongs = Math.max(1, songs.size() / 5);
        List<int[]> trainMelodies = new ArrayList<>();
        List<int[]> testMelodies = new ArrayList<>();
        for (int i = 0; i < songs.size(); i++) {
            int[] pitches = Melodies.pitches(Melodies.melody(songs.get(i).sequence(), songs.get(i).file()));
            (i < songs.size() - heldOutSongs ? trainMelodies : testMelodies).add(pitches);
            System.out.println(songs.get(i).file().replaceFirst(".*/", "") + ": " + pitches.length
                    + " melody notes" + (i < songs.size() - heldOutSongs ? "" : " (held out)"));
        }
        int[] testMelody = testMelodies.get(0);
        System.out.println("first notes of the held-out melody: "
                + java.util.Arrays.toString(java.util.Arrays.copyOf(testMelody, 12)));
        // end::load[]

        // tag::train[]
        int window = Scale.current().pick(24, 64);
        int melodySteps = Scale.current().pick(250, 600);
        int melodyHidden = Scale.current().pick(32, 48);
        double alpha = 0.01;
        int transpose = Scale.current().pick(0, 6);   // training windows move up or down by up to this many semitones
        NoteMarkov markov = new NoteMarkov(trainMelodies, alpha);
        MelodyModel melodyModel = new MelodyModel(16, melodyHidden, new Random(21));
        var melodyRng = new Random(22);
        List<int[]> long_ = trainMelodies.stream().filter(m -> m.length > window + 1).toList();
        new Trainer(melodyModel, new Adam(melodyModel.parameters(), 0.01)).clipGradNorm(5).quiet()
                .fit(melodySteps, step -> {
                    int[][] windows = new int[16][];
                    for (int b = 0; b < windows.length; b++) {
                        int[] m = long_.get(melodyRng.nextInt(long_.size()));
                        int from = melodyRng.nextInt(m.length - window);
                        int shift = melodyRng.nextInt(2 * transpose + 1) - transpose;   // the same tune, another key
                        windows[b] = java.util.Arrays.stream(m, from, from + window + 1)
                                .map(p -> Math.max(0, Math.min(127, p + shift))).toArray();
                    }
                    return melodyModel.lossAndGradients(windows);
                });
        Table melodyScores = Table.create("Negative log-likelihood per note (nats), lower is better: LSTM ("
                        + melodyHidden + " units, " + melodySteps + " steps, keys shifted by up to " + transpose
                        + " semitones) against a first-order Markov chain "
                        + "(alpha = " + alpha + ")", StringColumn.create("melodies"),
                Show.formatted(DoubleColumn.create("Markov chain"), "0.000"),
                Show.formatted(DoubleColumn.create("LSTM"), "0.000"));
        for (String which : List.of("training", "held out")) {
            List<int[]> melodies = which.equals("training") ? trainMelodies : testMelodies;
            melodyScores.stringColumn("melodies").append(which);
            melodyScores.doubleColumn("Markov chain").append(markov.nllPerNote(melodies));
            melodyScores.doubleColumn("LSTM").append(melodyModel.nllPerNote(melodies));
        }
        Figures.table(melodyScores, "melody-nll");
        // end::train[]

        // tag::generate[]
        int notes = 48;
        int[] generated = melodyModel.sample(testMelody[0], notes, 1.0, new Random(23));
        Path folder = Melodies.outputFolder();
        Melodies.writeMidi(generated, 0, folder.resolve("lstm-melody.mid"));
        double seconds = Melodies.renderWav(folder.resolve("lstm-melody.mid"), folder.resolve("lstm-melody.wav"));
        System.out.println("generated from the seed note " + testMelody[0] + ": "
                + java.util.Arrays.toString(generated));
        System.out.println(String.format("saved lstm-melody.mid and lstm-melody.wav (%.1f s of audio) in %s", seconds,
                folder.getFileName()));
        double clipSeconds = Math.min(seconds, notes * 0.25 + 1);   // an eighth is 0.25 s; the last note rings on
        System.out.println(String.format("the notebook's player holds the first %.1f s of lstm-melody.wav: all %d notes",
                clipSeconds, notes));
        Sounds.play(folder.resolve("lstm-melody.wav"), clipSeconds);   // a notebook shows this value as a player
        // end::generate[]

        // tag::piano-roll[]
        XYChart roll = Charts.xy("Piano roll: " + notes + " notes of the held-out melody and of the LSTM's, "
                + "from the same first note", "note (eighths)", "MIDI pitch");
        Map<String, int[]> rolls = new LinkedHashMap<>();
        rolls.put("held-out melody", java.util.Arrays.copyOf(testMelody, Math.min(notes, testMelody.length)));
        rolls.put("LSTM", generated);
        for (Map.Entry<String, int[]> r : rolls.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int t = 0; t < r.getValue().length; t++) {   // one bar per note, a gap between notes
                x.addAll(List.of(t + 0.05, t + 0.95, t + 0.95));
                y.addAll(List.of((double) r.getValue()[t], (double) r.getValue()[t], Double.NaN));
            }
            roll.addSeries(r.getKey(), x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        Figures.show(roll, "melody-piano-roll");
        // end::piano-roll[]

        // tag::compare[]
        int[] training = trainMelodies.stream().flatMapToInt(java.util.Arrays::stream).toArray();
        int long_Sample = Scale.current().pick(300, 2000);
        int[] lstmLong = melodyModel.sample(testMelody[0], long_Sample, 1.0, new Random(24));
        int[] markovLong = markov.sample(testMelody[0], long_Sample, new Random(24));
        int maxStep = 12;
        Map<String, double[]> intervalShares = new LinkedHashMap<>();
        Table histogramDistances = Table.create("How far the generated melodies' histograms are from the training "
                        + "melodies' (total variation distance, " + long_Sample + " generated notes each)",
                StringColumn.create("generator"), Show.formatted(DoubleColumn.create("pitches"), "0.000"),
                Show.formatted(DoubleColumn.create("intervals"), "0.000"));
        double[] trainingPitches = histogram(training, 0, 127);
        intervalShares.put("training melodies", histogram(intervals(training), -maxStep, maxStep));
        for (String generator : List.of("LSTM", "Markov chain")) {
            int[] melody = generator.equals("LSTM") ? lstmLong : markovLong;
            intervalShares.put(generator, histogram(intervals(melody), -maxStep, maxStep));
            histogramDistances.stringColumn("generator").append(generator);
            histogramDistances.doubleColumn("pitches").append(distance(trainingPitches, histogram(melody, 0, 127)));
            histogramDistances.doubleColumn("intervals").append(distance(intervalShares.get("training melodies"),
                    intervalShares.get(generator)));
        }
        Figures.table(histogramDistances, "melody-histograms");
        // end::compare[]

        // tag::intervals[]
        double[] intervalAxis = java.util.stream.IntStream.rangeClosed(-maxStep, maxStep).asDoubleStream().toArray();
        Figures.show(Charts.lines("Steps between neighbouring notes: training melodies and generated ones",
                "interval (semitones, clamped to ±" + maxStep + ")", "share of steps", intervalAxis, intervalShares),
                "melody-intervals");
        // end::intervals[]
    }
}
