package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DateWarningTest {

    private static final long MARCH_1 = LocalDate.parse("2026-03-01").atStartOfDay().toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    private static long[] times(int count, long at) {
        long[] times = new long[count];
        Arrays.fill(times, at);
        return times;
    }

    @Test
    void ordersAllAtOneMomentAreSaidWithTheirDate() {
        DateWarning warning = DateWarning.in(times(1_200, MARCH_1 + 3_600_000L)).orElseThrow();
        assertEquals(new OneMoment(MARCH_1 + 3_600_000L), warning);
        assertEquals("Every order that bought something is dated 2026-03-01", warning.describe());
        assertTrue(warning.advice().startsWith("Every order that bought something is dated 2026-03-01, to the same moment. The backtest"
                + " splits the store's history by time, so it cannot measure this store. If the file gives the order"
                + " time in another column,"), warning.advice());
        assertEquals(new OneMoment(MARCH_1), DateWarning.in(times(2, MARCH_1)).orElseThrow());
    }

    @Test
    void oneOrderOrNoneIsNoMoment() {
        assertTrue(DateWarning.in(times(1, MARCH_1)).isEmpty());
        assertTrue(DateWarning.in(new long[0]).isEmpty());
    }

    /** Two moments a day apart are a (short) history: not one moment, and no date is stray among two. */
    @Test
    void twoMomentsAreNotOne() {
        long[] two = {MARCH_1, MARCH_1, MARCH_1 + 86_400_000L};
        assertTrue(OneMoment.in(two).isEmpty());
        assertTrue(DateWarning.in(two).isEmpty());
    }

    @Test
    void strayDatesAreStillFound() {
        long[] times = new long[300];
        for (int i = 0; i < 299; i++) {
            times[i] = MARCH_1 + i * 86_400_000L;
        }
        times[299] = MARCH_1 + 70L * 365 * 86_400_000L;
        assertInstanceOf(StrayDates.class, DateWarning.in(times).orElseThrow());
    }
}
