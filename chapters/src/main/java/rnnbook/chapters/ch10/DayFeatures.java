package rnnbook.chapters.ch10;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * What a forecaster knows about a date before it comes: the calendar inputs of chapter 10's forecaster, one row of
 * numbers per time step, shape (n, k). Each row describes the step's own date; all of it is known in advance.
 */
public final class DayFeatures {
    private DayFeatures() {
    }

    // tag::calendar[]
    /** Inputs per day: the weekday one-hot, the day of the year as a point on a circle, and holidays. */
    public static final int DAILY = 7 + 2 + 4;

    /**
     * One row of {@value #DAILY} numbers per day, shape (n, 13): [Mon ... Sun as 0/1, sin a, cos a with
     * a = 2π (day of year - 1) / 365.25, holiday, day after a holiday, day before a holiday, Christmas to New Year].
     */
    public static double[][] daily(List<LocalDate> days) {
        double[][] out = new double[days.size()][];
        for (int t = 0; t < out.length; t++) {
            LocalDate d = days.get(t);
            double[] f = new double[DAILY];
            f[d.getDayOfWeek().getValue() - 1] = 1;                  // Monday is 1 in java.time
            double a = 2 * Math.PI * (d.getDayOfYear() - 1) / 365.25;
            f[7] = Math.sin(a);
            f[8] = Math.cos(a);
            f[9] = holiday(d) ? 1 : 0;
            f[10] = holiday(d.minusDays(1)) ? 1 : 0;
            f[11] = holiday(d.plusDays(1)) ? 1 : 0;
            f[12] = (d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 24)
                    || (d.getMonth() == Month.JANUARY && d.getDayOfMonth() <= 2) ? 1 : 0;
            out[t] = f;
        }
        return out;
    }

    /**
     * The six US holidays that move births (scheduled inductions and caesareans are not booked on them): New
     * Year's Day, Memorial Day (May 30 until 1970, then the last Monday of May), Independence Day, Labor Day
     * (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas; a fixed-date holiday on a Saturday is also kept on
     * the Friday before, on a Sunday on the Monday after.
     */
    public static boolean holiday(LocalDate d) {
        int year = d.getYear();
        LocalDate memorial = year < 1971 ? LocalDate.of(year, 5, 30)     // a Monday from 1971 on
                : LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        LocalDate labor = LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate thanksgiving = LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4,
                DayOfWeek.THURSDAY));
        if (d.equals(memorial) || d.equals(labor) || d.equals(thanksgiving)) {
            return true;
        }
        for (LocalDate fixed : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 4),
                LocalDate.of(year, 12, 25), LocalDate.of(year + 1, 1, 1))) {   // next New Year: kept on Dec 31
            DayOfWeek w = fixed.getDayOfWeek();
            LocalDate kept = w == DayOfWeek.SATURDAY ? fixed.minusDays(1)
                    : w == DayOfWeek.SUNDAY ? fixed.plusDays(1) : fixed;
            if (d.equals(fixed) || d.equals(kept)) {
                return true;
            }
        }
        return false;
    }
    // end::calendar[]

    /** Inputs per month: the month as a point on a circle, [sin a, cos a] with a = 2π (month - 1) / 12; (n, 2). */
    public static double[][] monthly(List<LocalDate> months) {
        double[][] out = new double[months.size()][];
        for (int t = 0; t < out.length; t++) {
            double a = 2 * Math.PI * (months.get(t).getMonthValue() - 1) / 12;
            out[t] = new double[] {Math.sin(a), Math.cos(a)};
        }
        return out;
    }
}
