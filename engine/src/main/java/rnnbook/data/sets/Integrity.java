package rnnbook.data.sets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A registry's integrity hash of an archive, in the registry's own notation: npm's Subresource Integrity string
 * {@code sha512-BASE64} ({@code dist.integrity}), or {@code sha1:HEX} / {@code sha256:HEX} as Maven Central publishes
 * next to each file ({@code sha256:HEX} is also the {@code SHA256} field Debian's package index lists for a .deb).
 *
 * @param algorithm the JDK's name of the digest ({@code SHA-512}, {@code SHA-1}, {@code SHA-256})
 * @param digest    the expected digest bytes
 * @param text      the hash as written in the manifest
 */
public record Integrity(String algorithm, byte[] digest, String text) {

    /** Parses {@code sha512-BASE64}, {@code sha1:HEX} or {@code sha256:HEX}. */
    public static Integrity parse(String text) {
        try {
            if (text.startsWith("sha512-")) {
                return new Integrity("SHA-512", Base64.getDecoder().decode(text.substring(7)), text);
            }
            if (text.startsWith("sha1:")) {
                return new Integrity("SHA-1", hex(text.substring(5), 20), text);
            }
            if (text.startsWith("sha256:")) {
                return new Integrity("SHA-256", hex(text.substring(7), 32), text);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed integrity hash '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("integrity hash '" + text
                + "' is none of sha512-BASE64 (npm), sha1:HEX or sha256:HEX (Maven Central, Debian)");
    }

    private static byte[] hex(String s, int bytes) {
        if (s.length() != 2 * bytes) {
            throw new IllegalArgumentException("expected " + 2 * bytes + " hex digits, got " + s.length());
        }
        return HexFormat.of().parseHex(s);
    }

    /** The same hash of {@code file}, in this hash's notation. */
    public String of(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        byte[] d = md.digest();
        return switch (algorithm) {
            case "SHA-512" -> "sha512-" + Base64.getEncoder().encodeToString(d);
            case "SHA-1" -> "sha1:" + HexFormat.of().formatHex(d);
            default -> "sha256:" + HexFormat.of().formatHex(d);
        };
    }

    /** The SHA-256 of {@code bytes} as 64 hex digits: what a set's stamp records of every file it unpacked. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Checks {@code archive} against this hash before anything reads its content.
     *
     * @throws DataSetException naming both hashes when they differ: the download is refused
     */
    public void verify(Path archive, DataSet set) throws IOException {
        String actual = of(archive);
        if (!MessageDigest.isEqual(parse(actual).digest(), digest)) {
            throw new DataSetException("refused " + set.coordinates() + " for data set " + set.name()
                    + ": the downloaded archive " + archive.getFileName() + " does not match the pinned "
                    + "integrity hash (expected " + text + ", got " + actual + "). The download is corrupt or "
                    + "tampered with; nothing was unpacked. Try again with: " + set.fetchCommand());
        }
    }
}
