package rnnbook.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * The kernel's log: one file, readable by its owner only (0600), appended to by every kernel, no lock files.
 *
 * <p>Why not {@code java.util.logging.FileHandler}: it creates its files with the process umask (world-readable
 * here) and keeps a {@code .lck} file beside each, which a killed kernel (Jupyter's restart, nbconvert's shutdown)
 * leaves behind, so every later start picked a new file name. Appends of whole records to one file opened with
 * {@code O_APPEND} do not interleave, so concurrent kernels need no lock. The file is renamed to {@code FILE.1}
 * (replacing the older one) when a kernel starts and finds it above {@link #LIMIT} bytes.
 *
 * <p>Configured in the kernel's {@code logging.properties}: {@code rnnbook.kernel.PrivateLogHandler.file}.
 */
public final class PrivateLogHandler extends StreamHandler {
    static final long LIMIT = 1_000_000;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public PrivateLogHandler() {
        String name = LogManager.getLogManager().getProperty(PrivateLogHandler.class.getName() + ".file");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("logging.properties sets no " + PrivateLogHandler.class.getName() + ".file");
        }
        setFormatter(new SimpleFormatter());
        setOutputStream(open(Path.of(name)));
    }

    /** Opens {@code file} for appending, created (or made) owner-only first; rotated once above the limit. */
    static OutputStream open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > LIMIT) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the kernel log " + file, e);
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }
}
