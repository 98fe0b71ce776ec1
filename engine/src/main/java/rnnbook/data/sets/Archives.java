package rnnbook.data.sets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks the files of an archive that match a set's globs: npm's {@code .tgz} (gzip-compressed tar, every path
 * under {@code package/}) or a Maven {@code .jar} (zip). Entries whose path would leave the target folder
 * ({@code ../}, absolute paths) are refused, and so is an archive in which no file matches.
 */
final class Archives {
    private Archives() {
    }

    /** Unpacks into {@code into}; returns every file written, by its path inside the archive, with its size. */
    static Map<String, Long> unpack(Path archive, List<String> globs, Path into) throws IOException {
        List<PathMatcher> matchers = globs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        Map<String, Long> written = new TreeMap<>();
        String name = archive.getFileName().toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
            if (name.endsWith(".jar") || name.endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(raw)) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (!e.isDirectory() && matches(matchers, e.getName())) {
                            written.put(e.getName(), copy(zip, e.getName(), into));
                        }
                    }
                }
            } else if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
                try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
                    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                        if (e.isFile() && matches(matchers, e.getName())) {
                            long size = copy(tar, e.getName(), into);
                            if (size != e.getSize()) {
                                throw new IOException(e.getName() + " is cut short in " + name + ": " + size
                                        + " of " + e.getSize() + " bytes");
                            }
                            written.put(e.getName(), size);
                        }
                    }
                }
            } else {
                throw new IOException("cannot unpack " + name + ": neither .tgz nor .jar");
            }
        }
        if (written.isEmpty()) {
            throw new IOException(name + " holds no file matching " + globs);
        }
        return written;
    }

    private static boolean matches(List<PathMatcher> matchers, String entry) {
        Path p = Path.of(entry);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }

    private static long copy(InputStream in, String entry, Path into) throws IOException {
        Path target = into.resolve(entry).normalize();
        if (Path.of(entry).isAbsolute() || !target.startsWith(into.normalize())) {
            throw new IOException("archive entry " + entry + " points outside the folder it is unpacked into");
        }
        Files.createDirectories(target.getParent());
        return Files.copy(in, target);
    }
}
