package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SoundsTest {

    /** A sine of {@code hz} and amplitude {@code a} (of full scale), 16-bit signed little-endian, on every channel. */
    private static Path sineWav(Path file, float rate, int channels, double hz, double a, double seconds)
            throws Exception {
        int frames = (int) (rate * seconds);
        byte[] b = new byte[frames * 2 * channels];
        for (int t = 0; t < frames; t++) {
            short v = (short) Math.round(a * 32767 * Math.sin(2 * Math.PI * hz * t / rate));
            for (int c = 0; c < channels; c++) {
                int i = (t * channels + c) * 2;
                b[i] = (byte) v;
                b[i + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat f = new AudioFormat(rate, 16, channels, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), f, frames), AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }

    /** The clip's samples in [-1, 1): 8-bit unsigned PCM has its zero at 128. */
    private static double[] samples(AudioInputStream clip) throws Exception {
        byte[] b = clip.readAllBytes();
        double[] x = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            x[i] = ((b[i] & 0xff) - 128) / 128.0;
        }
        return x;
    }

    @Test
    void aClipIsTheFirstSecondsAt11kHz8BitMonoWithTheSameTone(@TempDir Path dir) throws Exception {
        Path wav = sineWav(dir.resolve("a.wav"), 16000f, 1, 440, 0.5, 3.0);
        AudioInputStream clip = Sounds.play(wav, 2.0);
        assertTrue(clip.getFormat().matches(Sounds.CLIP), clip.getFormat().toString());
        assertEquals(22050, clip.getFrameLength(), "2 s at 11,025 frames a second");
        double[] x = samples(clip);
        assertEquals(22050, x.length);
        // 440 Hz crosses zero upwards 440 times a second; skip the converter's first 0.1 s (its filter settles)
        int from = 1103;
        int up = 0;
        double peak = 0;
        for (int t = from + 1; t < from + 11025; t++) {
            if (x[t - 1] < 0 && x[t] >= 0) {
                up++;
            }
            peak = Math.max(peak, Math.abs(x[t]));
        }
        assertTrue(Math.abs(up - 440) <= 2, "upward zero crossings in one second: " + up);
        assertEquals(0.5, peak, 0.03, "amplitude kept");
    }

    @Test
    void aStereoFileAt44kHzBecomesOneChannelAndAShortFileIsNotPadded(@TempDir Path dir) throws Exception {
        Path wav = sineWav(dir.resolve("s.wav"), 44100f, 2, 220, 0.4, 1.0);
        AudioInputStream clip = Sounds.play(wav, 10.0);
        assertEquals(1, clip.getFormat().getChannels());
        double seconds = clip.getFrameLength() / clip.getFormat().getFrameRate();
        assertEquals(1.0, seconds, 0.01, "the whole file and no more");
        double peak = 0;
        for (double v : samples(clip)) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(0.4, peak, 0.03, "both channels held the same sine, so the mix keeps its amplitude");
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        Path wav = sineWav(dir.resolve("ok.wav"), 16000f, 1, 440, 0.5, 0.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sounds.play(wav, 0)).getMessage()
                .contains("positive number of seconds"));
        Path text = Files.writeString(dir.resolve("notes.wav"), "not a sound");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sounds.play(text, 1)).getMessage()
                .contains("notes.wav is not a sound file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sounds.play(dir.resolve("none.wav"), 1))
                .getMessage().contains("no sound file at"));
    }
}
