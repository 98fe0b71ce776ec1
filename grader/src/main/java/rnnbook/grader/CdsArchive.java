package rnnbook.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data sharing archive for a short-lived child JVM (the grading child, the compiler child): the classes a
 * trusted run loaded, listed by {@code -XX:DumpLoadedClassList}, parsed once and mapped by every later child, so
 * a child starts without parsing and verifying them again. The class bytes come from the JVM's own runtime image
 * at dump time (the list holds names only), and the archive is dumped by the grader, never by a run of submitted
 * code. Next to it the SHA-256 recorded at dump time: an archive that is absent or does not match it (truncated,
 * overwritten, half written) is never used; it is dumped again from the list, and if that fails the children run
 * without it (slower, the same results).
 */
final class CdsArchive {
    private CdsArchive() {
    }

    /** The JVM option that makes a child load its classes from {@code archive}. */
    static String option(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /**
     * The archive at {@code archive} if it matches its recorded hash, else dumped again from {@code classlist} by
     * {@code java} with {@code jvmOptions} (the options that decide the archive's layout: heap size, so the same
     * compressed-pointer mode as the children); null when there is no list or the dump fails.
     */
    static Path ensure(Path java, Path classlist, Path archive, List<String> jvmOptions) {
        if (valid(archive)) {
            return archive;
        }
        if (!Files.isRegularFile(classlist)) {
            return null;
        }
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classlist, "-XX:SharedArchiveFile=" + tmp));
            cmd.addAll(jvmOptions);
            if (!run(cmd)) {
                return null;
            }
            // the archive must map: -Xshare:on refuses to start otherwise
            List<String> check = new ArrayList<>(List.of(java.toString(), "-Xshare:on", option(tmp)));
            check.addAll(jvmOptions);
            check.add("-version");
            if (!run(check)) {
                return null;
            }
            Path sum = hashFile(archive);
            Path sumTmp = sum.resolveSibling(sum.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(sumTmp, sha256(tmp), StandardCharsets.US_ASCII);
            // readable by a child's uid, writable by the grader alone
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(sumTmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(sumTmp, sum, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return valid(archive) ? archive : null;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    /** True when the archive exists and its SHA-256 is the one recorded when it was dumped. */
    static boolean valid(Path archive) {
        try {
            Path sum = hashFile(archive);
            return Files.isRegularFile(archive) && Files.isRegularFile(sum)
                    && Files.readString(sum, StandardCharsets.US_ASCII).trim().equals(sha256(archive));
        } catch (IOException e) {
            return false;
        }
    }

    static Path hashFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    private static boolean run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            ChildRun.kill(p);
            return false;
        }
        return p.exitValue() == 0;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
