package rnnbook.viz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The way a chapter program hands a sound to the reader, as {@link Figures} hands over a chart. In a notebook the
 * value of {@code Sounds.play(wav, 15)} at the end of a cell shows as an audio player (the kernel set-up turns a
 * Java Sound {@link AudioInputStream} into an HTML5 {@code <audio>} element with the WAV embedded, see the notebooks
 * module); in a program it is a clip in memory that nobody plays, and the page has its own player.
 *
 * <p>The clip is small on purpose, because a saved notebook keeps it: {@link #CLIP} (11,025 frames a second, 8 bits,
 * one channel) is 11 KB a second, about 15 KB a second once embedded as base64.
 */
public final class Sounds {
    /** 11,025 Hz, 8-bit unsigned PCM, mono: what a notebook embeds (a quarter of a CD's rate; enough for a melody). */
    public static final AudioFormat CLIP = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 11025f, 8, 1, 1,
            11025f, false);

    private Sounds() {
    }

    /**
     * The first {@code seconds} of a WAV (or AIFF, AU) file, converted to {@link #CLIP}, read into memory.
     * The returned stream's frame length is exact, so {@code frameLength / frameRate} is its duration.
     */
    public static AudioInputStream play(Path audioFile, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a clip of " + seconds + " seconds of " + audioFile
                    + " has nothing to play: give a positive number of seconds");
        }
        if (!Files.isRegularFile(audioFile)) {
            throw new IllegalArgumentException("no sound file at " + audioFile);
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(audioFile.toFile());
             AudioInputStream clip = convert(source, audioFile)) {
            long frames = (long) Math.floor(seconds * CLIP.getFrameRate());
            byte[] bytes = clip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, frames * CLIP.getFrameSize()));
            return new AudioInputStream(new ByteArrayInputStream(bytes), CLIP, bytes.length / CLIP.getFrameSize());
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(audioFile + " is not a sound file Java Sound reads (WAV, AIFF, AU): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sound file " + audioFile, e);
        }
    }

    /**
     * Source to {@link #CLIP} in steps Java Sound knows: to 16-bit signed PCM at the source's rate and channels,
     * to one channel (a stereo file is mixed down by the converter), to the clip's rate, then to 8 bits.
     */
    private static AudioInputStream convert(AudioInputStream source, Path file) {
        AudioFormat f = source.getFormat();
        AudioFormat pcm16 = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
        AudioFormat mono16 = new AudioFormat(f.getSampleRate(), 16, 1, true, false);
        AudioFormat rate16 = new AudioFormat(CLIP.getSampleRate(), 16, 1, true, false);
        AudioInputStream s = source;
        for (AudioFormat step : new AudioFormat[] {pcm16, mono16, rate16, CLIP}) {
            if (!s.getFormat().matches(step)) {
                if (!AudioSystem.isConversionSupported(step, s.getFormat())) {
                    throw new IllegalArgumentException(file + ": Java Sound cannot convert " + s.getFormat()
                            + " to " + step);
                }
                s = AudioSystem.getAudioInputStream(step, s);
            }
        }
        return s;
    }
}
