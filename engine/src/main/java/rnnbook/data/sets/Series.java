package rnnbook.data.sets;

import java.util.List;

/** Checks shared by the time-series loaders. */
final class Series {
    private Series() {
    }

    /** {@code series} itself, after checking it is non-empty and strictly increasing in date. */
    static List<Observation> ordered(List<Observation> series, SetFiles files, String file) {
        if (series.isEmpty()) {
            throw DataSetException.badFile(files.set(), file, "holds no observation", null);
        }
        for (int i = 1; i < series.size(); i++) {
            if (!series.get(i).date().isAfter(series.get(i - 1).date())) {
                throw DataSetException.badFile(files.set(), file, "is out of date order at record " + (i + 1)
                        + " (" + series.get(i).date() + " after " + series.get(i - 1).date() + ")", null);
            }
        }
        return List.copyOf(series);
    }
}
