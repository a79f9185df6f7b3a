package io.orderlift.evaluation;

import java.util.Optional;

/**
 * A history whose orders all share one time: an export that writes its own date in every row, or
 * the wrong column read as the order time. The backtest splits the history by time, so it cannot
 * measure such a store; the cure is to read the order time from another column.
 *
 * @param at the one time of every order that bought something (epoch milliseconds)
 */
public record OneMoment(long at) implements DateWarning {

    /** What fixes it, as a sentence: shared by the import's note and the backtest's refusal. */
    static final String REMEDY = "If the file gives the order time in another column, import it again with that column"
            + " as the order time, replacing the orders already in the store";

    /** The one moment of {@code times} (ascending), if there are at least two and they are all equal. */
    static Optional<OneMoment> in(long[] times) {
        int n = times.length;
        return n >= 2 && times[0] == times[n - 1] ? Optional.of(new OneMoment(times[0])) : Optional.empty();
    }

    @Override
    public String describe() {
        // no count: it would read against the import's, whose orders of returns only are not among these
        return "Every order that bought something is dated " + StrayDates.day(at);
    }

    @Override
    public String advice() {
        return describe() + ", to the same moment. The backtest splits the store's history by time, so it cannot"
                + " measure this store. " + REMEDY + ".";
    }
}
