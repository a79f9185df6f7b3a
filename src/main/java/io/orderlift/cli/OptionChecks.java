package io.orderlift.cli;

import io.orderlift.common.PlainNumbers;

/**
 * The checks several commands make of their options, each worded one way: the option's name, the
 * rule, and the value given.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * {@code --limit K}: {@code limit}, or 0 (the command's list length: a profile's or a rule set's)
     * when it was not given; a value under 1 is an error, not read as "the default", which nobody
     * typing 0 means.
     */
    static int limitOrListLength(Integer limit) {
        return limit == null ? 0 : limit(limit);
    }

    /** {@code --limit K}, checked to be at least 1. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        return limit;
    }

    /** {@code value} of {@code option}, checked to be a number ≥ 0 (not NaN). */
    static double atLeastZero(String option, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(option + " must be ≥ 0, not " + PlainNumbers.of(value));
        }
        return value;
    }
}
