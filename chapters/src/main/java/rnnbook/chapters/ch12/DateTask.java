package rnnbook.chapters.ch12;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic translation task whose inputs vary widely in length: a date written in words, in one of five
 * styles from "23 mar 1999" (11 characters) to "tuesday, the twenty-third of march in the year nineteen
 * ninety-nine" (69), translated into its ISO form, "1999-03-23" (always 10 characters). Dates are uniform over
 * 1900-01-01 .. 2099-12-31.
 */
public final class DateTask {
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2099, 12, 31).toEpochDay() - FIRST.toEpochDay()) + 1;
    private static final String[] UNITS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final String[] ORDINAL_UNITS = {"", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth"};

    /** Every character an input or an output may hold. */
    public static final String SOURCE_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789 ,-";
    public static final String TARGET_CHARACTERS = "0123456789-";

    private DateTask() {
    }

    /** One example: the date, its words and its ISO form. */
    public record Example(LocalDate date, String words, String iso) {
    }

    /** The date in style 0 to 4, from the shortest to the longest. */
    public static String inWords(LocalDate d, int style) {
        String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        String day = String.valueOf(d.getDayOfMonth());
        return switch (style) {
            case 0 -> day + " " + month.substring(0, 3) + " " + d.getYear();                 // 23 mar 1999
            case 1 -> month + " " + day + ", " + d.getYear();                                 // march 23, 1999
            case 2 -> ordinal(d.getDayOfMonth()) + " " + month + " " + d.getYear();           // twenty-third march 1999
            case 3 -> "the " + ordinal(d.getDayOfMonth()) + " of " + month + ", " + year(d.getYear());
            case 4 -> d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                    + ", the " + ordinal(d.getDayOfMonth()) + " of " + month + " in the year " + year(d.getYear());
            default -> throw new IllegalArgumentException("date style must be 0 to 4, got " + style);
        };
    }

    /** {@code count} examples, dates and styles uniform. */
    public static List<Example> examples(int count, Random rng) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate d = FIRST.plusDays(rng.nextInt(DAYS));
            out.add(new Example(d, inWords(d, rng.nextInt(5)), d.toString()));
        }
        return out;
    }

    /** 1 to 99 in words: "seven", "twenty-three". */
    static String cardinal(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("cardinal: 1 to 99 only, got " + n);
        }
        return n < 20 ? UNITS[n] : TENS[n / 10] + (n % 10 == 0 ? "" : "-" + UNITS[n % 10]);
    }

    /** 1 to 31 as an ordinal: "first", "twentieth", "twenty-third". */
    static String ordinal(int n) {
        if (n < 1 || n > 31) {
            throw new IllegalArgumentException("ordinal: a day of the month, 1 to 31, got " + n);
        }
        if (n < 20) {
            return ORDINAL_UNITS[n];
        }
        if (n % 10 == 0) {
            return TENS[n / 10].replace("y", "ieth");
        }
        return TENS[n / 10] + "-" + ORDINAL_UNITS[n % 10];
    }

    /** A year as people say it: "nineteen oh five", "nineteen hundred", "two thousand and eight", "twenty twelve". */
    static String year(int y) {
        int century = y / 100;
        int rest = y % 100;
        if (y >= 2000 && y < 2010) {
            return rest == 0 ? "two thousand" : "two thousand and " + UNITS[rest];
        }
        String head = cardinal(century);
        if (rest == 0) {
            return head + " hundred";
        }
        return head + " " + (rest < 10 ? "oh " + UNITS[rest] : cardinal(rest));
    }
}
