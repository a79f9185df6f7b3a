package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.orderlift.common.CommaList.Entry;
import org.junit.jupiter.api.Test;

/** Comma-separated command-line values, quoted as in CSV where one holds a comma. */
class CommaListTest {

    @Test
    void plainValuesAreStrippedAndBlankOnesSkipped() {
        assertEquals(List.of(plain("A"), plain("B C"), plain("D:2")), CommaList.parse(" A ,, B C ,D:2,"));
        assertEquals(List.of(), CommaList.parse(" "));
    }

    @Test
    void quotedValuesKeepCommasSpacesAndDoubledQuotesAndSayWhatFollowsThem() {
        assertEquals(List.of(new Entry("Home, garden", true, "", "\"Home, garden\""),
                        new Entry(" 12\" ruler ", true, ": 3", "\" 12\"\" ruler \" : 3"), plain("X"),
                        new Entry("", true, "", "\"\"")),
                CommaList.parse("\"Home, garden\", \" 12\"\" ruler \" : 3 ,X,\"\""));
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheTextFromIt() {
        assertEquals("'\"A, B' has no closing quote",
                assertThrows(IllegalArgumentException.class, () -> CommaList.parse("C, \"A, B")).getMessage());
    }

    private static Entry plain(String value) {
        return new Entry(value, false, "", value);
    }
}
