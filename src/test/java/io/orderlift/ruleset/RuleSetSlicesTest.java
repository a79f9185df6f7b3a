package io.orderlift.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slice file names, the same as the JavaScript package's sliceFileName (its test checks these SKUs). */
class RuleSetSlicesTest {

    @Test
    void fileNamesArePercentEncodedAndSafe() {
        assertEquals("OUT-TEN-001.json", RuleSetSlices.fileName("OUT-TEN-001"));
        assertEquals("a%20b%2Fc%2Ad%21e%27%28f%29%7E.%C3%A9.json", RuleSetSlices.fileName("a b/c*d!e'(f)~.é"));
        assertEquals("%2E..json", RuleSetSlices.fileName(".."));
    }

    /**
     * A long SKU (a product name standing in for one) keeps the start of its encoding, never half an
     * escape, then ~ and its hash: a name file systems take (at most 255 bytes), and another SKU's never.
     */
    @Test
    void longSkusAreCutAndHashed() {
        assertEquals("a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a~314e34339751a2f5.json", RuleSetSlices.fileName("a ".repeat(100)));
        assertEquals("%E7%B7%91%E8%8C%B6%E3%83%86%E3%82%A3%E3%83%BC%E3%83%90%E3%83%83%E3%82%B0%E7%B7%91%E8%8C%B6%E3%83%86%E3%82%A3%E3%83%BC%E3%83%90%E3%83%83%E3%82%B0%E7%B7~a68201d9b3457799.json", RuleSetSlices.fileName("緑茶ティーバッグ".repeat(10)));
        String longest = RuleSetSlices.fileName("緑".repeat(200));
        assertTrue(longest.length() <= 255 && longest.matches("[A-Za-z0-9%._~-]+"), longest);
        assertNotEquals(longest, RuleSetSlices.fileName("緑".repeat(199) + "茶"), "the same start, another hash");
        String justShort = "b".repeat(200);
        assertEquals(justShort + ".json", RuleSetSlices.fileName(justShort));
    }
}
