package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NiceNumbersTest {

    @Test
    void anAxisEndsAtTheNextRoundNumberWithLittleToSpare() {
        assertEquals(0.08, NiceNumbers.axisTop(0.0774), 1e-15);
        assertEquals(8, NiceNumbers.axisTop(6.1));
        assertEquals(15, NiceNumbers.axisTop(12.2));
        assertEquals(1, NiceNumbers.axisTop(0), "nothing to show still has a scale");
        assertEquals(1, NiceNumbers.axisTop(Double.NaN));
        assertEquals("0.00", NiceNumbers.axisPattern(0.08), "ticks of 0.02 need two decimals, not .0773853…");
        assertEquals("0.0", NiceNumbers.axisPattern(1));
        assertEquals("#,##0", NiceNumbers.axisPattern(8));
        assertEquals("#,##0", NiceNumbers.axisPattern(15_000));
    }
}
