package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlupiMusicTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedSampleIsWhatTheCommittedProgramWrites() throws IOException {
        Path sample = Samples.dir(BlupiMusic.NAME);
        for (int k = 0; k < MusicSample.TUNES; k++) {
            assertArrayEquals(MusicSample.tune(k), Files.readAllBytes(sample.resolve(MusicSample.fileName(k))),
                    "sample tune " + k + " differs from MusicSample's output: run MusicSample again");
        }
    }

    @Test
    void aDebianPackageIsFetchedCheckedAndUnpackedThroughThePipeline() throws IOException {
        List<BlupiMusic.Song> songs = BlupiMusic.songs(Samples.fetched(BlupiMusic.NAME, tmp));
        assertEquals(MusicSample.TUNES, songs.size());
        assertEquals(MusicSample.fileName(0), songs.get(0).file());
        int melodyNotes = 0;
        for (Track t : songs.get(0).sequence().getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getChannel() == 0 && m.getData2() > 0) {
                    melodyNotes++;
                }
            }
        }
        assertTrue(melodyNotes > 150, "24 phrases of 8 to 12 notes, got " + melodyNotes);
    }

    @Test
    void oneChangedByteOfTheDebIsRefused() throws IOException {
        Path deb = Samples.archive(BlupiMusic.NAME, tmp.resolve("a"));
        assertTrue(deb.getFileName().toString().endsWith(".deb"), deb.toString());
        DataSet set = Samples.pinned(BlupiMusic.NAME, Samples.hash(deb, Registry.APT));
        assertTrue(set.integrity().startsWith("sha256:"), set.integrity());
        byte[] bytes = Files.readAllBytes(deb);
        bytes[bytes.length / 2] ^= 1;
        Files.write(deb, bytes);
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, deb);
        DataSetException e = assertThrows(DataSetException.class, () -> sets.fetch(BlupiMusic.NAME, false));
        assertTrue(e.getMessage().startsWith("refused planetblupi-music-midi=1.14.2-3"), e.getMessage());
        assertTrue(e.getMessage().contains("does not match the pinned integrity hash"), e.getMessage());
        assertThrows(MissingDataSetException.class, () -> sets.open(BlupiMusic.NAME));
    }

    @Test
    void anUnreadableMidiFileIsNamed() {
        DataSetException e = assertThrows(DataSetException.class,
                () -> BlupiMusic.parse("not midi at all".getBytes(), "song.mid"));
        assertTrue(e.getMessage().contains("song.mid is not a readable Standard MIDI File"), e.getMessage());
        DataSetException empty = assertThrows(DataSetException.class, () -> BlupiMusic.parse(new byte[0], "x.mid"));
        assertTrue(empty.getMessage().contains("x.mid is empty"), empty.getMessage());
    }

    @Test
    void theAptClientAsksForNameEqualsVersion() {
        DataSet set = Manifest.book().get(BlupiMusic.NAME);
        assertEquals(Registry.APT, set.registry());
        assertEquals("planetblupi-music-midi=1.14.2-3", set.coordinates());
        assertEquals("sha256:74ad0ff0bedbd9c5f4b1fc31163523193a1a2ec57d130adf3130543211fee7e3", set.integrity(),
                "the SHA256 field of apt-cache show planetblupi-music-midi (1.14.2-3, bookworm)");
    }
}
