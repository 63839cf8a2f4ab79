package dev.tuner.core.inject;

/**
 * A {@code @Tune} method or knob annotation that cannot work as written. The message names the
 * class and member, the rule that was broken, and how to fix it.
 */
public final class InvalidDeclarationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidDeclarationException(String where, String problem) {
        super(where + ": " + problem);
    }

    /** The same error, raised again where a member is read. */
    InvalidDeclarationException(InvalidDeclarationException original) {
        super(original.getMessage(), original);
    }
}
