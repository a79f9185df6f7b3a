package io.orderlift.evaluation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * A few orders dated far from the rest of a history: a 1970 date where an export wrote a missing
 * time as zero, a year typed as 2099. The backtest splits the date range by time, so one such order
 * stretches the range and leaves the training or the test period all but empty. Found as the
 * widest gap between consecutive orders when it spans more than a fifth of the range (the test
 * period's default share) and the orders beyond it are at most {@link #MAX_SHARE} of all.
 *
 * @param count    how many orders lie beyond the gap
 * @param early    whether they come before the rest (else after)
 * @param from     the earliest of them (epoch milliseconds)
 * @param to       the latest of them
 * @param restFrom the first order of the rest
 * @param restTo   the last order of the rest
 */
public record StrayDates(int count, boolean early, long from, long to, long restFrom, long restTo)
        implements DateWarning {

    /** The largest share of orders that can be called stray: more than that is a history of its own. */
    static final double MAX_SHARE = 0.01;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What to tell the person who imported them: "1 order is dated 2099-06-01, 73 years after the
     * rest (…). The backtest splits the date range by time: check that date in the file."
     */
    @Override
    public String advice() {
        return describe() + ". The backtest splits the store's date range by time: check "
                + (count == 1 ? "that date" : "those dates") + " in the file.";
    }

    /** The stray orders among {@code times} (ascending), if any. */
    static Optional<StrayDates> in(long[] times) {
        int n = times.length;
        if (n < 2) {
            return Optional.empty();
        }
        int widest = 1;
        for (int i = 2; i < n; i++) {
            if (times[i] - times[i - 1] > times[widest] - times[widest - 1]) {
                widest = i;
            }
        }
        long gap = times[widest] - times[widest - 1];
        if (gap * 5 <= times[n - 1] - times[0]) {
            return Optional.empty();
        }
        int before = widest;
        int after = n - widest;
        int limit = (int) Math.floor(n * MAX_SHARE);
        if (before <= after && before <= limit) {
            return Optional.of(new StrayDates(before, true, times[0], times[widest - 1], times[widest], times[n - 1]));
        }
        if (after < before && after <= limit) {
            return Optional.of(new StrayDates(after, false, times[widest], times[n - 1], times[0], times[widest - 1]));
        }
        return Optional.empty();
    }

    /**
     * "1 order is dated 2099-06-01, 73 years after the rest (2025-01-01 to 2026-03-31)": what to
     * look for in the file.
     */
    @Override
    public String describe() {
        String when = from == to ? day(from) : day(from) + " to " + day(to);
        long days = early ? (restFrom - to) / 86_400_000L : (from - restTo) / 86_400_000L;
        String distance = days >= 730 ? days / 365 + " years" : days >= 60 ? days / 30 + " months" : days + " days";
        return String.format(Locale.ROOT, "%s dated %s, %s %s the rest (%s to %s)",
                count == 1 ? "1 order is" : String.format(Locale.ROOT, "%,d orders are", count), when, distance,
                early ? "before" : "after", day(restFrom), day(restTo));
    }

    static String day(long millis) {
        return DAY.format(Instant.ofEpochMilli(millis));
    }
}
