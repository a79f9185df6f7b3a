package io.orderlift.evaluation;

import java.util.Optional;

import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;

/**
 * Something in a history's order dates that defeats the backtest's split by time: said after an
 * import, by {@code info} and on the overview, before anyone runs a backtest and wonders why.
 */
public sealed interface DateWarning permits StrayDates, OneMoment {

    /** What is wrong, as a clause to look for in the file: "1 order is dated 2099-06-01, 73 years after the rest (…)". */
    String describe();

    /** What is wrong and what to do about it, in sentences. */
    String advice();

    /** What {@code store}'s order dates call for, if anything. */
    static Optional<DateWarning> in(Store store) {
        return in(new StoreQueries(store).orderTimes());
    }

    /** What the order times {@code times} (ascending) call for: one moment first, else stray dates. */
    static Optional<DateWarning> in(long[] times) {
        return OneMoment.in(times).<DateWarning>map(moment -> moment).or(() -> StrayDates.in(times));
    }
}
