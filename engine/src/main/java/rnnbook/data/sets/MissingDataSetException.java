package rnnbook.data.sets;

/** A data set that is not in the cache: the message names the exact command that fetches it. */
public final class MissingDataSetException extends DataSetException {
    MissingDataSetException(DataSet set, java.nio.file.Path cache) {
        super("data set " + set.name() + " (" + set.coordinates() + ", " + Sizes.human(set.downloadBytes())
                + " download) is not in the cache " + cache + "; fetch it with: " + set.fetchCommand());
    }
}
