package rnnbook.runner.internal;

import java.io.PrintStream;

/** Writes authenticated result lines: the secret, a kind, then tab-separated escaped fields. */
final class Channel {
    private final PrintStream out;
    private final String secret;

    Channel(PrintStream out, String secret) {
        this.out = out;
        this.secret = secret;
    }

    synchronized void send(String kind, String... fields) {
        StringBuilder line = new StringBuilder("\n").append(secret).append(' ').append(kind);
        for (String f : fields) {
            line.append('\t').append(Child.escape(f));
        }
        line.append('\n');
        out.print(line);
        out.flush();
    }
}
