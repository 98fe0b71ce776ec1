package rnnbook.data.sets;

import java.util.List;

/** Line-per-item files: the non-blank lines of a UTF-8 text file, an empty file being an error. */
final class Lines {
    private Lines() {
    }

    static List<String> of(SetFiles files, String file) {
        List<String> lines = files.text(file).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw DataSetException.badFile(files.set(), file, "is empty", null);
        }
        return lines;
    }
}
