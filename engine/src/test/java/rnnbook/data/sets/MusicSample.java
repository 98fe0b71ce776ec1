package rnnbook.data.sets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes the shipped sample of {@value BlupiMusic#NAME}: three short tunes the project made (not the game's music),
 * in the real set's folder, each a Standard MIDI File with a melody (channel 0), a bass line (channel 1, low, held
 * notes) and a drum part (channel 9), so that picking the melody is exercised as on the real files. A melody is a
 * string of phrases in C major: from a chord tone, run up the scale k steps and back down, then repeat the last note.
 * A note-level Markov chain cannot tell, in the middle of a run, whether it goes up or down; a model that remembers
 * can. {@code java MusicSample.java OUT_DIR} (tests check that the committed files are what this writes).
 */
final class MusicSample {
    static final String FOLDER = "usr/share/planetblupi/music/";
    static final int TUNES = 3;
    private static final int[] SCALE = {55, 57, 59, 60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79};
    private static final int PPQ = 4;   // ticks per quarter note: a melody note is an eighth (2 ticks)

    private MusicSample() {
    }

    /** Tune {@code k} as MIDI file bytes (format 1). */
    static byte[] tune(int k) throws IOException {
        try {
            Random rng = new Random(1300 + k);
            Sequence seq = new Sequence(Sequence.PPQ, PPQ);
            Track melody = seq.createTrack();
            Track bass = seq.createTrack();
            Track drums = seq.createTrack();
            melody.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 73, 0), 0));   // flute
            bass.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 1, 32, 0), 0));     // bass
            long tick = 0;
            for (int phrase = 0; phrase < 24; phrase++) {
                int start = 3 + 2 * rng.nextInt(3);   // C, E or G (degrees 3, 5, 7 of SCALE)
                int run = 3 + rng.nextInt(3);
                long phraseStart = tick;
                for (int d = 0; d <= 2 * run; d++) {
                    int degree = start + (d <= run ? d : 2 * run - d);
                    tick = note(melody, 0, SCALE[degree], tick, 2, 90);
                }
                tick = note(melody, 0, SCALE[start], tick, 2, 80);
                note(bass, 1, SCALE[start] - 24, phraseStart, (int) (tick - phraseStart), 70);
                for (long t = phraseStart; t < tick; t += PPQ) {
                    note(drums, 9, 42, t, 1, 60);   // closed hi-hat on the beat
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(seq, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long note(Track track, int channel, int pitch, long tick, int length, int velocity)
            throws InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, velocity), tick));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), tick + length));
        return tick + length;
    }

    static String fileName(int k) {
        return FOLDER + "sample-tune-" + k + ".mid";
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0]
                : "engine/src/main/resources/rnnbook/data/sets/samples/" + BlupiMusic.NAME);
        for (int k = 0; k < TUNES; k++) {
            Path f = out.resolve(fileName(k));
            Files.createDirectories(f.getParent());
            Files.write(f, tune(k));
        }
    }
}
