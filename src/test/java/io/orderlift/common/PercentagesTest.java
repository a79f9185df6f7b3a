package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void oneDecimal() {
        assertEquals("41.3 %", Percentages.of(0.413));
        assertEquals("0.1 %", Percentages.of(0.0005));
        assertEquals("99.9 %", Percentages.of(0.9994));
        assertEquals("250.0 %", Percentages.of(2.5));
    }

    @Test
    void theEndsAreExact() {
        assertEquals("0.0 %", Percentages.of(0));
        assertEquals("100.0 %", Percentages.of(1));
    }

    @Test
    void aShareNearAnEndDoesNotReadAsIt() {
        assertEquals("<0.1 %", Percentages.of(0.0004));
        assertEquals("<0.1 %", Percentages.of(1e-9));
        assertEquals(">99.9 %", Percentages.of(0.99992));
        assertEquals(">99.9 %", Percentages.of(0.9995));
    }
}
