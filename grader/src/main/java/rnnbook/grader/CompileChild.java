package rnnbook.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a submission's exercises in a child JVM ({@link JvmChild}) with its own heap cap and time limit, so a
 * compile bomb (a huge constant expression, an exponential overload resolution) costs only its own exercise and
 * never the grader's memory or time. One child compiles all exercises of a submission (one JVM start-up per
 * submission); it writes each exercise's errors to a file of its own as soon as that exercise is done, so when
 * the child runs out of time or memory the exercise it was compiling gets that as its compile error, and the
 * exercises after it are compiled in a fresh child.
 */
final class CompileChild {
    /** One exercise's javac task: in-memory sources compiled into {@code out}. */
    record Request(String id, List<SourceCompiler.Source> sources, List<Path> classpath, Path out) {
    }

    private CompileChild() {
    }

    static long limitSeconds() {
        return Long.getLong("rnnbook.grader.compileSeconds", 60);
    }

    static String heap() {
        return System.getProperty("rnnbook.grader.compileHeap", "512m");
    }

    /**
     * The errors of every request compiled within {@code leftMs} (empty when it compiled); a request missing from
     * the map was not compiled because the submission's time ran out.
     */
    static Map<String, List<Results.CompileError>> compileAll(List<Request> requests, Path scratch, long leftMs,
                                                               List<String> jvmOptions)
            throws IOException, InterruptedException {
        Map<String, List<Results.CompileError>> done = new LinkedHashMap<>();
        List<Request> todo = new ArrayList<>(requests);
        long end = System.currentTimeMillis() + leftMs;
        while (!todo.isEmpty()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            long limit = Math.min(left, limitSeconds() * 1000);
            Path dir = Files.createTempDirectory(scratch, "compile-");
            Path in = dir.resolve("requests.bin");
            writeRequests(todo, in);
            // javac in a fresh JVM is short-lived and cold: the quick JIT alone compiles a submission sooner
            List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                    "-XX:-UsePerfData"));
            options.addAll(jvmOptions);
            JvmChild.Exit exit = JvmChild.run(CompileChild.class, heap(), limit, options,
                    List.of(in.toString(), dir.toString()));
            int i = 0;
            while (i < todo.size() && Files.isRegularFile(dir.resolve(i + ".errors"))) {
                done.put(todo.get(i).id(), readErrors(dir.resolve(i + ".errors")));
                i++;
            }
            if (i < todo.size()) {
                String why = exit.timedOut() ? "compilation took longer than " + limit / 1000.0 + " s and was stopped"
                        : exit.outOfMemory() ? "compilation ran out of memory (" + heap() + " for the compiler)"
                        : "the compiler failed (exit code " + exit.code() + ")";
                if (!exit.timedOut() || limit < left) {
                    // the exercise that was compiling is charged; when the whole time ran out, the rest are not run
                    done.put(todo.get(i).id(), List.of(new Results.CompileError("", 0, 0, why)));
                }
                i++;
            }
            Prepared.deleteTree(dir);
            todo = new ArrayList<>(todo.subList(Math.min(i, todo.size()), todo.size()));
        }
        return done;
    }

    private static void writeRequests(List<Request> requests, Path file) throws IOException {
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeInt(requests.size());
            for (Request r : requests) {
                writeString(o, r.out().toString());
                o.writeInt(r.classpath().size());
                for (Path p : r.classpath()) {
                    writeString(o, p.toString());
                }
                o.writeInt(r.sources().size());
                for (SourceCompiler.Source s : r.sources()) {
                    writeString(o, s.path());
                    writeString(o, s.text());
                    o.writeInt(s.lineOffset());
                }
            }
        }
    }

    private static List<Results.CompileError> readErrors(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<Results.CompileError> errors = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                errors.add(new Results.CompileError(readString(in), in.readLong(), in.readLong(), readString(in)));
            }
            return errors;
        }
    }

    private static void writeString(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** The child: compiles each request in order, writing {@code I.errors} (atomically) after request I. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                Path out = Path.of(readString(in));
                List<Path> cp = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    cp.add(Path.of(readString(in)));
                }
                List<SourceCompiler.Source> sources = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    sources.add(new SourceCompiler.Source(readString(in), readString(in), in.readInt()));
                }
                List<Results.CompileError> errors = SourceCompiler.compile(sources, cp, out, List.of());
                Path tmp = dir.resolve(i + ".tmp");
                try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                    o.writeInt(errors.size());
                    for (Results.CompileError e : errors) {
                        writeString(o, e.file());
                        o.writeLong(e.line());
                        o.writeLong(e.column());
                        writeString(o, e.message());
                    }
                }
                Files.move(tmp, dir.resolve(i + ".errors"), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.exit(0);
    }
}
