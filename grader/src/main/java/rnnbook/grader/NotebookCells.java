package rnnbook.grader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code cells of a notebook as JShell sees them after running them all top to bottom: imports from every
 * cell, the last definition of a class winning, and classes defined in other cells usable as helpers.
 */
final class NotebookCells {
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import[ \\t]+(static[ \\t]+)?[\\w.]+(\\.\\*)?[ \\t]*;[ \\t]*$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|static|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum)\\s+([A-Za-z_$][\\w$]*)");

    private NotebookCells() {
    }

    /** Every import line of every cell, in order, once each. */
    static List<String> imports(List<String> cells) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : cells) {
            Matcher m = IMPORT.matcher(c);
            while (m.find()) {
                out.add(m.group().strip());
            }
        }
        return new ArrayList<>(out);
    }

    /** A cell's text with its import lines blanked (kept as empty lines, so line numbers stay the cell's own). */
    static String withoutImports(String cell) {
        return IMPORT.matcher(cell).replaceAll("");
    }

    /** The name of the class a cell defines, when the cell is a single type declaration; else null. */
    static String declaredType(String cell) {
        String body = withoutImports(cell);
        int i = Sources.skipBlank(body, 0);
        Matcher m = TYPE.matcher(body.substring(i, Math.min(body.length(), i + 300)));
        return m.find() && body.strip().endsWith("}") ? m.group(2) : null;
    }

    static boolean defines(String cell, String className) {
        return className.equals(declaredType(cell));
    }

    /**
     * Classes defined by the other cells (last definition of each name), none of them an exercise's class: they
     * go after the exercise's class in the same file, as JShell would have them.
     */
    static String helpers(List<String> cells, int exerciseCell, Catalog catalog) {
        java.util.Map<String, String> last = new java.util.LinkedHashMap<>();
        for (int k = 0; k < cells.size(); k++) {
            String t = declaredType(cells.get(k));
            if (k != exerciseCell && t != null && catalog.byClassName(t).isEmpty()) {
                last.put(t, withoutImports(cells.get(k)).strip().replaceFirst("^public\\s+", ""));
            }
        }
        return String.join("\n", last.values());
    }
}
