package dev.tuner.core.inject;

/**
 * A {@code @Tune} method or knob annotation that cannot work as written. The message names the
 * class and member, the rule that was broken, and how to fix it.
 */
public final class InvalidDeclarationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error in the declaration {@code where} names ({@code @Tune method com.acme.T.loss()}):
     * {@code problem} says which rule it breaks and how to fix it.
     */
    public InvalidDeclarationException(String where, String problem) {
        super(where + ": " + problem);
    }

    /** The same error, raised again where a member is read. */
    InvalidDeclarationException(InvalidDeclarationException original) {
        super(original.getMessage(), original);
    }
}
