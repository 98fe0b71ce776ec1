package rnnbook.train;

/**
 * Whether a {@link Trainer} draws a progress bar. {@link #AUTO} draws one only when the program runs in a
 * console ({@code System.console() != null}), so tests, notebooks and piped output stay quiet. The system
 * property {@value #PROPERTY} ({@code on}, {@code off} or {@code auto}) overrides AUTO for a whole run.
 */
public enum Progress {
    AUTO,
    ON,
    OFF;

    public static final String PROPERTY = "rnnbook.progress";

    /** True when a bar should be drawn. */
    public boolean enabled() {
        Progress p = this;
        if (p == AUTO) {
            String s = System.getProperty(PROPERTY, "auto").trim().toLowerCase();
            p = switch (s) {
                case "on", "true" -> ON;
                case "off", "false" -> OFF;
                case "auto", "" -> AUTO;
                default -> throw new IllegalArgumentException(PROPERTY + " must be on, off or auto, got " + s);
            };
        }
        return p == AUTO ? System.console() != null : p == ON;
    }
}
