package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notebook contract, checked fast: a chapter's included regions, in page order, compile as one program in
 * which declaration regions (static methods, records, classes) are top-level members and statement regions run
 * one after another in a single scope, with only the imports of the included files. That is what a notebook's
 * cells see: a region can use only what earlier regions declared and public classes. (Stricter than JShell in
 * one way: a variable may not be declared twice in a chapter.) {@link JShellRegionsTest} runs the regions for real.
 */
class RegionsCompileTest {
    private static final Pattern DECLARATION = Pattern.compile(
            "^(public\\s+|private\\s+|protected\\s+)?(static\\s+|final\\s+|abstract\\s+)*"
                    + "(record|class|interface|enum)\\b|^(public\\s+|private\\s+)?static\\s+");

    /** A region that declares a class (not a record, which is static already) without saying static. */
    private static final Pattern CLASS = Pattern.compile("^(public\\s+|final\\s+|abstract\\s+)*class\\b");

    static List<String> chapters() {
        return new ArrayList<>(Chapters.PROGRAMS.keySet());
    }

    /** True when a region declares members (its first code line, after comments, is a declaration). */
    static boolean isDeclaration(String code) {
        for (String line : code.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")
                    || line.startsWith("@")) {
                continue;
            }
            return DECLARATION.matcher(line).find();
        }
        return false;
    }

    /**
     * A notebook cell shows the value of its last expression: a region that ends in {@code System.out.printf(...)}
     * would print its text and then "java.io.PrintStream@1b2c3d". Such regions print with
     * {@code System.out.println(String.format(...))} instead.
     */
    @ParameterizedTest
    @MethodSource("chapters")
    void noRegionEndsWithAValueOnlyANotebookWouldShow(String slug) throws IOException {
        Pattern lastStatement = Pattern.compile("(?s).*;\\s*$");
        for (Pages.Region r : Pages.regions(slug)) {
            String code = r.code().strip();
            if (isDeclaration(code) || !lastStatement.matcher(code).matches()) {
                continue;
            }
            // the last statement: from the last line that starts one (not a continuation) to the end
            List<String> lines = code.lines().toList();
            int start = lines.size() - 1;
            while (start > 0 && lines.get(start).startsWith(" ".repeat(indent(lines.get(start - 1)) + 1))) {
                start--;
            }
            String last = String.join("\n", lines.subList(start, lines.size())).strip();
            assertTrue(!last.startsWith("System.out.printf(") && !last.startsWith("System.out.format("),
                    slug + ", " + r + ": the region ends with " + last.lines().findFirst().orElse("")
                            + " whose PrintStream a notebook would show; use System.out.println(String.format(...))");
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void regionsCompileInPageOrderAsOneNotebook(String slug, @TempDir Path out) throws IOException {
        List<Pages.Region> regions = Pages.regions(slug);
        Set<String> imports = new LinkedHashSet<>();
        StringBuilder members = new StringBuilder();
        StringBuilder body = new StringBuilder();
        List<String> filesSeen = new ArrayList<>();
        for (Pages.Region r : regions) {
            imports.addAll(Pages.imports(r.file()));
            if (!filesSeen.isEmpty() && !filesSeen.get(filesSeen.size() - 1).equals(r.file())) {
                // a new program: its statements get their own scope, as its main has (JShell would let a
                // later cell redeclare a name; programs are shown one after another, never interleaved)
                assertTrue(!filesSeen.contains(r.file()), slug + ": regions of " + r.file()
                        + " are interleaved with another program's; keep each program's regions together");
                body.append("}\nstatic void cells").append(filesSeen.size()).append("() throws Exception {\n");
            }
            if (filesSeen.isEmpty() || !filesSeen.get(filesSeen.size() - 1).equals(r.file())) {
                filesSeen.add(r.file());
            }
            String code = r.code();
            if (CLASS.matcher(code).find()) {
                code = "static " + code;   // a top-level class of JShell has no enclosing instance: a static member
            }
            (isDeclaration(code) ? members : body).append("// ").append(r).append('\n').append(code);
        }
        String source = String.join("\n", imports) + "\nclass Notebook {\n" + members
                + "\nstatic void cells() throws Exception {\n" + body + "}\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(Path.of("target/classpath.txt")).strip();
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///Notebook.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "-encoding", "UTF-8"),
                null, List.of(file)).call();
        assertTrue(ok, slug + ": the regions do not compile in page order:\n" + errors + "\n" + numbered(source));
        assertEquals("", errors.toString().strip(), slug + ": compiler warnings");
    }

    /**
     * In a notebook every top-level variable of a cell lives on, shared by all cells of the chapter. When two
     * regions declare the same name, re-running the earlier one after Run All sees the later one's value (chapter 2's
     * {@code xs} of another shape), so a name that lives between cells is introduced by one region per chapter.
     */
    @ParameterizedTest
    @MethodSource("chapters")
    void eachTopLevelNameIsIntroducedByOneRegionOfTheChapter(String slug) throws IOException {
        java.util.Map<String, String> introducedBy = new java.util.LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Pages.Region r : Pages.regions(slug)) {
            String code = r.code();
            if (isDeclaration(code)) {
                continue;
            }
            for (String name : topLevelVariables(code)) {
                String earlier = introducedBy.putIfAbsent(name, r.toString());
                if (earlier != null && !earlier.equals(r.toString())) {
                    clashes.add(name + " in " + earlier + " and again in " + r);
                }
            }
        }
        assertEquals(List.of(), clashes, slug + ": names declared by two regions (rename one, or keep it local)");
    }

    /** The variables a run of statements declares at its top level (not inside a block, loop or lambda). */
    static List<String> topLevelVariables(String statements) throws IOException {
        String source = "class Cell { void cell() {\n" + statements + "\n} }";
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///Cell.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var task = (com.sun.source.util.JavacTask) ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, null, List.of("-proc:none"), null, List.of(file));
        List<String> names = new ArrayList<>();
        for (var unit : task.parse()) {
            var cls = (com.sun.source.tree.ClassTree) unit.getTypeDecls().get(0);
            var method = (com.sun.source.tree.MethodTree) cls.getMembers().stream()
                    .filter(m -> m instanceof com.sun.source.tree.MethodTree mt && mt.getName().contentEquals("cell"))
                    .findFirst().orElseThrow();
            for (var statement : method.getBody().getStatements()) {
                if (statement instanceof com.sun.source.tree.VariableTree v) {
                    names.add(v.getName().toString());
                }
            }
        }
        return names;
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
        }
        return sb.toString();
    }
}
