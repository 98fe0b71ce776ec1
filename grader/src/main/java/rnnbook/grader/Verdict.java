package rnnbook.grader;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a test passed, and writes what the learner reads, in the parent only. A hidden test passes when
 * the JUnit Launcher reported it SUCCESSFUL in the submission's child and every value the reference run recorded
 * was recorded by the submission too, with the same shape and within the reference run's tolerance. Messages come
 * only from the fixed templates here, naming recorded values by the names the reference run used; nothing a
 * submission printed, threw or recorded is copied as text (a thrown exception shows as its type and the learner's
 * own stack frames, checked against the learner's own source).
 */
final class Verdict {
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*){0,20}");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$]{0,60}");

    /** The exception types a failed hidden test names: the usual mistakes. */
    private static final Set<String> COMMON = Set.of("java.lang.NullPointerException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.lang.IndexOutOfBoundsException",
            "java.lang.ArithmeticException", "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.ClassCastException", "java.lang.UnsupportedOperationException",
            "java.lang.NegativeArraySizeException");

    /** The learner's own code, to check the stack frames a child reports against. */
    record Source(String fileName, String text, int lineOffset, Set<String> classNames) {
    }

    /** Passed or not, and the message. */
    record Result(boolean passed, String message) {
    }

    private Verdict() {
    }

    /** A hidden test: the child's verdict and the comparison with the reference run. */
    static Result hidden(Prepared.TestSpec spec, ChildRun.TestRun sub, ChildRun.TestRun ref,
                         ChildRun.TestRun starter, Source src) {
        if (ref == null) {
            return new Result(false, "this test has no reference result (a grader error)");
        }
        if (sub == null) {
            return new Result(false, "no result was reported for this test: the run stopped before it (look for a test"
                    + " of this exercise that took too long or crashed)");
        }
        if (!sub.status().equals("SUCCESSFUL")) {
            return new Result(false, failure(spec, sub, src, 0));
        }
        if (sub.values().containsKey("!")) {
            return new Result(false, "the values this test recorded could not be used");
        }
        for (Map.Entry<String, ChildRun.Value> e : ref.values().entrySet()) {
            String problem = compare(e.getKey(), e.getValue(), sub.values().get(e.getKey()));
            if (problem != null) {
                boolean missing = problem.contains("no value");
                String stillStarter = !missing && starter != null && sameValues(starter, sub)
                        ? " (these are the starter's results: is it still the starter?)" : "";
                return new Result(false, problem + stillStarter
                        + (spec.hint() == null || missing ? "" : ". Hint: " + spec.hint()));
            }
        }
        return new Result(true, "");
    }

    /** A public check: JUnit's verdict alone (the learner runs these on their own code), with its message. */
    static Result check(Prepared.TestSpec spec, ChildRun.TestRun run, Source src) {
        if (run == null) {
            return new Result(false, "no result was reported for this check: the run stopped before it (look for a"
                    + " check that took too long or crashed)");
        }
        if (run.status().equals("SUCCESSFUL")) {
            return new Result(true, "");
        }
        return new Result(false, run.message().isEmpty() ? failure(spec, run, src, 5) : run.message());
    }

    private static String compare(String name, ChildRun.Value expected, ChildRun.Value actual) {
        if (actual == null || "missing".equals(actual.problem())) {
            return name + ": no value (the method returned nothing: is it still the starter?)";
        }
        if (actual.problem() != null) {
            return name + ": " + switch (actual.problem()) {
                case "type" -> "the value has the wrong type";
                case "ragged" -> "the rows of the array have different lengths";
                case "large" -> "the value is far too large";
                default -> "the value could not be read";
            };
        }
        if (name.startsWith("shape of ") && expected.data().length == 2 && actual.data().length == 2) {
            double[] x = expected.data();
            double[] y = actual.data();
            return x[0] == y[0] && x[1] == y[1] ? null : name.substring("shape of ".length()) + " has the wrong shape";
        }
        if (name.endsWith("?") && expected.data().length == 1 && actual.data().length == 1) {
            return expected.data()[0] == actual.data()[0] ? null : name + " is not the expected answer";
        }
        if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
            return name + " has the wrong shape";
        }
        double tol = expected.tolerance();
        boolean wrong = false;
        boolean close = true;
        for (int i = 0; i < expected.data().length; i++) {
            double x = expected.data()[i];
            double y = actual.data()[i];
            if (x == y || Math.abs(x - y) <= tol * (1 + Math.abs(x))) {
                continue;
            }
            wrong = true;
            // one bit of how wrong: within 0.1 % (rounding, order of operations) or not
            close &= Double.isFinite(y) && Math.abs(x - y) <= 1e-3 * (1 + Math.abs(x));
        }
        if (!wrong) {
            return null;
        }
        if (expected.data().length == 1 && !Double.isFinite(actual.data()[0])) {
            return name + " is " + (Double.isNaN(actual.data()[0]) ? "NaN" : "infinite");
        }
        // No size of the error, no index and none of the learner's own values: each would tell a hidden input
        // (or the expected value) to a submission that resubmits with what it read.
        String what = expected.data().length == 1 ? name + " is not the expected value"
                : name + " differs from the expected values";
        return what + (close ? " (close: within 0.1 %, but outside the tolerance)" : "");
    }

    private static boolean sameValues(ChildRun.TestRun starter, ChildRun.TestRun sub) {
        if (starter.values().isEmpty() || !starter.values().keySet().equals(sub.values().keySet())) {
            return false;
        }
        for (Map.Entry<String, ChildRun.Value> e : starter.values().entrySet()) {
            ChildRun.Value s = sub.values().get(e.getKey());
            ChildRun.Value t = e.getValue();
            if (s.rows() != t.rows() || s.cols() != t.cols() || !java.util.Arrays.equals(s.data(), t.data())
                    || !java.util.Objects.equals(s.problem(), t.problem())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A failed, aborted or timed-out test, from fixed templates: the type and up to {@code maxFrames} of the
     * learner's own frames. A hidden test ({@code maxFrames} 0) shows no frame: the lines (and methods) of the
     * learner's frames are chosen by the learner, who could write a hidden input into them (one line number of a
     * 1 MiB source carries about 20 bits), and it names only common exception types.
     */
    static String failure(Prepared.TestSpec spec, ChildRun.TestRun run, Source src, int maxFrames) {
        if (run.status().equals("TIMEOUT")) {
            return "took longer than " + String.format(Locale.ROOT, "%.1f", spec.timeoutMs() / 1000.0)
                    + " s and was stopped (an endless loop, or far too much work?)";
        }
        if (run.status().equals("ABORTED")) {
            return "the test was aborted";
        }
        String type = TYPE.matcher(run.type()).matches() ? run.type() : "";
        String simple = type.substring(type.lastIndexOf('.') + 1);
        switch (type) {
            case "java.lang.StackOverflowError":
                return "stack overflow (unbounded recursion?)" + at(run.frames(), src, maxFrames);
            case "java.lang.OutOfMemoryError":
                return "ran out of memory";
            case "java.lang.NoSuchMethodError", "java.lang.NoSuchFieldError", "java.lang.AbstractMethodError",
                 "java.lang.IncompatibleClassChangeError":
                return "your class does not have what the tests call: keep the starter's class name, method names"
                        + " and signatures";
            case "java.lang.NoClassDefFoundError", "java.lang.ClassNotFoundException":
                return "a class is missing or not allowed: exercises may use java.* and rnnbook.tensor.* only";
            case "java.lang.ExceptionInInitializerError":
                return "your class failed while it was being initialised (a static field or block)"
                        + at(run.frames(), src, maxFrames);
            default:
                break;
        }
        if (type.isEmpty()) {
            return "the test failed";
        }
        boolean own = src != null && src.classNames().contains(type);
        if (maxFrames == 0) {
            // a hidden test: the type is the submission's choice, so only a few common ones are named (a free
            // choice among hundreds of types would carry bits of a hidden input), and no frame or line
            return own ? "threw an exception of a class of your own"
                    : COMMON.contains(type) ? "threw " + type : "threw an exception";
        }
        return "threw " + (own ? simple + " (a class of your own)" : type) + at(run.frames(), src, maxFrames);
    }

    /** " at RnnStep.step (line 12)" for each reported frame that is really in the learner's source. */
    private static String at(String frames, Source src, int maxFrames) {
        if (src == null || frames.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        long lines = src.text().lines().count();
        int shown = 0;
        for (String f : frames.split(";")) {
            if (shown == maxFrames) {
                break;
            }
            String[] p = f.split("\\|", -1);
            if (p.length != 4 || !src.classNames().contains(p[0]) || !src.fileName().equals(p[2])) {
                continue;
            }
            String cls = p[0].substring(p[0].lastIndexOf('.') + 1);
            String method = p[1];
            boolean known = method.equals("<init>") || method.equals("<clinit>")
                    || IDENT.matcher(method).matches() && Pattern.compile("\\b" + Pattern.quote(method) + "\\b")
                    .matcher(src.text()).find();
            int line;
            try {
                line = Integer.parseInt(p[3]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!known || line < 1 || line > lines) {
                continue;
            }
            shown++;
            b.append(b.length() == 0 ? " at " : ", called from ").append(cls).append('.').append(method)
                    .append(" (line ").append(line - src.lineOffset()).append(')');
        }
        return b.toString();
    }
}
