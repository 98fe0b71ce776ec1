package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.viz.Sounds;

/**
 * Chapter 13's notebook, as committed, has a player a learner can press: the cell that renders the melody shows an
 * {@code <audio>} element whose embedded WAV Java Sound reads, in the small format the notebook keeps, long enough
 * to hold the 48 notes and not silent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SavedPlayerTest {
    static final Path NOTEBOOK = Project.NOTEBOOKS.resolve("13-generation.ipynb");

    @Test
    void theMelodyCellShowsAnAudioPlayerWithTheWholeMelody() throws Exception {
        List<String> players = new ArrayList<>();
        for (JsonElement e : NotebookValidator.read(NOTEBOOK).getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (!Notebooks.text(cell.get("source")).contains("Sounds.play(")) {
                continue;
            }
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data != null && data.has("text/html")) {
                    players.add(Notebooks.text(data.get("text/html")));
                }
            }
        }
        assertEquals(1, players.size(), NOTEBOOK + ": one cell plays the melody and shows one player");
        String html = players.get(0);
        assertTrue(html.length() < 300_000, "the embedded clip keeps the notebook small: " + html.length() + " chars");
        AudioInputStream wav = AudioDisplayTest.embeddedWav(html);
        assertTrue(wav.getFormat().matches(Sounds.CLIP), wav.getFormat().toString());
        double seconds = wav.getFrameLength() / wav.getFormat().getFrameRate();
        // 48 eighths at 120 beats a minute are 12 s; the cell keeps a second more for the last note to ring
        assertEquals(13.0, seconds, 0.05, "seconds of sound");
        int loud = 0;
        for (byte b : wav.readAllBytes()) {
            if (Math.abs((b & 0xff) - 128) > 8) {   // more than 1/16 of full scale
                loud++;
            }
        }
        assertTrue(loud > 11025, "at least a second's worth of samples is audible, not silence: " + loud);
        assertTrue(html.contains("13.0 s of sound"), "the line under the player says how long it is");
    }
}
