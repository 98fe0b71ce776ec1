package rnnbook.data.sets;

import java.time.LocalDate;

/** One value of a time series and the date it belongs to. */
public record Observation(LocalDate date, double value) {
}
