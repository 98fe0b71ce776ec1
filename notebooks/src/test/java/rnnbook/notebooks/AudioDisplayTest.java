package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Base64;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import rnnbook.kernel.AudioDisplay;

/** A sound as a cell's value becomes an {@code <audio>} element holding the same samples as a WAV data URI. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AudioDisplayTest {
    static final Pattern DATA_URI = Pattern.compile("<audio controls[^>]* src=\"data:audio/wav;base64,([A-Za-z0-9+/=]+)\"");

    /** The WAV inside the first {@code <audio>} element of {@code html}, or an assertion failure saying why not. */
    static AudioInputStream embeddedWav(String html) throws Exception {
        Matcher m = DATA_URI.matcher(html);
        assertTrue(m.find(), "no <audio controls src=\"data:audio/wav;base64,...\"> in " + abbreviated(html));
        InputStream wav = new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)));
        return AudioSystem.getAudioInputStream(wav);
    }

    private static String abbreviated(String s) {
        return s.length() < 300 ? s : s.substring(0, 300) + "...";
    }

    /** 0.4 s of a 330 Hz sine, 8-bit unsigned mono at 11,025 Hz. */
    private static byte[] tone() {
        byte[] b = new byte[4410];
        for (int t = 0; t < b.length; t++) {
            b[t] = (byte) (128 + Math.round(90 * Math.sin(2 * Math.PI * 330 * t / 11025.0)));
        }
        return b;
    }

    private static final AudioFormat FORMAT = new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, 11025f, 8, 1, 1,
            11025f, false);

    @Test
    void theHtmlPlayerHoldsTheSameSamplesAndTheTextSaysHowLong() throws Exception {
        byte[] tone = tone();
        DisplayData d = new AudioDisplay().render(null,
                new AudioInputStream(new ByteArrayInputStream(tone), FORMAT, tone.length));
        AudioInputStream back = embeddedWav((String) d.data().get("text/html"));
        assertTrue(back.getFormat().matches(FORMAT), back.getFormat().toString());
        assertEquals(tone.length, back.getFrameLength());
        assertArrayEquals(tone, back.readAllBytes());
        String text = (String) d.data().get("text/plain");
        assertTrue(text.contains("0.4 s of sound, 11,025 Hz, 8-bit, mono"), text);
    }

    @Test
    void aStreamOfUnknownLengthIsReadToItsEnd() throws Exception {
        byte[] tone = tone();
        DisplayData d = new AudioDisplay().render(null,
                new AudioInputStream(new ByteArrayInputStream(tone), FORMAT, AudioSystem.NOT_SPECIFIED));
        assertArrayEquals(tone, embeddedWav((String) d.data().get("text/html")).readAllBytes());
    }

    @Test
    void itRendersAValuesOwnDisplayAndHtmlOnly() {
        AudioDisplay a = new AudioDisplay();
        assertEquals(AudioInputStream.class, a.rendererClass());
        assertTrue(a.canRender(null) && a.canRender("text/html"));
        assertFalse(a.canRender("image/png"));
    }

    @Test
    void theKernelPatchRegistersItForTheKernelsServiceLoader() throws Exception {
        URL patch = Project.KERNEL.resolve("patch").toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {patch}, null)) {
            // a loader that sees only the patch folder: its services file must name the renderer
            assertTrue(loader.getResource("META-INF/services/" + DisplayProvider.class.getName()) != null,
                    "no services file for DisplayProvider in " + patch);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {patch}, getClass().getClassLoader())) {
            assertTrue(ServiceLoader.load(DisplayProvider.class, loader).stream()
                    .anyMatch(p -> p.type() == AudioDisplay.class), "ServiceLoader does not find AudioDisplay");
        }
    }
}
