package rnnbook.data.sets;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Monthly mean CO2 at Mauna Loa, March 1958 to April 2020 (741 months), in parts per million (set {@value #NAME}),
 * from vega-datasets' {@code co2-concentration.csv} ({@code Date, CO2, adjusted CO2}), dated the first of each
 * month. Five months without a valid measurement are absent from the file (June and October 1958, February to
 * April 1964); the series keeps them absent rather than inventing values, so a model that needs equal steps must
 * decide how to fill them.
 */
public final class Co2 {
    public static final String NAME = "co2";
    private static final String FILE = "package/data/co2-concentration.csv";

    private Co2() {
    }

    /** The measured series, from {@link Source#current()} (CI scale: the sample). */
    public static List<Observation> monthly() {
        return monthly(Source.current().open(NAME));
    }

    /** The measured monthly means, in date order. */
    public static List<Observation> monthly(SetFiles files) {
        return column(files, "CO2");
    }

    /** The seasonally adjusted values (the yearly cycle removed by the data's authors), in date order. */
    public static List<Observation> adjusted(SetFiles files) {
        return column(files, "adjusted CO2");
    }

    private static List<Observation> column(SetFiles files, String column) {
        List<Observation> out = new ArrayList<>();
        for (CSVRecord r : files.csv(FILE, "Date", column)) {
            String where = "record " + r.getRecordNumber();
            LocalDate date;
            try {
                date = LocalDate.parse(r.get("Date").strip());
            } catch (DateTimeParseException e) {
                throw DataSetException.badFile(files.set(), FILE, where + ": '" + r.get("Date")
                        + "' is no date (yyyy-mm-dd)", e);
            }
            out.add(new Observation(date, files.number(r.get(column), FILE, where)));
        }
        return Series.ordered(out, files, FILE);
    }
}
