package rnnbook.runner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test method (public, no arguments) and the points it is worth; public checks use 0 points. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {
    /** Points earned when the test passes. */
    int points() default 1;

    /** What the test checks, in words the learner understands (shown in the report). */
    String value();
}
