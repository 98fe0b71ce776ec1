package rnnbook.chapters.ch09;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
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
        URL url = LmData.class.getResource("samples/" + name);
        if (url == null) {
            throw new IllegalArgumentException("chapter 9 ships no sample of data set '" + name
                    + "'; it has moby-dick, female-first-names-en, male-first-names-en, korean-text and sotu");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before: Path.of finds it
                }
            }
            return new SetFiles(Manifest.book().get(name), Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open chapter 9's sample of " + name, e));
        }
    }
}
