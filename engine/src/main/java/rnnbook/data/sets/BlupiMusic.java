package rnnbook.data.sets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

/**
 * The MIDI music of the game Planet Blupi (set {@value #NAME}): Debian's {@code planetblupi-music-midi}, ten
 * Standard MIDI Files of several instruments each ({@code usr/share/planetblupi/music/music000.mid} ...), read with
 * {@code javax.sound.midi}. The shipped sample is not the game's music but three short tunes the project wrote
 * (a program in the engine's tests makes them), in the same folder and format.
 */
public final class BlupiMusic {
    public static final String NAME = "planetblupi-music";
    private static final String GLOB = "usr/share/planetblupi/music/*.mid";

    /** One MIDI file: its path inside the set and the parsed sequence (every track, every channel). */
    public record Song(String file, Sequence sequence) {
    }

    private BlupiMusic() {
    }

    /** The songs, from {@link Source#current()} (CI scale: the project's sample tunes). */
    public static List<Song> songs() {
        return songs(Source.current().open(NAME));
    }

    /** Every {@code .mid} file of the set, in file-name order; a file that is not valid MIDI is an error naming it. */
    public static List<Song> songs(SetFiles files) {
        List<Song> out = new ArrayList<>();
        for (String file : files.list(GLOB)) {
            out.add(new Song(file, parse(files.bytes(file), files.set().name() + ": " + file)));
        }
        if (out.isEmpty()) {
            throw DataSetException.empty(files, "MIDI file (" + GLOB + ")");
        }
        return out;
    }

    /** Parses Standard MIDI File bytes; {@code where} names the file in the error. */
    public static Sequence parse(byte[] bytes, String where) {
        if (bytes.length == 0) {
            throw new DataSetException(where + " is empty (0 bytes): not a MIDI file");
        }
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException e) {
            throw new DataSetException(where + " is not a readable Standard MIDI File (" + e.getMessage()
                    + "); a MIDI file starts with the bytes 'MThd'", e);
        } catch (IOException e) {
            throw new DataSetException(where + " cannot be read as MIDI (" + e.getMessage() + ")", e);
        }
    }
}
