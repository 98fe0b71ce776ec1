package rnnbook.grader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The in-process Java compiler (javax.tools), used by the parent for submissions and tests. Annotation
 * processing is off ({@code -proc:none}), so no submitted code runs while compiling.
 */
public final class SourceCompiler {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private static final ThreadLocal<StandardJavaFileManager> FILE_MANAGERS = ThreadLocal.withInitial(
            () -> JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8));

    private SourceCompiler() {
    }

    /** A source held in memory; {@code lineOffset} lines were prepended by the grader (subtracted in errors). */
    public record Source(String path, String text, int lineOffset) {
    }

    private static final class MemorySource extends SimpleJavaFileObject {
        final Source source;
        /** Where this file's classes go, or null for the task's {@code -d}. */
        final Path out;

        MemorySource(Source source, Path out) {
            super(URI.create("string:///" + source.path()), Kind.SOURCE);
            this.source = source;
            this.out = out;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source.text();
        }
    }

    /** Compiles in-memory sources into {@code out}; returns the errors (empty on success). */
    public static List<Results.CompileError> compile(List<Source> sources, List<Path> classpath, Path out,
                                                     List<String> extra) {
        if (JAVAC == null) {
            throw new IllegalStateException("no Java compiler: run the grader with a JDK, not a JRE");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (Source s : sources) {
            units.add(new MemorySource(s, null));
        }
        return run(units, classpath, out, extra, null);
    }

    /**
     * Compiles several groups of in-memory sources in ONE javac task (one symbol table for all), each group's
     * classes written to its own folder ({@code outs}, one per group); {@code made} receives, per group, the
     * binary names of the classes written for it. Returns the errors of all groups together.
     */
    public static List<Results.CompileError> compileGroups(List<List<Source>> groups, List<Path> outs,
                                                           List<Path> classpath, Path scratchOut,
                                                           List<java.util.Set<String>> made) {
        List<JavaFileObject> units = new ArrayList<>();
        java.util.Map<Path, java.util.Set<String>> byOut = new java.util.HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            byOut.put(outs.get(g), made.get(g));
            for (Source s : groups.get(g)) {
                units.add(new MemorySource(s, outs.get(g)));
            }
        }
        StandardJavaFileManager fm = FILE_MANAGERS.get();
        javax.tools.JavaFileManager routed = new javax.tools.ForwardingJavaFileManager<>(fm) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       javax.tools.FileObject sibling) throws IOException {
                if (location == javax.tools.StandardLocation.CLASS_OUTPUT && sibling instanceof MemorySource m
                        && m.out != null) {
                    Path file = m.out.resolve(className.replace('.', '/') + kind.extension);
                    Files.createDirectories(file.getParent());
                    byOut.get(m.out).add(className);
                    return fm.getJavaFileObjects(file).iterator().next();
                }
                return super.getJavaFileForOutput(location, className, kind, sibling);
            }
        };
        return run(units, classpath, scratchOut, List.of(), routed);
    }

    /** Compiles source files from disk (the runner module, tests). */
    public static List<Results.CompileError> compileFiles(List<Path> files, List<Path> classpath, Path out,
                                                          List<String> extra) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StandardJavaFileManager fm = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        fm.getJavaFileObjectsFromPaths(files).forEach(units::add);
        return run(units, classpath, out, extra, fm);
    }

    private static List<Results.CompileError> run(List<JavaFileObject> units, List<Path> classpath, Path out,
                                                  List<String> extra, javax.tools.JavaFileManager given) {
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        // one file manager per thread, reused: it caches the JDK's class index, the slow part of a small compile.
        // No --release: the child runs on this same JDK, and reading ct.sym would cost more than the compile
        javax.tools.JavaFileManager fm = given != null ? given : FILE_MANAGERS.get();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-encoding", "UTF-8",
                "-implicit:none", "-Xlint:none", "-nowarn", "-d", out.toString()));
        if (!classpath.isEmpty()) {
            options.add("-classpath");
            options.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        options.addAll(extra);
        StringWriter sink = new StringWriter();
        boolean ok;
        try {
            ok = JAVAC.getTask(sink, fm, diags, options, null, units).call();
        } catch (RuntimeException e) {
            return List.of(new Results.CompileError("", 0, 0, "the compiler failed: " + e));
        } catch (StackOverflowError e) {
            // a pathologically nested file costs only its own exercise; this thread's compiler state is dropped
            FILE_MANAGERS.remove();
            return List.of(new Results.CompileError("", 0, 0, "the compiler ran out of stack on this file (an"
                    + " expression nested far too deeply?)"));
        } finally {
            if (given instanceof StandardJavaFileManager) {
                try {
                    fm.close();
                } catch (IOException ignored) {
                    // nothing to release that matters
                }
            }
        }
        List<Results.CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = "";
            int offset = 0;
            if (d.getSource() instanceof MemorySource m) {
                file = m.source.path().substring(m.source.path().lastIndexOf('/') + 1);
                offset = m.source.lineOffset();
            } else if (d.getSource() != null) {
                file = Path.of(d.getSource().toUri()).getFileName().toString();
            }
            long line = d.getLineNumber() == Diagnostic.NOPOS ? 0 : Math.max(0, d.getLineNumber() - offset);
            long col = d.getColumnNumber() == Diagnostic.NOPOS ? 0 : d.getColumnNumber();
            errors.add(new Results.CompileError(file, line, col, d.getMessage(Locale.ROOT)));
        }
        if (!ok && errors.isEmpty()) {
            // javac's own crash report (a stack trace of the compiler) means nothing to a learner
            String why = sink.toString().contains("StackOverflowError")
                    ? "the compiler ran out of stack on this file (an expression nested far too deeply?)"
                    : "compilation failed: " + sink.toString().lines().limit(3).reduce((a, b) -> a + " " + b)
                    .orElse("");
            errors.add(new Results.CompileError("", 0, 0, why));
        }
        return errors;
    }
}
