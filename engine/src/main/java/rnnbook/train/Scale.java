package rnnbook.train;

/**
 * How big an experiment runs. The same chapter code runs at {@link #CI} in tests and notebooks (seconds) and at
 * {@link #FULL} for the published site. Chosen by the system property {@code rnnbook.scale} ({@code ci} or
 * {@code full}); CI is the default.
 */
public enum Scale {
    CI,
    FULL;

    public static final String PROPERTY = "rnnbook.scale";

    public static Scale current() {
        String s = System.getProperty(PROPERTY, "ci").trim().toLowerCase();
        return switch (s) {
            case "ci", "" -> CI;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(PROPERTY + " must be ci or full, got " + s);
        };
    }

    /** {@code ci} at CI scale and {@code full} at full scale: {@code Scale.current().pick(200, 5000)}. */
    public int pick(int ci, int full) {
        return this == CI ? ci : full;
    }
}
