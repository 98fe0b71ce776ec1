package rnnbook.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * The unprivileged uids this grader process runs its children as, one per parallel slot, each claimed for the
 * life of the process by an exclusive lock on {@code /tmp/rnnbook-grader-uids/UID.lock}. Two graders side by side
 * (or a grader and the test suite) therefore never share a uid, and a grader that reclaims "every process of my
 * uid" touches only its own children. The kernel drops the lock when the process ends, however it ends.
 */
final class Uids {
    static final int FIRST = 61000;
    static final int COUNT = 1000;
    private static final Path DIR = Path.of(System.getProperty("rnnbook.grader.uidLocks", "/tmp/rnnbook-grader-uids"));
    private static final Map<Integer, Integer> BY_SLOT = new HashMap<>();
    /** Held open (and locked) until the JVM exits. */
    private static final Map<Integer, FileLock> HELD = new HashMap<>();

    private Uids() {
    }

    static synchronized int of(int slot) {
        Integer uid = BY_SLOT.get(slot);
        if (uid != null) {
            return uid;
        }
        try {
            Files.createDirectories(DIR);
            Files.setPosixFilePermissions(DIR, PosixFilePermissions.fromString("rwx------"));
            for (int u = FIRST; u < FIRST + COUNT; u++) {
                if (HELD.containsKey(u)) {
                    continue;
                }
                FileChannel ch = FileChannel.open(DIR.resolve(u + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close();
                    continue;
                }
                HELD.put(u, lock);
                BY_SLOT.put(slot, u);
                return u;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim a sandbox uid under " + DIR, e);
        }
        throw new IllegalStateException("all " + COUNT + " sandbox uids from " + FIRST + " are in use by other graders");
    }
}
