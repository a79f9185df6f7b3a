package io.orderlift.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Slice file names, the same as the JavaScript package's sliceFileName (its test checks these SKUs). */
class RuleSetSlicesTest {

    @Test
    void fileNamesArePercentEncodedAndSafe() {
        assertEquals("OUT-TEN-001.json", RuleSetSlices.fileName("OUT-TEN-001"));
        assertEquals("a%20b%2Fc%2Ad%21e%27%28f%29%7E.%C3%A9.json", RuleSetSlices.fileName("a b/c*d!e'(f)~.é"));
        assertEquals("%2E..json", RuleSetSlices.fileName(".."));
    }
}
