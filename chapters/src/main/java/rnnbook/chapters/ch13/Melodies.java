package rnnbook.chapters.ch13;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Melodies as note events: read from MIDI (one voice picked out), written back as MIDI, and rendered to WAV. */
public final class Melodies {
    /** MIDI's drum channel (channel 10, counted from 1): its "pitches" name drums, not notes. */
    public static final int DRUMS = 9;

    private Melodies() {
    }

    /** One note: its MIDI pitch (60 = middle C), its start and its length in ticks. */
    public record Note(int pitch, long start, long length) {
    }

    // tag::melody[]
    /**
     * The melody of a MIDI sequence, as one voice: every note of every track is collected per channel (a note
     * lasts from its note-on to the matching note-off, or a note-on of velocity 0); the drum channel is skipped.
     * The melody channel is the highest on average among the channels with at least 50 notes that mostly play one
     * note at a time (at least 70% of their onsets are single notes); when none is, the highest of all. Chords
     * left in it are thinned to their top note (the "skyline"). {@code name} names the file in errors.
     */
    public static List<Melodies.Note> melody(Sequence sequence, String name) {
        Map<Integer, List<Melodies.Note>> channels = notesByChannel(sequence);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no notes outside the drum channel: an empty melody");
        }
        Comparator<Map.Entry<Integer, List<Melodies.Note>>> byMeanPitch = Comparator.comparingDouble(
                e -> e.getValue().stream().mapToInt(Melodies.Note::pitch).average().orElse(0));
        List<Map.Entry<Integer, List<Melodies.Note>>> voices = channels.entrySet().stream()
                .filter(e -> e.getValue().size() >= 50 && singleOnsets(e.getValue()) >= 0.7).toList();
        var chosen = (voices.isEmpty() ? List.copyOf(channels.entrySet()) : voices).stream().max(byMeanPitch)
                .orElseThrow();
        return skyline(chosen.getValue());
    }

    /** Every channel's notes but the drums', by start. */
    public static Map<Integer, List<Melodies.Note>> notesByChannel(Sequence sequence) {
        Map<Integer, List<Melodies.Note>> notes = new TreeMap<>();
        for (Track track : sequence.getTracks()) {
            Map<Integer, Long> sounding = new HashMap<>();   // channel * 128 + pitch -> start tick
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (!(event.getMessage() instanceof ShortMessage m) || m.getChannel() == Melodies.DRUMS) {
                    continue;
                }
                int key = m.getChannel() * 128 + m.getData1();
                boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
                boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                        || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
                if ((on || off) && sounding.containsKey(key)) {
                    long start = sounding.remove(key);
                    if (event.getTick() > start) {
                        notes.computeIfAbsent(m.getChannel(), c -> new ArrayList<>())
                                .add(new Melodies.Note(m.getData1(), start, event.getTick() - start));
                    }
                }
                if (on) {
                    sounding.put(key, event.getTick());
                }
            }
        }
        notes.values().forEach(l -> l.sort(Comparator.comparingLong(Melodies.Note::start).thenComparingInt(Melodies.Note::pitch)));
        return notes;
    }

    public static double singleOnsets(List<Melodies.Note> notes) {
        Map<Long, Integer> perOnset = new HashMap<>();
        notes.forEach(n -> perOnset.merge(n.start(), 1, Integer::sum));
        return perOnset.values().stream().filter(c -> c == 1).count() / (double) perOnset.size();
    }

    /** One note per onset, the highest; notes sorted by start. */
    public static List<Melodies.Note> skyline(List<Melodies.Note> notes) {
        Map<Long, Melodies.Note> top = new TreeMap<>();
        for (Melodies.Note n : notes) {
            top.merge(n.start(), n, (a, b) -> a.pitch() >= b.pitch() ? a : b);
        }
        return List.copyOf(top.values());
    }
    // end::melody[]

    /** The pitches of a melody, in order. */
    public static int[] pitches(List<Note> melody) {
        return melody.stream().mapToInt(Note::pitch).toArray();
    }

    /**
     * Pitches as a playable MIDI file: each an eighth note (the model writes pitches, not rhythm) at 120 beats per
     * minute, played by {@code program} (General MIDI's instrument number, 0 = piano). Written atomically.
     */
    public static void writeMidi(int[] pitches, int program, Path file) {
        if (pitches.length == 0) {
            throw new IllegalArgumentException("an empty melody has nothing to write to " + file);
        }
        try {
            Sequence seq = new Sequence(Sequence.PPQ, 2);
            Track track = seq.createTrack();
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
            for (int i = 0; i < pitches.length; i++) {
                if (pitches[i] < 0 || pitches[i] > 127) {
                    throw new IllegalArgumentException("pitch " + pitches[i] + " at note " + i
                            + " is outside MIDI's 0..127");
                }
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitches[i], 90), i));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitches[i], 0), i + 1));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MidiSystem.write(seq, 0, bytes);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".melody", ".mid");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // tag::render[]
    /**
     * Renders a MIDI file to a WAV file (16 kHz, 16-bit, mono) with the JDK's own software synthesizer: Java Sound
     * reads a MIDI file as an audio stream by playing it through Gervill, its built-in synthesizer and General MIDI
     * sound bank, so no device, player or sound font is needed. Written atomically; returns the seconds of audio.
     */
    public static double renderWav(Path midi, Path wav) {
        try (AudioInputStream synthesized = AudioSystem.getAudioInputStream(midi.toFile());
             AudioInputStream mono = AudioSystem.getAudioInputStream(new AudioFormat(16000f, 16, 1, true, false),
                     synthesized)) {
            Path tmp = Files.createTempFile(wav.toAbsolutePath().getParent(), ".audio", ".wav");
            long bytes = AudioSystem.write(mono, AudioFileFormat.Type.WAVE, tmp.toFile());
            Files.move(tmp, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return (bytes - 44) / 2.0 / 16000;
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(midi + " is not a MIDI file the synthesizer can play: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + midi + " to " + wav, e);
        }
    }
    // end::render[]

    /**
     * Where a run saves what a reader can play: the figures folder when the site is built, else one folder in the
     * temp folder that each run replaces (a notebook cell run ten times leaves one melody, not ten folders).
     */
    public static Path outputFolder() {
        String dir = System.getProperty(rnnbook.viz.Figures.DIR_PROPERTY);
        try {
            return Files.createDirectories(dir == null || dir.isBlank()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "rnnbook-ch13-" + System.getProperty("user.name"))
                    : Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the melodies", e);
        }
    }

    /** Reads a MIDI file from disk; an unreadable one is an error naming it and saying why. */
    public static Sequence read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MIDI file " + file + ": " + e.getMessage(), e);
        }
        return rnnbook.data.sets.BlupiMusic.parse(bytes, file.toString());
    }
}
