package rnnbook.data.sets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Maven's own resolution: the dependency plugin copies {@code group:artifact:version} from Maven Central (through
 * the local repository) into a folder. Run with the project's Maven Wrapper when one is found above the working
 * folder (or named by {@code -Drnnbook.mvnw}), else with {@code mvn} on the PATH.
 */
final class MavenCopy implements PackageClient {
    /** The plugin's version is pinned, so resolution does not depend on what Maven's defaults are today. */
    private static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy";

    @Override
    public Path download(DataSet set, Path dir) throws IOException {
        return ClientRun.run(List.of(maven(), "-B", "-q", "-ntp", PLUGIN, "-Dartifact=" + set.coordinates(),
                        "-DoutputDirectory=" + dir, "-Dmdep.overWriteReleases=true"),
                "mvn dependency:copy -Dartifact=" + set.coordinates(), dir, ".jar", set,
                "Maven comes with the project's wrapper (./mvnw); run ./book data fetch from the project folder");
    }

    private static String maven() {
        String named = System.getProperty("rnnbook.mvnw");
        if (named != null) {
            return named;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("mvnw")) && Files.exists(d.resolve("pom.xml"))) {
                return d.resolve("mvnw").toString();
            }
        }
        return "mvn";
    }
}
