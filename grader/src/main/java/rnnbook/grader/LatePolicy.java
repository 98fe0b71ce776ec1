package rnnbook.grader;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A due date and a late penalty: a submission d started days late (d = ⌈lateness / 24 h⌉) keeps the fraction
 * {@code 1 − min(cap, d · perDay)} of its points; on time, d = 0. Example: {@code --due 2026-12-10T23:59Z
 * --late-penalty 10%/day --late-cap 50%}: 1 hour late keeps 90 %, 3 days late 70 %, a month late 50 %.
 */
public record LatePolicy(Instant due, double perDay, double cap) {
    public LatePolicy {
        if (perDay < 0 || perDay > 1 || cap < 0 || cap > 1) {
            throw new IllegalArgumentException("penalties are fractions from 0% to 100%: " + perDay + ", cap " + cap);
        }
    }

    /** From the command line: an ISO-8601 instant, {@code N%/day} and {@code N%} (cap; default 100%). */
    public static LatePolicy parse(String due, String penalty, String cap) {
        Instant d;
        try {
            d = Instant.parse(due.matches(".*T\\d\\d:\\d\\d(Z|[+-].*)$") ? due.replaceFirst("T(\\d\\d:\\d\\d)", "T$1:00") : due);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--due must be an ISO-8601 time such as 2026-12-10T23:59Z, got " + due);
        }
        if (penalty == null || !penalty.matches("\\d+(\\.\\d+)?%/day")) {
            throw new IllegalArgumentException("--late-penalty must look like 10%/day, got " + penalty);
        }
        String c = cap == null ? "100%" : cap;
        if (!c.matches("\\d+(\\.\\d+)?%")) {
            throw new IllegalArgumentException("--late-cap must look like 50%, got " + cap);
        }
        return new LatePolicy(d, Double.parseDouble(penalty.substring(0, penalty.indexOf('%'))) / 100,
                Double.parseDouble(c.substring(0, c.length() - 1)) / 100);
    }

    /** Days late, counting a started day as a day; 0 when on time. */
    public long daysLate(Instant submitted) {
        Duration late = Duration.between(due, submitted);
        if (late.isNegative() || late.isZero()) {
            return 0;
        }
        return (late.toSeconds() + 86_399) / 86_400;
    }

    /** The fraction of its points a submission keeps. */
    public double factor(Instant submitted) {
        return 1 - Math.min(cap, daysLate(submitted) * perDay);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "due %s; %.0f%% off per started day late, at most %.0f%%", due,
                perDay * 100, cap * 100);
    }
}
