package rnnbook.data.sets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's own client: {@code apt-get download NAME=VERSION} fetches the package's {@code .deb} exactly as the
 * archive serves it into the working folder (it installs nothing and needs no root). The pinned hash is the
 * {@code SHA256} field of {@code apt-cache show NAME}; {@link Integrity} checks it before the archive is opened.
 */
final class AptDownload implements PackageClient {

    @Override
    public Path download(DataSet set, Path dir) throws IOException {
        return ClientRun.run(List.of("apt-get", "download", "-q", set.coordinates()), "apt-get download "
                        + set.coordinates(), dir, ".deb", set,
                "apt-get comes with Debian and Ubuntu; on other systems fetch the .deb from packages.debian.org "
                        + "and place it by hand");
    }
}
