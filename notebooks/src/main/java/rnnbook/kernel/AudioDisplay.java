package rnnbook.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * A cell whose value is a sound shows an audio player, as a cell whose value is an image shows the picture.
 *
 * <p>The kernel has no audio display of its own. Its display system loads renderers through Java's
 * {@code ServiceLoader} ({@code META-INF/services} in {@code src/kernel-patch}) and picks one by the value's
 * class; a cell's value comes from the learner's JShell class loader, so the class recognised here is the JDK's
 * {@link AudioInputStream} (what {@code rnnbook.viz.Sounds.play} returns), which both loaders share. The stream is
 * written as a WAV file and embedded as a {@code data:} URI in an HTML5 {@code <audio>} element: nothing is fetched,
 * so the player works offline, in Jupyter and in the saved notebook. A line under it says how long the clip is and
 * in which format; the {@code text/plain} form says the same for clients without HTML.
 */
public final class AudioDisplay implements DisplayProvider, DisplayRenderer {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(this);
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    @Override
    public Class<?> rendererClass() {
        return AudioInputStream.class;
    }

    /** The value's own display ({@code mime} null) or an explicit {@code display("text/html", sound)}. */
    @Override
    public boolean canRender(String mime) {
        return mime == null || mime.isBlank() || mime.equals("text/html") || mime.equals("html");
    }

    @Override
    public DisplayData render(String mime, Object value) {
        AudioInputStream sound = inMemory((AudioInputStream) value);
        AudioFormat f = sound.getFormat();
        long frames = sound.getFrameLength();
        byte[] wav = wav(sound);
        String about = String.format(Locale.ROOT, "%.1f s of sound, %,d Hz, %d-bit, %s, %,d KB embedded",
                frames / f.getFrameRate(), Math.round(f.getSampleRate()), f.getSampleSizeInBits(),
                f.getChannels() == 1 ? "mono" : f.getChannels() + " channels", (wav.length * 4L / 3 + 1023) / 1024);
        DisplayData data = DisplayData.fromHtml("<audio controls preload=\"auto\" src=\"data:audio/wav;base64,"
                + Base64.getEncoder().encodeToString(wav) + "\"></audio><br><small>" + about + "</small>");
        data.putText("an audio player (" + about + ")");
        return data;
    }

    /** A WAV header states its length: a stream of unknown length is read to its end first. */
    private static AudioInputStream inMemory(AudioInputStream sound) {
        if (sound.getFrameLength() != AudioSystem.NOT_SPECIFIED) {
            return sound;
        }
        try {
            byte[] b = sound.readAllBytes();
            return new AudioInputStream(new ByteArrayInputStream(b), sound.getFormat(),
                    b.length / Math.max(1, sound.getFormat().getFrameSize()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sound for the player", e);
        }
    }

    private static byte[] wav(AudioInputStream sound) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(sound, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sound as WAV for the player", e);
        }
    }
}
