package rnnbook.data.sets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Daily births in the United States, 1969-1988 (set {@value #NAME}), from the CSV with columns
 * {@code year, month, date_of_month, day_of_week, births}: a series with a weekly and a yearly season.
 */
public final class UsBirths {
    public static final String NAME = "us-births";
    private static final String FILE = "package/data/data.csv";

    private UsBirths() {
    }

    /** The series, from {@link Source#current()} (CI scale: the sample). */
    public static List<Observation> daily() {
        return daily(Source.current().open(NAME));
    }

    /** One observation per day, in date order; a date out of order or twice is an error. */
    public static List<Observation> daily(SetFiles files) {
        List<Observation> out = new ArrayList<>();
        for (CSVRecord r : files.csv(FILE, "year", "month", "date_of_month", "births")) {
            String where = "record " + r.getRecordNumber();
            LocalDate date;
            try {
                date = LocalDate.of(Integer.parseInt(r.get("year")), Integer.parseInt(r.get("month")),
                        Integer.parseInt(r.get("date_of_month")));
            } catch (NumberFormatException | DateTimeException e) {
                throw DataSetException.badFile(files.set(), FILE, where + " is no date: " + e.getMessage(), e);
            }
            out.add(new Observation(date, files.number(r.get("births"), FILE, where)));
        }
        return Series.ordered(out, files, FILE);
    }
}
