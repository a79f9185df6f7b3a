package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> SKUS = List.of("OUT-TEN-001", "OUT-TEN-010", "OUT-STAKES", "OUT-SOCKS",
            "OUT-STOVE-JET", "KIT-KETTLE");

    @Test
    void theClosestKnownNamesComeFirstAndUnrelatedOnesNever() {
        assertEquals(List.of("OUT-STOVE-JET"), Suggestions.closest("out-stove-jet", SKUS), "case aside");
        assertEquals(List.of("OUT-STAKES", "OUT-SOCKS"), Suggestions.closest("OUT-STAKE", SKUS));
        assertEquals(List.of("OUT-TEN-001", "OUT-TEN-010"), Suggestions.closest("OUT-TEN-01", SKUS));
        assertEquals(List.of(), Suggestions.closest("GARDEN-HOSE", SKUS));
        assertEquals(List.of(), Suggestions.closest("X", SKUS));
    }

    @Test
    void theMessageSuggestsOrSaysSkusAreCaseSensitive() {
        assertEquals("No product with SKU 'OUT-STAKE' in the store. Did you mean OUT-STAKES or OUT-SOCKS?",
                Suggestions.unknownSku("OUT-STAKE", SKUS));
        assertEquals("No product with SKU 'GARDEN-HOSE' in the store (SKUs are case-sensitive).",
                Suggestions.unknownSku("GARDEN-HOSE", SKUS));
    }

    @Test
    void theDistanceIsLevenshteinsAndGivesUpPastTheLimit() {
        assertEquals(3, Suggestions.distance("kitten", "sitting", 5));
        assertEquals(0, Suggestions.distance("same", "same", 1));
        assertEquals(2, Suggestions.distance("abcdef", "zzzzzz", 1), "limit + 1 once past it");
    }
}
