package rnnbook.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Methods a notebook declares at the top level of a cell, as JShell allows ({@code double squash(double x) {...}}
 * on its own). JShell makes them visible to every later snippet, classes included; the grader gathers them (the
 * last definition of each signature winning) into one class of static methods that the exercise's file imports
 * statically, so the exercise compiles as it ran.
 */
final class TopLevelMethods {
    private TopLevelMethods() {
    }

    /** The class that holds them in an exercise's file; a notebook defining a type of this name gets none. */
    static final String HOLDER = "NotebookTopLevel";

    /** Words that start a statement or a type declaration, never a method's return type. */
    private static final Set<String> NOT_A_TYPE = Set.of("assert", "break", "case", "catch", "class", "continue",
            "default", "do", "else", "enum", "finally", "for", "if", "interface", "new", "record", "return", "switch",
            "throw", "try", "while", "yield", "var", "import", "package");
    /** Java's reserved words: none of them is a method's name. */
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while");
    /** Modifiers, optional type parameters, a return type, a name and "(": looked at on a bounded prefix only. */
    private static final Pattern HEADER = Pattern.compile("^((?:(?:public|private|protected|static|final|synchronized"
            + "|strictfp)\\s+)*)(<[^<>{};()]*(?:<[^<>{};()]*>[^<>{};()]*)*>\\s*)?([A-Za-z_$][\\w$.]*(?:\\s*<[^{};()]*>)?"
            + "(?:\\s*\\[\\s*\\])*)\\s+([A-Za-z_$][\\w$]*)\\s*\\(([^(){};]*)\\)");

    /** The top-level methods of {@code cells}, as one holder class, or "" when there are none. */
    static String holder(List<String> cells) {
        Map<String, String> last = new LinkedHashMap<>();
        for (String cell : cells) {
            for (String chunk : chunks(NotebookCells.withoutImports(cell))) {
                int at = Sources.skipBlank(chunk, 0);
                String text = chunk.substring(at);
                Matcher m = HEADER.matcher(text.substring(0, Math.min(text.length(), 400)));
                if (!m.find() || !text.endsWith("}") || NOT_A_TYPE.contains(m.group(3).replaceAll("[\\s\\[\\]<].*", ""))
                        || KEYWORDS.contains(m.group(4))) {
                    continue;
                }
                String signature = m.group(4) + "(" + m.group(5).replaceAll("\\s+", " ").strip() + ")";
                // JShell ignores access modifiers at the top level; here every method is a static of the holder
                String typeParams = m.group(2) == null ? "" : m.group(2);
                last.remove(signature);   // a redefinition moves to the end, as JShell's order of definition
                last.put(signature, "    static " + typeParams + text.substring(m.end(1) + typeParams.length()));
            }
        }
        return last.isEmpty() ? "" : "final class " + HOLDER + " {\n" + String.join("\n", last.values()) + "\n}";
    }

    /**
     * A cell split where JShell would split it: after a ';' or a '}' at nesting depth 0, outside comments, strings,
     * text blocks and character literals. One pass over the text.
     */
    static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                continue;
            }
            if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (s.startsWith("\"\"\"", i)) {
                int close = s.indexOf("\"\"\"", i + 3);
                i = close < 0 ? n : close + 3;
                continue;
            }
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (c == ';' || c == '}')) {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }
}
