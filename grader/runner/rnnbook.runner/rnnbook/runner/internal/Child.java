package rnnbook.runner.internal;

import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The child side of grading: reads the per-run secret and the compiled test classes from stdin (never from a file
 * the submission could open), closes stdin, then runs each exercise's test class through the JUnit Platform
 * Launcher. {@link Listener} reports every verdict, and what a hidden test recorded, as lines that start with the
 * secret. The grader trusts only such lines, and decides a pass itself: a submission that prints, throws, exits,
 * crashes or hangs can at worst lose its own points.
 *
 * <p>Each exercise runs in fresh class loaders: a new copy of the engine, the submission's classes (which see only
 * {@code java.*} and {@code rnnbook.tensor.*}), and the test classes defined from bytes in memory (no
 * {@code getResource} exposes them). {@code @Timeout} is enforced here, on the one worker thread that runs the
 * Launcher: when a test overruns, or an exercise leaves a thread running, the child reports what it has and halts,
 * so that the parent runs the remaining exercises in a fresh child.
 */
public final class Child {
    private Child() {
    }

    /** One exercise: its test class, where the submission's classes are, per test its time limit. */
    record Job(String id, String submissionDir, String testClass, boolean hidden, Map<String, byte[]> classes,
               Map<String, Integer> timeoutMs) {
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
                boolean hidden = in.readBoolean();
                Map<String, byte[]> classes = new HashMap<>();
                for (int k = in.readInt(); k > 0; k--) {
                    String name = in.readUTF();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    classes.put(name, bytes);
                }
                Map<String, Integer> timeouts = new HashMap<>();
                for (int k = in.readInt(); k > 0; k--) {
                    timeouts.put(in.readUTF(), in.readInt());
                }
                jobs.add(new Job(id, dir, test, hidden, classes, timeouts));
            }
        }
        Channel channel = new Channel(real, secret);
        secret = null;
        // the Launcher finds the Jupiter engine through the boot layer (the system loader), with no listener,
        // filter or session hook found by service loading: only this module's listener sees the results
        Thread.currentThread().setContextClassLoader(ClassLoader.getSystemClassLoader());
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .build());
        // one worker thread for every exercise, started before the baseline: the thread count stays constant
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-worker");
            t.setDaemon(true);
            t.setContextClassLoader(ClassLoader.getSystemClassLoader());
            return t;
        });
        worker.submit(() -> { }).get();
        Set<Thread> baseline = new HashSet<>(Thread.getAllStackTraces().keySet());
        for (Job job : jobs) {
            channel.send("S", job.id);
            boolean poisoned = runExercise(job, engine, channel, worker, launcher);
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

    /** Runs one exercise's test class; true when a test overran (the child must not be reused). */
    private static boolean runExercise(Job job, Path engine, Channel channel, ExecutorService worker,
                                       Launcher launcher) throws Exception {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        URLClassLoader engineLoader = new URLClassLoader("engine", new URL[] {engine.toUri().toURL()}, platform);
        ClassLoader visible = new FilterLoader(engineLoader);
        URLClassLoader submission = new URLClassLoader("submission",
                new URL[] {Path.of(job.submissionDir).toUri().toURL()}, visible);
        TestLoader tests = new TestLoader(engineLoader, submission, job.classes);
        Recorder.useEngine(engineLoader);
        Class<?> testClass;
        try {
            testClass = tests.loadClass(job.testClass);
        } catch (Throwable e) {
            channel.send("X", job.id);
            return false;
        }
        Listener listener = new Listener(channel, job.id, job.hidden, job.timeoutMs, engineLoader);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .configurationParameter("junit.platform.output.capture.stderr", "false")
                .build();
        Future<?> run = worker.submit(() -> launcher.execute(request, listener));
        while (true) {
            try {
                run.get(20, TimeUnit.MILLISECONDS);
                return false;
            } catch (TimeoutException e) {
                if (listener.overran()) {
                    return true;
                }
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && b.length() < 200_000; i++) {
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

    /** Defines the test classes from bytes; JUnit and this module's API come from the boot layer. */
    private static final class TestLoader extends ClassLoader {
        private final ClassLoader submission;
        private final Map<String, byte[]> hidden;
        private final Map<String, Class<?>> defined = new HashMap<>();

        TestLoader(ClassLoader engine, ClassLoader submission, Map<String, byte[]> hidden) {
            super("tests", engine);
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
            if (name.startsWith("rnnbook.runner.") || name.startsWith("org.junit.") || name.startsWith("org.opentest4j.")
                    || name.startsWith("org.apiguardian.")) {
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
