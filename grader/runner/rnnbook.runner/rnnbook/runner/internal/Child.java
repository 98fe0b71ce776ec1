package rnnbook.runner.internal;

import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;

/**
 * The child side of grading: reads the per-run secret and the compiled tests from stdin (never from a file the
 * submission could open), closes stdin, then runs each exercise's tests and reports every result on stdout as a
 * line that starts with the secret. The parent trusts only such lines; a submission that prints, exits, crashes or
 * hangs can at worst lose its own points.
 *
 * <p>Each exercise runs in fresh class loaders: a new copy of the engine, the submission's classes (which see
 * only {@code java.*} and {@code rnnbook.tensor.*}), and the hidden test classes defined from bytes in memory
 * (no {@code getResource} exposes them). When a test times out or an exercise leaves a thread running, the child
 * reports what it has and halts, so that the parent runs the remaining exercises in a fresh child.
 */
public final class Child {
    private Child() {
    }

    private record Job(String id, String submissionDir, String testClass, Map<String, byte[]> classes,
                       int timeoutMs) {
    }

    /** Writes authenticated result lines; reachable only from main's stack, in a package nobody may open. */
    private static final class Channel {
        private final PrintStream out;
        private final String secret;

        Channel(PrintStream out, String secret) {
            this.out = out;
            this.secret = secret;
        }

        synchronized void send(String kind, String... fields) {
            StringBuilder line = new StringBuilder("\n").append(secret).append(' ').append(kind);
            for (String f : fields) {
                line.append('\t').append(escape(f));
            }
            line.append('\n');
            out.print(line);
            out.flush();
        }
    }

    public static void main(String[] args) throws Exception {
        Path engine = Path.of(args[0]);
        PrintStream real = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        List<Job> jobs = new ArrayList<>();
        String secret;
        try (DataInputStream in = new DataInputStream(System.in)) {
            secret = in.readUTF();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String dir = in.readUTF();
                String test = in.readUTF();
                int k = in.readInt();
                Map<String, byte[]> classes = new HashMap<>();
                for (int j = 0; j < k; j++) {
                    String name = in.readUTF();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    classes.put(name, bytes);
                }
                jobs.add(new Job(id, dir, test, classes, in.readInt()));
            }
        }
        Channel channel = new Channel(real, secret);
        secret = null;
        // one worker thread for every test, started before the baseline: the thread count stays constant (the
        // child's uid has a tight thread limit, and a finished thread's native side lingers for a moment)
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-worker");
            t.setDaemon(true);
            return t;
        });
        worker.submit(() -> { }).get();
        Set<Thread> baseline = new HashSet<>(Thread.getAllStackTraces().keySet());
        for (Job job : jobs) {
            channel.send("S", job.id);
            boolean poisoned = runExercise(job, engine, channel, worker);
            channel.send("E", job.id);
            if (poisoned || leftoverThreads(baseline)) {
                channel.send("H", job.id);
                Runtime.getRuntime().halt(3);
            }
        }
        channel.send("D");
        Runtime.getRuntime().halt(0);
    }

    private static boolean leftoverThreads(Set<Thread> baseline) throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!baseline.contains(t) && t.isAlive()) {
                t.join(200);
                if (t.isAlive()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs one exercise's tests; true when a test thread is still running (the child must not be reused). */
    private static boolean runExercise(Job job, Path engine, Channel channel, ExecutorService worker)
            throws Exception {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        URLClassLoader engineLoader = new URLClassLoader(new URL[] {engine.toUri().toURL()}, platform);
        ClassLoader visible = new FilterLoader(engineLoader);
        URLClassLoader submission = new URLClassLoader(new URL[] {Path.of(job.submissionDir).toUri().toURL()},
                visible);
        TestLoader tests = new TestLoader(engineLoader, submission, job.classes);
        Class<?> testClass;
        try {
            testClass = tests.loadClass(job.testClass);
        } catch (Throwable e) {
            channel.send("X", job.id, "the tests could not be loaded: " + e);
            return false;
        }
        List<Method> methods = new ArrayList<>();
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Graded.class) && Modifier.isPublic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Future<String> run = worker.submit(() -> runOne(testClass, m));
            String o;
            try {
                o = run.get(job.timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                channel.send("R", job.id, m.getName(), "FAIL", "took longer than " + job.timeoutMs / 1000.0
                        + " s and was stopped (an endless loop, or far too much work?)");
                return true;
            } catch (ExecutionException e) {
                o = "the test could not run";
            }
            if (o == null) {
                channel.send("R", job.id, m.getName(), "FAIL", "the test ended without a result");
            } else if (o.isEmpty()) {
                channel.send("R", job.id, m.getName(), "PASS", "");
            } else {
                channel.send("R", job.id, m.getName(), "FAIL", o);
            }
        }
        return false;
    }

    /** "" on success, else the learner-facing reason; runs on the test's own thread. */
    private static String runOne(Class<?> testClass, Method m) {
        try {
            Object instance = testClass.getDeclaredConstructor().newInstance();
            m.invoke(instance);
            return "";
        } catch (InvocationTargetException e) {
            return describe(e.getCause());
        } catch (Throwable e) {
            return describe(e);
        }
    }

    private static String describe(Throwable e) {
        try {
            if (e instanceof Check.Failure) {
                return e.getMessage();
            }
            if (e instanceof NoSuchMethodError || e instanceof NoSuchFieldError || e instanceof AbstractMethodError) {
                return "your class does not have what the tests call (" + e.getMessage()
                        + "): keep the starter's class name, method names and signatures";
            }
            if (e instanceof NoClassDefFoundError) {
                return "a class is missing or not allowed (" + e.getMessage()
                        + "): exercises may use java.* and rnnbook.tensor.* only";
            }
            if (e instanceof StackOverflowError) {
                return "stack overflow (unbounded recursion?)";
            }
            if (e instanceof OutOfMemoryError) {
                return "ran out of memory";
            }
            StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return "threw " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (top == null ? "" : " (at " + top.getClassName() + "." + top.getMethodName() + ", line "
                    + top.getLineNumber() + ")");
        } catch (Throwable nested) {
            return "threw an exception whose message could not be read";
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && b.length() < 2000; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** What submitted code may link against: the Java core (boot loader) and the engine's Matrix package. */
    private static final class FilterLoader extends ClassLoader {
        private final ClassLoader engine;

        FilterLoader(ClassLoader engine) {
            super(null);
            this.engine = engine;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("rnnbook.tensor.")) {
                return engine.loadClass(name);
            }
            if (name.startsWith("java.")) {
                return super.loadClass(name, resolve);
            }
            throw new ClassNotFoundException(name + " (exercises may use java.* and rnnbook.tensor.* only)");
        }

        @Override
        public URL getResource(String name) {
            return null;
        }
    }

    /** Defines the hidden test classes from bytes; submission classes come from the submission's loader. */
    private static final class TestLoader extends ClassLoader {
        private final ClassLoader submission;
        private final Map<String, byte[]> hidden;
        private final Map<String, Class<?>> defined = new HashMap<>();

        TestLoader(ClassLoader engine, ClassLoader submission, Map<String, byte[]> hidden) {
            super(engine);
            this.submission = submission;
            this.hidden = new HashMap<>(hidden);
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            Class<?> c = defined.get(name);
            if (c != null) {
                return c;
            }
            byte[] bytes = hidden.remove(name);
            if (bytes != null) {
                c = defineClass(name, bytes, 0, bytes.length);
                defined.put(name, c);
                return c;
            }
            if (name.startsWith("rnnbook.runner.")) {
                return Child.class.getClassLoader().loadClass(name);
            }
            if (name.startsWith("rnnbook.exercises.")) {
                return submission.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return null;
        }
    }
}
