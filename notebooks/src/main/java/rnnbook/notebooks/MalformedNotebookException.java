package rnnbook.notebooks;

import java.nio.file.Path;

/** A notebook file that is not a valid nbformat 4 notebook; the message names the file and the reason. */
public final class MalformedNotebookException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    public MalformedNotebookException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
