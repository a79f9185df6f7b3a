package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class StrayDatesTest {

    private static final long DAY = 86_400_000L;

    private static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A year of orders, one every few hours. */
    private static long[] year() {
        return LongStream.range(0, 3_000).map(i -> day("2025-01-01") + i * 365 * DAY / 3_000).toArray();
    }

    private static long[] with(long[] times, long... more) {
        long[] all = Arrays.copyOf(times, times.length + more.length);
        System.arraycopy(more, 0, all, times.length, more.length);
        Arrays.sort(all);
        return all;
    }

    @Test
    void anEvenHistoryHasNone() {
        assertTrue(StrayDates.in(year()).isEmpty());
        assertTrue(StrayDates.in(new long[] {5}).isEmpty());
        assertTrue(StrayDates.in(new long[0]).isEmpty());
    }

    @Test
    void aZeroTimeBeforeTheRestIsFound() {
        StrayDates stray = StrayDates.in(with(year(), 0L, 0L)).orElseThrow();
        assertEquals(2, stray.count());
        assertTrue(stray.early());
        assertEquals("2 orders are dated 1970-01-01, 55 years before the rest (2025-01-01 to 2025-12-31)",
                stray.describe());
    }

    @Test
    void aFewLateOrdersAreFoundWithTheirRange() {
        StrayDates stray = StrayDates.in(with(year(), day("2026-09-01"), day("2026-10-15"))).orElseThrow();
        assertEquals(2, stray.count());
        assertEquals("2 orders are dated 2026-09-01 to 2026-10-15, 8 months after the rest (2025-01-01 to 2025-12-31)",
                stray.describe());
    }

    /** A pause in trading with many orders on both sides is a history, not a stray date. */
    @Test
    void twoBusyStretchesAreNotStray() {
        long[] later = LongStream.range(0, 200).map(i -> day("2027-06-01") + i * DAY).toArray();
        assertTrue(StrayDates.in(with(year(), later)).isEmpty());
    }

    /** Whatever it reports lies beyond a gap of more than a fifth of the range, and is at most 1 % of the orders. */
    @Test
    void whatItFindsIsAlwaysAFewOrdersBeyondAWideGap() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 500; round++) {
            long[] times = LongStream.range(0, 1 + random.nextInt(400)).map(i -> random.nextLong(1_000L * DAY))
                    .toArray();
            if (random.nextBoolean()) {
                times = with(times, LongStream.range(0, random.nextInt(6)).map(i -> random.nextLong(90_000L * DAY))
                        .toArray());
            }
            Arrays.sort(times);
            long[] sorted = times;
            StrayDates.in(sorted).ifPresent(stray -> {
                assertTrue(stray.count() <= sorted.length * StrayDates.MAX_SHARE, stray.toString());
                long gap = stray.early() ? stray.restFrom() - stray.to() : stray.from() - stray.restTo();
                assertTrue(5 * gap > sorted[sorted.length - 1] - sorted[0], stray.toString());
                long beyond = Arrays.stream(sorted).filter(t -> stray.early() ? t <= stray.to() : t >= stray.from())
                        .count();
                assertEquals(stray.count(), beyond, stray.toString());
            });
        }
    }
}
