package io.orderlift.store.imports;

/** A field's value breaks the import format; the message says why, without naming the field. */
final class BadValueException extends RuntimeException {

    BadValueException(String reason) {
        super(reason, null, false, false);
    }
}
