package rnnbook.chapters.ch09;

import java.nio.file.Path;
import rnnbook.data.sets.Manifest;
import rnnbook.data.sets.SetFiles;
import rnnbook.data.sets.Source;

/**
 * Where chapter 9 reads its four data sets from. At full scale (and with {@code rnnbook.data.source=cache}): the
 * real set, fetched when missing. At CI scale: a larger cut than the engine's few-line samples (tens of KB: two
 * chapters of Moby-Dick, every 8th first name, 150 tweets, three addresses cut at 9,000 characters), shipped with
 * this chapter in each package's own layout and made by {@code chapters/src/test/python/make_ch09_samples.py}, so a
 * model has something to learn from without the network.
 */
public final class LmData {
    private LmData() {
    }

    /** The files of data set {@code name} (a {@link Manifest} name such as {@code "moby-dick"}). */
    public static SetFiles files(String name) {
        if (Source.current() == Source.CACHE) {
            return Source.CACHE.open(name);
        }
        Path root = Source.resourceFolder(LmData.class, "samples/" + name).orElseThrow(() ->
                new IllegalArgumentException("chapter 9 ships no sample of data set '" + name
                        + "'; it has moby-dick, female-first-names-en, male-first-names-en, korean-text and sotu"));
        return new SetFiles(Manifest.book().get(name), root);
    }
}
