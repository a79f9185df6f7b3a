package io.orderlift.ruleset.evaluator;

/** A rule set that cannot be used: unreadable, truncated, not matching the schema, or tampered with. */
public final class RuleSetException extends RuntimeException {

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
