package rnnbook.chapters.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import rnnbook.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Compact printing for the chapters: a matrix's entries rounded, row by row. */
public final class Show {
    private Show() {
    }

    /** "[0.326, -0.582]" for a row; rows of a larger matrix joined with "; ". */
    public static String rounded(Matrix m, int decimals) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.rows(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(Arrays.stream(m.rowArray(i)).mapToObj(v -> String.format("%." + decimals + "f", v))
                    .collect(Collectors.joining(", ")));
        }
        return sb.append(']').toString();
    }

    /** Sets how a table column prints its numbers ({@link DecimalFormat} pattern, e.g. "0.000" or "0.00E0"). */
    public static DoubleColumn formatted(DoubleColumn column, String pattern) {
        column.setPrintFormatter(new NumberColumnFormatter(
                new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return column;
    }
}
