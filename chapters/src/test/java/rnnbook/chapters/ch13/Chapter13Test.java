package rnnbook.chapters.ch13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.data.sets.BlupiMusic;
import rnnbook.data.sets.DataSetException;
import rnnbook.optim.Adam;
import rnnbook.train.Trainer;

class Chapter13Test {

    private static List<List<String>> words(String... sentences) {
        return java.util.Arrays.stream(sentences).map(s -> List.of(s.split(" "))).toList();
    }

    @Test
    void bleuFollowsTheHandWorkedExamples() {
        assertEquals(1.0, Bleu.bleu(words("a b c d"), words("a b c d"), 4), 1e-12, "identical: every p_n = 1");
        // clipping: "the" counts at most once, p_1 = 1/4; BP = 1 (4 words each)
        assertEquals(0.25, Bleu.bleu(words("the the the the"), words("the cat is here"), 1), 1e-12);
        assertEquals(0.0, Bleu.bleu(words("the the the the"), words("the cat is here"), 2), 0.0, "p_2 = 0");
        // brevity: p_1 = p_2 = 1, c = 2, r = 4, BP = exp(1 - 4/2)
        assertEquals(Math.exp(-1), Bleu.bleu(words("a b"), words("a b c d"), 2), 1e-12);
        // corpus level: p_1 = (2 + 2) / (3 + 2), p_2 = (1 + 1) / (2 + 1), BP = 1
        assertEquals(Math.sqrt(0.8 * 2 / 3), Bleu.bleu(words("a b c", "x y"), words("a b d", "x y"), 2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Bleu.bleu(words("a"), words("a", "b"), 4));
        assertThrows(IllegalArgumentException.class, () -> Bleu.bleu(words("a"), words("a"), 0));
    }

    @Test
    void theMarkovChainCountsAndSmoothsAsWorkedByHand() {
        NoteMarkov m = new NoteMarkov(List.of(new int[] {60, 62, 60, 62}), 1);
        // 60 -> 62 twice, 62 -> 60 once: p(62 | 60) = (2 + 1) / (2 + 128), p(60 | 62) = (1 + 1) / (1 + 128)
        assertEquals(3.0 / 130, m.probability(60, 62), 1e-15);
        assertEquals(1.0 / 130, m.probability(60, 61), 1e-15);
        assertEquals(-(Math.log(3.0 / 130) + Math.log(2.0 / 129)) / 2, m.nllPerNote(List.of(new int[] {60, 62, 60})),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.nllPerNote(List.of(new int[] {60})));
        assertThrows(IllegalArgumentException.class, () -> new NoteMarkov(List.of(), 0));
    }

    private static void note(Track t, int channel, int pitch, long at, long length) throws Exception {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 80), at));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), at + length));
    }

    @Test
    void theMelodyIsTheHighMostlySingleVoiceWithoutDrums() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 4);
        Track t = seq.createTrack();
        for (int i = 0; i < 60; i++) {
            note(t, 0, 48, 4L * i, 4);              // a low chord on every beat
            note(t, 0, 52, 4L * i, 4);
            note(t, 1, 72 + i % 5, 4L * i, 2);      // the tune, one note at a time
            note(t, 9, 81, 4L * i, 1);              // drums ("pitch" 81: a triangle), highest of all
        }
        note(t, 1, 70, 4L * 60, 2);
        note(t, 1, 65, 4L * 60, 2);                 // a last chord in the tune: its top note stays
        List<Melodies.Note> melody = Melodies.melody(seq, "made.mid");
        assertEquals(61, melody.size());
        assertEquals(72, melody.get(0).pitch());
        assertEquals(new Melodies.Note(70, 240, 2), melody.get(60));
        Sequence drums = new Sequence(Sequence.PPQ, 4);
        note(drums.createTrack(), 9, 36, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Melodies.melody(drums, "drums.mid"));
        assertEquals("drums.mid holds no notes outside the drum channel: an empty melody", e.getMessage());
    }

    @Test
    void anUnreadableMidiFileAndAnEmptyMelodyAreRefusedByName(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.mid"), "RIFF this is not a MIDI file");
        DataSetException e = assertThrows(DataSetException.class, () -> Melodies.read(bad));
        assertTrue(e.getMessage().contains("broken.mid is not a readable Standard MIDI File"), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Melodies.writeMidi(new int[0], 0, dir.resolve("x.mid")));
        assertTrue(empty.getMessage().startsWith("an empty melody"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Captioner(5, 4, 4, new Random(1)).encode("a purple cat"));
    }

    @Test
    @Timeout(60)
    void aWrittenMelodyReadsBackAndTheSynthesizerMakesSoundOfTheRightLength(@TempDir Path dir) throws Exception {
        int[] pitches = {60, 64, 67, 72, 67, 64, 60, 55};
        Melodies.writeMidi(pitches, 0, dir.resolve("m.mid"));
        List<Melodies.Note> back = Melodies.melody(Melodies.read(dir.resolve("m.mid")), "m.mid");
        assertEquals(List.of(60, 64, 67, 72, 67, 64, 60, 55), back.stream().map(Melodies.Note::pitch).toList());
        double seconds = Melodies.renderWav(dir.resolve("m.mid"), dir.resolve("m.wav"));
        assertTrue(seconds >= pitches.length * 0.25 && seconds < pitches.length * 0.25 + 6,
                "8 eighth notes at 120 bpm last 2 s (plus the synthesizer's release): " + seconds);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(dir.resolve("m.wav").toFile())) {
            byte[] pcm = in.readAllBytes();
            int loudest = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 255) | (pcm[i + 1] << 8))));
            }
            assertTrue(loudest > 1000, "the rendering is not silent: peak " + loudest);
            assertEquals(16000f, in.getFormat().getSampleRate());
        }
    }

    @Test
    @Timeout(120)
    void theCaptionerDescribesHeldOutPicturesAndTheNearestNeighbourCannotNameUnseenPairs(@TempDir Path dir)
            throws Exception {
        ProgramRun run = ProgramRun.of(Captioning.class, dir);
        String trained = run.output(Captioning.class, "train");
        assertTrue(trained.contains("cross-entropy per word"), trained);
        List<List<String>> rows = run.table("caption-scores");
        assertEquals(5, rows.size(), rows.toString());
        double lstmSeenBleu = Double.parseDouble(rows.get(1).get(3));
        double lstmSeenExact = Double.parseDouble(rows.get(1).get(2));
        assertTrue(lstmSeenBleu > 0.6 && lstmSeenExact > 0.2, "the decoder learned to caption: " + rows.get(1));
        assertEquals("0.000", rows.get(4).get(2), "a copied training caption never names an unseen pair");
        assertTrue(Files.readString(dir.resolve("caption-unseen-scenes.svg")).contains("<text"), "numbered pictures");
        assertEquals(7, run.table("caption-unseen").size());
    }

    @Test
    @Timeout(120)
    void theLstmBeatsTheMarkovChainOnHeldOutNotesOverSeeds(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Music.class, dir);
        assertTrue(run.cell("melody-nll", "held out", 2) < run.cell("melody-nll", "held out", 1),
                "LSTM below the Markov chain: " + run.table("melody-nll"));
        run.assertFigure("melody-piano-roll");
        run.assertFigure("melody-intervals");
        assertTrue(Files.size(dir.resolve("lstm-melody.wav")) > 100_000, "the generated melody was rendered");
        // another seed, trained here: the same ordering
        List<int[]> train = BlupiMusic.songs().subList(0, 2).stream()
                .map(s -> Melodies.pitches(Melodies.melody(s.sequence(), s.file()))).toList();
        List<int[]> test = BlupiMusic.songs().subList(2, 3).stream()
                .map(s -> Melodies.pitches(Melodies.melody(s.sequence(), s.file()))).toList();
        MelodyModel model = new MelodyModel(16, 32, new Random(5));
        Random rng = new Random(6);
        new Trainer(model, new Adam(model.parameters(), 0.01)).clipGradNorm(5).quiet().fit(200, step -> {
            int[][] windows = new int[16][];
            for (int b = 0; b < windows.length; b++) {
                int[] m = train.get(rng.nextInt(train.size()));
                int from = rng.nextInt(m.length - 25);
                windows[b] = java.util.Arrays.copyOfRange(m, from, from + 25);
            }
            return model.lossAndGradients(windows);
        });
        assertTrue(model.nllPerNote(test) < new NoteMarkov(train, 0.01).nllPerNote(test));
    }
}
