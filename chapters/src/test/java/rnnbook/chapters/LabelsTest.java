package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Titles and labels are computed from the values they describe: a learner who changes {@code w} to 0.5 must see
 * "w = 0.5" in the table title, not a stale "w = 0.9". The check: no string literal in a title, a series or column
 * name, or a printed line of a region holds a number of its own (a number next to a letter or underscore, as in
 * {@code x_1} or {@code log10}, is notation, and format specifiers such as {@code %.3f} are not numbers).
 */
class LabelsTest {
    /** The calls whose string arguments are labels a reader sees. */
    private static final Pattern LABEL_CALL = Pattern.compile(
            "(Table\\.create|\\.title|AxisTitle|addSeries|Column\\.create|System\\.out\\.print(?:ln|f)?|String\\.format"
            + "|Charts\\.(?:xy|lines|loss|heatmap|signedHeatmap))\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.%^])\\d+(?:\\.\\d+)?(?![\\w])");
    private static final Pattern NUMBER_FORMAT = Pattern.compile("[0#.,E+-]+");
    private static final Pattern FORMAT = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");

    static List<String> chapters() {
        return new ArrayList<>(Chapters.PROGRAMS.keySet());
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void noTitleOrLabelTypesANumber(String slug) throws IOException {
        List<String> typed = new ArrayList<>();
        for (Pages.Region r : Pages.regions(slug)) {
            for (String label : labels(r.code())) {
                if (NUMBER_FORMAT.matcher(label).matches()) {
                    continue;   // a pattern such as "0.000" says how to print a number, it is not one
                }
                Matcher n = NUMBER.matcher(FORMAT.matcher(label).replaceAll(""));
                if (n.find()) {
                    typed.add(r + ": \"" + label + "\" types " + n.group());
                }
            }
        }
        assertEquals(List.of(), typed, slug + ": compute these labels from the variables they describe");
    }

    /** The string literals among the arguments of label calls (up to the call's closing parenthesis). */
    static List<String> labels(String code) {
        List<String> out = new ArrayList<>();
        Matcher call = LABEL_CALL.matcher(code);
        while (call.find()) {
            int depth = 1;
            int i = call.end();
            StringBuilder args = new StringBuilder();
            boolean inString = false;
            for (; i < code.length() && depth > 0; i++) {
                char c = code.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        args.append(c).append(code.charAt(++i));
                        continue;
                    }
                    inString = c != '"';
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                args.append(c);
            }
            for (Matcher m = LITERAL.matcher(args); m.find(); ) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
