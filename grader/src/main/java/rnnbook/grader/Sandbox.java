package rnnbook.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How child JVMs are confined. A preflight picks the best tier that works on this machine:
 * <ol>
 *   <li>{@code bubblewrap}: a new mount namespace holding read-only binds of only the JDK (and the C libraries
 *       it links), the engine, the runner module and this submission's run folder; no network, no {@code /proc},
 *       a read-only root and {@code /dev}: nothing is writable; every namespace unshared;</li>
 *   <li>{@code unshare-net}: no network, limits only;</li>
 *   <li>{@code rlimits}: limits and time-outs only, flagged as unconfined.</li>
 * </ol>
 * In every tier the child gets rlimits (processes, file size, open files, CPU seconds, no core dumps) and, when the
 * grader runs as root, an unprivileged uid of its own per parallel slot (root ignores {@code RLIMIT_NPROC}).
 */
public final class Sandbox {
    public enum Tier {
        BUBBLEWRAP("bubblewrap (no network, no /proc, nothing writable, read-only binds of the JDK and the run"
                + " folder only)"),
        UNSHARE_NET("unshare --net (no network; rlimits; files readable as an unprivileged user)"),
        RLIMITS("rlimits and time-outs only: UNCONFINED (network and files are reachable)");

        public final String description;

        Tier(String description) {
            this.description = description;
        }
    }

    /** Threads + processes the child's uid may have: the JVM, the runner and its test thread, and no more. */
    static final int NPROC = 22;
    static final long SCRATCH_BYTES = 16L << 20;

    private final Tier tier;
    private final Path javaHome;
    private final boolean root;
    private final String why;
    /** The trusted runner: no confinement at all, for the reference solution only (never a submission). */
    private final boolean trusted;

    private Sandbox(Tier tier, Path javaHome, boolean root, String why) {
        this(tier, javaHome, root, why, false);
    }

    /** Set when a test chose the JDK ({@link #withJavaHome}): the child's linked image does not replace it. */
    private boolean fixedHome;

    private Sandbox(Tier tier, Path javaHome, boolean root, String why, boolean trusted) {
        this.trusted = trusted;
        this.tier = tier;
        this.javaHome = javaHome;
        this.root = root;
        this.why = why;
    }

    public Tier tier() {
        return tier;
    }

    /** The tier, for reports. */
    public String describe() {
        return tier.name().toLowerCase().replace('_', '-') + ": " + tier.description + (why.isEmpty() ? "" : " [" + why + "]");
    }

    private static Sandbox cached;

    /** This tier with another JDK (tests stand in a broken one: a child that cannot start). */
    Sandbox withJavaHome(Path home) {
        Sandbox s = new Sandbox(tier, home, root, why, trusted);
        s.fixedHome = true;
        return s;
    }

    /** This tier running the child's linked runtime image instead of the grader's JDK (unless a JDK was chosen). */
    Sandbox withImage(Path image) {
        return image == null || fixedHome ? this : new Sandbox(tier, image, root, why, trusted);
    }

    /** Runs the grader's own trusted code (hidden tests against the reference solution): plain {@code java}. */
    static Sandbox trusted() {
        return new Sandbox(Tier.RLIMITS, Path.of(System.getProperty("java.home")).toAbsolutePath(), false,
                "trusted", true);
    }

    /**
     * The tier for this grader process, fixed once: bubblewrap, or, only when asked for explicitly (the system
     * property {@code rnnbook.sandbox}, set by {@code ./book grade --sandbox TIER}), a weaker one. Never a silent
     * fallback: when the tier does not work here, grading stops with the reason.
     */
    public static synchronized Sandbox preflight() {
        if (cached != null) {
            return cached;
        }
        Path home = Path.of(System.getProperty("java.home")).toAbsolutePath();
        try {
            home = home.toRealPath();
        } catch (IOException ignored) {
            // keep the path as given
        }
        boolean root = "root".equals(System.getProperty("user.name")) || uidIsZero();
        String forced = System.getProperty("rnnbook.sandbox", "bubblewrap");
        Tier t;
        try {
            t = Tier.valueOf(forced.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown sandbox tier " + forced + " (bubblewrap, unshare-net, rlimits)");
        }
        Sandbox s = new Sandbox(t, home, root, t == Tier.BUBBLEWRAP ? "" : "asked for with --sandbox");
        String failure = s.trial();
        if (failure != null) {
            throw new IllegalStateException("the " + forced + " sandbox does not work here (" + failure + ")"
                    + (t == Tier.BUBBLEWRAP ? "; install bubblewrap (./book setup), or grade in a weaker tier on"
                    + " purpose with --sandbox unshare-net or --sandbox rlimits (see grader/README.md)" : ""));
        }
        cached = s;
        return cached;
    }

    private static boolean uidIsZero() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A given tier, if its trial run works here (for tests of the lower tiers); else an exception. */
    static Sandbox tier(Tier t) {
        Sandbox best = preflight();
        Sandbox s = new Sandbox(t, best.javaHome, best.root, "forced");
        String failure = s.trial();
        if (failure != null) {
            throw new IllegalStateException(t + " does not work here: " + failure);
        }
        return s;
    }

    /** null when {@code java -version} runs in this tier, else the reason. */
    private String trial() {
        try {
            Path dir = Files.createTempDirectory("rnnbook-preflight");
            List<String> cmd = command(0, dir, List.of(), List.of("-version"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            boolean done = p.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(dir);
            if (!done) {
                p.destroyForcibly();
                return "timed out";
            }
            String text = new String(out).trim();
            return p.exitValue() == 0 && text.contains("version") ? null
                    : "exit " + p.exitValue() + ": " + text.lines().findFirst().orElse("");
        } catch (IOException | InterruptedException e) {
            return e.getMessage();
        }
    }

    Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    /** The uid of a parallel slot, when the grader can switch uids. */
    int uid(int slot) {
        return Uids.of(slot);
    }

    boolean switchesUid() {
        return root;
    }

    /**
     * Kills whatever still runs under a slot's uid and waits (at most 5 s) until it is gone. The thread limit
     * ({@code --nproc}) counts every task of the uid, so a child of the slot that is still exiting (one killed for
     * a time limit, say) would otherwise leave the next child unable to start its own threads.
     */
    void reclaim(int slot) {
        if (!root) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<ProcessHandle> left = processesOf(slot);
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every process (zombies included) whose real uid is the slot's. */
    List<ProcessHandle> processesOf(int slot) {
        String uid = Integer.toString(uid(slot));
        return ProcessHandle.allProcesses().filter(h -> uid.equals(realUid(h.pid()))).toList();
    }

    /** The real uid of a process from /proc, or null when it has gone. */
    private static String realUid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).trim().split("\\s+")[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended while we looked
        }
        return null;
    }

    /**
     * The full command: limits, uid switch, confinement, then {@code java javaArgs}. {@code binds} are the paths
     * the child may read (bound read-only in the bubblewrap tier).
     */
    List<String> command(int slot, Path scratch, List<Path> binds, List<String> javaArgs) {
        List<String> cmd = new ArrayList<>();
        if (trusted) {
            cmd.add(java().toString());
            cmd.addAll(javaArgs);
            return cmd;
        }
        cmd.addAll(List.of("prlimit", "--fsize=" + SCRATCH_BYTES + ":" + SCRATCH_BYTES, "--nofile=256:256",
                "--core=0:0", "--cpu=300:300"));
        if (root) {
            cmd.add("--nproc=" + NPROC + ":" + NPROC);
        }
        cmd.add("--");
        if (tier == Tier.UNSHARE_NET) {
            cmd.addAll(root ? List.of("unshare", "--net", "--ipc", "--") : List.of("unshare", "--user", "--net", "--"));
        }
        if (root) {
            cmd.addAll(List.of("setpriv", "--reuid=" + uid(slot), "--regid=" + uid(slot), "--clear-groups",
                    "--inh-caps=-all", "--"));
        }
        if (tier == Tier.BUBBLEWRAP) {
            // --as-pid-1: the JVM is the namespace's first process, so bubblewrap waits for it itself. Without it,
            // bubblewrap's own init is left behind when bubblewrap exits, a zombie of the slot's uid until the
            // machine's pid 1 reaps it: up to 2 s per child where pid 1 is not a real init (containers), all of it
            // spent in reclaim() before the slot's next child may start.
            cmd.addAll(List.of("bwrap", "--unshare-all", "--as-pid-1", "--die-with-parent", "--new-session",
                    "--cap-drop", "ALL",
                    "--clearenv", "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib") + ":"
                            + javaHome.resolve("lib").resolve("server"),
                    "--setenv", "LANG", "C.UTF-8"));
            bind(cmd, javaHome);
            for (String lib : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib/aarch64-linux-gnu")) {
                if (Files.isDirectory(Path.of(lib))) {
                    bind(cmd, Path.of(lib));
                }
            }
            cmd.addAll(List.of("--symlink", "usr/lib64", "/lib64", "--symlink", "usr/lib", "/lib"));
            Path conf = javaHome.resolve("conf").resolve("security").resolve("java.security");
            try {
                Path real = conf.toRealPath().getParent().getParent();
                if (!real.startsWith(javaHome)) {
                    bind(cmd, real);
                }
            } catch (IOException ignored) {
                // a JDK without a separate conf folder
            }
            for (Path b : binds) {
                bind(cmd, b);
            }
            Path spawn = javaHome.resolve("lib").resolve("jspawnhelper");
            if (Files.exists(spawn)) {
                // the helper every new process starts through is replaced by a non-executable file
                cmd.addAll(List.of("--ro-bind", "/dev/null", spawn.toString()));
            }
            // nothing in the sandbox is writable: bubblewrap's own root and /dev are tmpfs owned by the sandbox
            // user, so both are remounted read-only. With no writable place there is no file a submission could
            // turn into native code (System.load), and no disk to fill.
            cmd.addAll(List.of("--dev", "/dev", "--dir", scratch.toString(), "--chdir", scratch.toString(),
                    "--remount-ro", "/dev", "--remount-ro", "/"));
        }
        cmd.add(java().toString());
        cmd.addAll(javaArgs);
        return cmd;
    }

    private static void bind(List<String> cmd, Path p) {
        cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
    }

    /** The child's working folder: read-only {@code /scratch} in the bubblewrap tier, else a writable folder. */
    Path scratchFor(Path runDir) {
        return tier == Tier.BUBBLEWRAP ? Path.of("/scratch") : runDir.resolve("scratch");
    }
}
