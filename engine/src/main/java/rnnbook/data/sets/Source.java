package rnnbook.data.sets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import rnnbook.train.Scale;

/**
 * Where the loaders' no-argument methods ({@code Co2.monthly()}, {@code MobyDick.chapters()}, ...) read from, so
 * that the same chapter code runs offline in seconds in tests and CI, and on the real data for the site.
 * <ul>
 *   <li>{@link #SAMPLES}: the few lines of each set shipped in the engine ({@code rnnbook/data/sets/samples/NAME/},
 *   in the package's real layout and format). Never touches the network.</li>
 *   <li>{@link #CACHE}: the real set in the cache, fetched first when missing ({@link DataSets#ensure}).</li>
 * </ul>
 * The system property {@code rnnbook.data.source=samples|cache} chooses; without it, CI scale
 * ({@link Scale#CI}, the default of tests and notebooks) reads the samples and full scale the real sets.
 */
public enum Source {
    SAMPLES,
    CACHE;

    public static final String PROPERTY = "rnnbook.data.source";

    /** The source in force: the property, else by {@link Scale#current()}. */
    public static Source current() {
        String s = System.getProperty(PROPERTY, "").trim().toLowerCase();
        return switch (s) {
            case "" -> Scale.current() == Scale.CI ? SAMPLES : CACHE;
            case "samples" -> SAMPLES;
            case "cache" -> CACHE;
            default -> throw new IllegalArgumentException(PROPERTY + " must be samples or cache, got " + s);
        };
    }

    /** The files of set {@code name} from this source. */
    public SetFiles open(String name) {
        return this == CACHE ? DataSets.book().ensure(name) : sample(name);
    }

    /** The shipped sample of {@code name} (read-only; from the engine's classes folder or its jar). */
    public static SetFiles sample(String name) {
        DataSet set = Manifest.book().get(name);
        Path root = resourceFolder(Source.class, "samples/" + name).orElseThrow(() -> new IllegalStateException(
                "no shipped sample for data set " + name + " (rnnbook/data/sets/samples/" + name
                        + " is not on the classpath)"));
        return new SetFiles(set, root);
    }

    /**
     * The resource folder {@code path} as class {@code owner} sees it ({@link Class#getResource}'s rule: relative
     * to the class's package, or from the classpath's root when it starts with "/"), as a {@link Path} that can be
     * listed and read, whether the classes come from a directory ({@code target/classes}) or from a jar (the
     * notebook kernel loads the chapters from their jar). A jar's file system is opened on first use and stays
     * open, since the returned paths live in it (a jar must list its folders as entries, as {@code jar} and Maven
     * write them, for the class loader to find one). Empty when the classpath has no such resource; a folder that
     * cannot be opened is an {@link UncheckedIOException} naming it.
     */
    public static Optional<Path> resourceFolder(Class<?> owner, String path) {
        URL url = owner.getResource(path);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before (by this or another folder of the same jar): Path.of finds it
                }
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the resource folder " + url, e));
        }
    }
}
