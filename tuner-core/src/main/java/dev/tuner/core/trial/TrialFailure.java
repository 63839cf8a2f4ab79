package dev.tuner.core.trial;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;

/**
 * Why a trial failed: the exception's type and message and the top of its stack.
 *
 * @param type the exception's class name
 * @param message its message, or empty
 * @param where the top stack frame, or empty when the trace is not known
 */
public record TrialFailure(String type, String message, String where) {

    public TrialFailure {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        where = where == null ? "" : where;
    }

    /**
     * The failure a throwable describes: its cause's, when it only wraps one (an objective that
     * calls code by reflection gets an {@link InvocationTargetException}, whose own message is empty).
     */
    public static TrialFailure of(Throwable thrown) {
        Throwable cause = unwrapped(thrown);
        StackTraceElement[] stack = cause.getStackTrace();
        String where = stack.length == 0 ? "" : stack[0].toString();
        return new TrialFailure(cause.getClass().getName(), cause.getMessage(), where);
    }

    /**
     * What {@code thrown} wraps, through reflection's wrappers ({@link InvocationTargetException},
     * {@link UndeclaredThrowableException}); {@code thrown} itself when it wraps nothing.
     */
    public static Throwable unwrapped(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; depth < 8 && (cause instanceof InvocationTargetException
                || cause instanceof UndeclaredThrowableException) && cause.getCause() != null; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One line for people: {@code java.lang.IllegalStateException: boom (at Foo.bar(Foo.java:12))}. */
    public String describe() {
        StringBuilder line = new StringBuilder(type);
        if (!message.isEmpty()) {
            line.append(": ").append(message);
        }
        if (!where.isEmpty()) {
            line.append(" (at ").append(where).append(')');
        }
        return line.toString();
    }
}
