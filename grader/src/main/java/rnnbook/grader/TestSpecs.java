package rnnbook.grader;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a compiled JUnit test class's methods as the grader knows them: every {@code @Test} method with its
 * {@code @DisplayName} (what the learner reads), {@code @Points} (hidden tests must have it), {@code @Hint} and
 * {@code @Timeout}. The class is loaded in a loader of its own, so annotations are read by name.
 */
final class TestSpecs {
    private TestSpecs() {
    }

    static List<Prepared.TestSpec> read(Class<?> test, boolean hidden, int maxTimeoutMs)
            throws ReflectiveOperationException {
        List<Prepared.TestSpec> specs = new ArrayList<>();
        for (Method m : test.getDeclaredMethods()) {
            if (annotation(m, "org.junit.jupiter.api.Test") == null) {
                continue;
            }
            if (Modifier.isPrivate(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                throw new IllegalStateException(test.getName() + "." + m.getName() + ": a @Test is an instance method");
            }
            String title = string(annotation(m, "org.junit.jupiter.api.DisplayName"));
            Annotation points = annotation(m, "rnnbook.runner.Points");
            if (title == null) {
                throw new IllegalStateException(test.getName() + "." + m.getName() + " needs a @DisplayName");
            }
            if (hidden && points == null) {
                throw new IllegalStateException(test.getName() + "." + m.getName() + " needs @Points");
            }
            Annotation timeout = annotation(m, "org.junit.jupiter.api.Timeout");
            if (timeout == null) {
                timeout = annotation(test.getAnnotations(), "org.junit.jupiter.api.Timeout");
            }
            int ms = maxTimeoutMs;
            if (timeout != null) {
                long v = (long) timeout.annotationType().getMethod("value").invoke(timeout);
                TimeUnit unit = (TimeUnit) timeout.annotationType().getMethod("unit").invoke(timeout);
                ms = (int) Math.min(maxTimeoutMs, unit.toMillis(v));
            }
            specs.add(new Prepared.TestSpec(m.getName(), title, points == null ? 0 : intValue(points),
                    string(annotation(m, "rnnbook.runner.Hint")), ms));
        }
        specs.sort(Comparator.comparing(Prepared.TestSpec::name));
        return List.copyOf(specs);
    }

    private static Annotation annotation(Method m, String type) {
        return annotation(m.getAnnotations(), type);
    }

    private static Annotation annotation(Annotation[] all, String type) {
        for (Annotation a : all) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static String string(Annotation a) throws ReflectiveOperationException {
        return a == null ? null : (String) a.annotationType().getMethod("value").invoke(a);
    }

    private static int intValue(Annotation a) throws ReflectiveOperationException {
        return (int) a.annotationType().getMethod("value").invoke(a);
    }
}
