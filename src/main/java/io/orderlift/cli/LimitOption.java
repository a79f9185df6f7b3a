package io.orderlift.cli;

/**
 * The one rule for every {@code --limit K}: a count of at least 1. Where the option is optional and
 * absent, the command's own default applies (a profile's or a rule set's list length); {@code 0} is
 * refused rather than read as "the default", which nobody typing it means.
 */
final class LimitOption {

    private LimitOption() {
    }

    /** {@code limit}, or 0 (the list length) when it was not given; a value under 1 is an error. */
    static int orListLength(Integer limit) {
        return limit == null ? 0 : atLeastOne(limit);
    }

    /** {@code limit}, checked to be at least 1. */
    static int atLeastOne(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        return limit;
    }
}
