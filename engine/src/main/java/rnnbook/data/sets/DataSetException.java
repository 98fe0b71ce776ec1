package rnnbook.data.sets;

/**
 * A data set that cannot be used as it is: not fetched, refused by its integrity check, or a file in it that is
 * truncated, malformed or not in the expected encoding. The message names the set, the file and the command that
 * mends it.
 */
public class DataSetException extends RuntimeException {
    public DataSetException(String message) {
        super(message);
    }

    public DataSetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A file of a fetched set that cannot be read as it should: the cure is fetching the set again. */
    static DataSetException badFile(DataSet set, String file, String what, Throwable cause) {
        return new DataSetException("data set " + set.name() + ": " + file + " " + what
                + "; fetch it again with: " + set.fetchCommand() + " --force", cause);
    }

    /** A fetched set in which a loader finds nothing of what it reads. */
    static DataSetException empty(SetFiles files, String what) {
        return new DataSetException("data set " + files.set().name() + " in " + files.root() + " holds no " + what
                + "; fetch it again with: " + files.set().fetchCommand() + " --force");
    }
}
