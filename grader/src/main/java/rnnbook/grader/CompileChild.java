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
     * The compiler child's JVM options. A one-shot child is short-lived and cold: the quick JIT alone compiles a
     * submission sooner. A warm one ({@code serving}) lives for many submissions and gets the full JIT.
     */
    static List<String> childOptions(List<String> jvmOptions, boolean serving) {
        List<String> options = new ArrayList<>(serving ? List.of("-XX:-UsePerfData")
                : List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData"));
        options.addAll(jvmOptions);
        return options;
    }

    /**
     * Like {@link #compileAll(List, Path, long, List)}, in the warm compiler child of {@code slot}
     * ({@link CompileServer}), reused from the slot's previous submission. A child that ends while compiling is
     * replaced; when it ran out of memory after serving earlier submissions, the request is compiled again in a
     * fresh child before it is charged, so no submission pays for what an earlier one left behind. Adds the child's
     * CPU time to {@code cpu}.
     */
    static Map<String, List<Results.CompileError>> compileAll(List<Request> requests, Path scratch, long leftMs,
                                                               List<String> jvmOptions, int slot,
                                                               java.util.concurrent.atomic.AtomicLong cpu)
            throws IOException, InterruptedException {
        Map<String, List<Results.CompileError>> done = new LinkedHashMap<>();
        List<Request> todo = new ArrayList<>(requests);
        long start = System.currentTimeMillis();
        long end = start + leftMs;
        boolean together = TOGETHER;
        double[] used = {0};
        while (!todo.isEmpty()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                starved(used[0], System.currentTimeMillis() - start);
                break;
            }
            long limit = Math.min(left, limitSeconds() * 1000);
            if (together && todo.size() > 1) {
                // the common case first: everything in one javac task; anything else is decided exercise by exercise
                together = false;
                if (compileTogether(todo, scratch, Math.min(limit, left / 3), jvmOptions, slot, cpu, used)) {
                    todo.forEach(r -> done.put(r.id(), List.of()));
                    break;
                }
                continue;
            }
            Path dir = Files.createTempDirectory(scratch, "compile-");
            Path in = dir.resolve("requests.bin");
            writeRequests(todo, in, false);
            CompileServer server = CompileServer.take(slot, jvmOptions);
            boolean fresh = server.fresh();
            double cpu0 = server.cpuSeconds();
            long t0 = System.currentTimeMillis();
            CompileServer.Reply reply = server.compile(in, dir, limit);
            used[0] += server.requestCpuSeconds();
            if (reply == CompileServer.Reply.TIMED_OUT) {
                starved(server.requestCpuSeconds(), System.currentTimeMillis() - t0);
            }
            boolean alive = reply == CompileServer.Reply.DONE;
            int code = reply == CompileServer.Reply.DIED ? server.exitCode() : 0;
            if (alive) {
                cpu.addAndGet(Math.round((server.cpuSeconds() - cpu0) * 100));
                server.give(slot);
            }
            int i = 0;
            while (i < todo.size() && Files.isRegularFile(dir.resolve(i + ".errors"))) {
                done.put(todo.get(i).id(), readErrors(dir.resolve(i + ".errors")));
                i++;
            }
            boolean retry = !fresh && reply == CompileServer.Reply.DIED;
            if (i < todo.size() && !retry) {
                boolean timedOut = reply == CompileServer.Reply.TIMED_OUT;
                String why = timedOut ? "compilation took longer than " + limit / 1000.0 + " s and was stopped"
                        : code == JvmChild.OUT_OF_MEMORY ? "compilation ran out of memory (" + heap()
                        + " for the compiler)" : "the compiler failed (exit code " + code + ")";
                if (!timedOut || limit < left) {
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

    /** A compile that ran out of time waiting for a core: a grader error, worth another try a little later. */
    static final class Starved extends ChildRun.InfrastructureError {
        private static final long serialVersionUID = 1L;

        Starved(String message) {
            super(message);
        }
    }

    /** A compile that got less than this share of its wall time as CPU was starved, not slow. */
    static final double STARVED = 0.25;

    /**
     * Throws a grader error when the compiler had less than {@link #STARVED} of {@code wallMs} as CPU time: the
     * time went to waiting for a core (two graders side by side, other work on the machine, a cold compiler
     * child starting under load), not to compiling what the submission wrote, so it must not cost the submission
     * its points. A compile bomb keeps its core busy and is charged as before. Unknown CPU time (no /proc): charged.
     */
    static void starved(double cpuSeconds, long wallMs) {
        if (!Double.isNaN(cpuSeconds) && cpuSeconds * 1000 < STARVED * wallMs) {
            throw new Starved(String.format(java.util.Locale.ROOT, "compiling had %.1f CPU s"
                    + " in %.1f s (the machine is too busy, not the submission)", cpuSeconds,
                    wallMs / 1000.0));
        }
    }

    /** {@code -Drnnbook.grader.compileTogether=false} compiles every exercise in a task of its own (to compare). */
    static final boolean TOGETHER = Boolean.parseBoolean(System.getProperty("rnnbook.grader.compileTogether", "true"));
    /** Submissions compiled in one task, and those that went back to one task per exercise (for the figures). */
    static final java.util.concurrent.atomic.AtomicInteger TOGETHER_OK = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger TOGETHER_NOT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Compiles all requests in one javac task in the slot's warm child, each request's classes into its own
     * folder. True only when that task had no error and no request's sources name a class another request
     * declared (so each request would have compiled alone, to the same classes: a helper class shared between two
     * exercises' files must not make one of them compile); otherwise, or when the child ends or takes longer than
     * {@code limitMs}, the outputs are removed, nobody is charged, and the caller compiles request by request.
     */
    private static boolean compileTogether(List<Request> todo, Path scratch, long limitMs, List<String> jvmOptions,
                                           int slot, java.util.concurrent.atomic.AtomicLong cpu, double[] used)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(scratch, "compile-");
        try {
            Path in = dir.resolve("requests.bin");
            writeRequests(todo, in, true);
            CompileServer server = CompileServer.take(slot, jvmOptions);
            double cpu0 = server.cpuSeconds();
            long t0 = System.currentTimeMillis();
            CompileServer.Reply reply = server.compile(in, dir, limitMs);
            used[0] += server.requestCpuSeconds();
            if (reply == CompileServer.Reply.TIMED_OUT) {
                starved(server.requestCpuSeconds(), System.currentTimeMillis() - t0);
            }
            if (reply == CompileServer.Reply.DONE) {
                cpu.addAndGet(Math.round((server.cpuSeconds() - cpu0) * 100));
                server.give(slot);
            }
            if (reply.compiled() && Files.isRegularFile(dir.resolve("together.ok"))) {
                TOGETHER_OK.incrementAndGet();
                return true;
            }
            TOGETHER_NOT.incrementAndGet();
            for (Request r : todo) {
                Prepared.deleteTree(r.out());
            }
            return false;
        } finally {
            Prepared.deleteTree(dir);
        }
    }

    /**
     * The child's side of {@link #compileTogether}: one task, then the check that no request names another's
     * class. The check is lexical and errs towards "no": any identifier in a request's sources (comments and
     * strings included) equal to the simple name of a top-level class of another request, or any Unicode escape
     * (which could spell one), sends the submission back to one task per exercise.
     */
    private static boolean together(List<List<SourceCompiler.Source>> groups, List<Path> outs, List<Path> cp,
                                    Path dir) throws IOException {
        List<java.util.Set<String>> made = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            made.add(new java.util.HashSet<>());
        }
        Path scratchOut = Files.createDirectories(dir.resolve("unrouted"));
        if (!SourceCompiler.compileGroups(groups, outs, cp, scratchOut, made).isEmpty()) {
            return false;
        }
        try (var left = Files.list(scratchOut)) {
            if (left.findAny().isPresent()) {
                return false;   // a class javac wrote without a source of a request: not what one task each gives
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            java.util.Set<String> names = identifiers(groups.get(g));
            if (names == null) {
                return false;
            }
            for (int h = 0; h < groups.size(); h++) {
                if (h == g) {
                    continue;
                }
                for (String c : made.get(h)) {
                    String simple = c.substring(c.lastIndexOf('.') + 1);
                    int nested = simple.indexOf('$');
                    if (names.contains(nested < 0 ? simple : simple.substring(0, nested))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Every Java identifier in the sources, or null when one holds a Unicode escape. */
    private static java.util.Set<String> identifiers(List<SourceCompiler.Source> sources) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SourceCompiler.Source s : sources) {
            String t = s.text();
            if (t.contains("\\u")) {
                return null;
            }
            int i = 0;
            while (i < t.length()) {
                int c = t.codePointAt(i);
                if (Character.isJavaIdentifierStart(c)) {
                    int j = i + Character.charCount(c);
                    while (j < t.length() && Character.isJavaIdentifierPart(t.codePointAt(j))) {
                        j += Character.charCount(t.codePointAt(j));
                    }
                    names.add(t.substring(i, j));
                    i = j;
                } else {
                    i += Character.charCount(c);
                }
            }
        }
        return names;
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
            writeRequests(todo, in, false);
            JvmChild.Exit exit = JvmChild.run(CompileChild.class, heap(), limit, childOptions(jvmOptions, false),
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

    private static void writeRequests(List<Request> requests, Path file, boolean together) throws IOException {
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            o.writeBoolean(together);
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

    /**
     * The child. With {@code REQUESTS DIR}: compiles each request in order, writing {@code I.errors} (atomically)
     * after request I, and exits. With {@code --serve}: does that for each line {@code REQUESTS<tab>DIR} read from
     * standard input, answering {@code rnnbook-compile end} (or {@code end retire} when its heap after a
     * collection has grown past a quarter of its cap, and then exits), until its input ends.
     */
    public static void main(String[] args) throws IOException {
        try {
            if (!args[0].equals("--serve")) {
                compileRequests(Path.of(args[0]), Path.of(args[1]));
            } else {
                java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        StandardCharsets.UTF_8));
                for (String l; (l = lines.readLine()) != null; ) {
                    String[] f = l.split("\t", 2);
                    compileRequests(Path.of(f[0]), Path.of(f[1]));
                    boolean retire = heapAfterCollection() > Runtime.getRuntime().maxMemory() / 4;
                    System.out.println(CompileServer.PREFIX + (retire ? "end retire" : "end"));
                    System.out.flush();
                    if (retire) {
                        break;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.exit(0);
    }

    /** Bytes of heap in use after the last collection of each pool. */
    private static long heapAfterCollection() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            java.lang.management.MemoryUsage u = p.getCollectionUsage();
            if (p.getType() == java.lang.management.MemoryType.HEAP && u != null) {
                used += u.getUsed();
            }
        }
        return used;
    }

    private static void compileRequests(Path requests, Path dir) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(requests)))) {
            boolean together = in.readBoolean();
            int n = in.readInt();
            List<List<SourceCompiler.Source>> groups = new ArrayList<>();
            List<Path> outs = new ArrayList<>();
            List<Path> cp = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path out = Path.of(readString(in));
                cp = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    cp.add(Path.of(readString(in)));
                }
                List<SourceCompiler.Source> sources = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    sources.add(new SourceCompiler.Source(readString(in), readString(in), in.readInt()));
                }
                if (together) {
                    groups.add(sources);
                    outs.add(out);
                    continue;
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
            if (together && together(groups, outs, cp, dir)) {
                Files.writeString(dir.resolve("together.ok"), "");
            }
        }
    }
}
