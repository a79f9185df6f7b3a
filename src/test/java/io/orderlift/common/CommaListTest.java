package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    @Test
    void valuesAloneKeepAColonAndRefuseAQuotedValueFollowedByMore() {
        assertEquals(List.of("A:B", "Soap, lavender", "C"), CommaList.values(" A:B ,\"Soap, lavender\" , C,"));
        assertEquals("'\"A\":2' is not one value (a value holding a comma goes in double quotes, a quote in it doubled)",
                assertThrows(IllegalArgumentException.class, () -> CommaList.values("\"A\":2,B")).getMessage());
    }

    @Test
    void whatIsWrittenParsesBackToTheSameValues() {
        assertEquals("KIT-01", CommaList.written("KIT-01"));
        assertEquals("\"ab\"\"c\"", CommaList.written("ab\"c"));
        assertEquals("\"Soap, lavender\"", CommaList.written("Soap, lavender"));
        assertEquals("\"A:B\"", CommaList.written("A:B"));
        Random random = new Random(47);
        String alphabet = "ab ,:\"-";
        for (int round = 0; round < 2_000; round++) {
            List<String> values = new ArrayList<>();
            for (int v = 1 + random.nextInt(4); v > 0; v--) {
                StringBuilder value = new StringBuilder();
                for (int n = random.nextInt(6); n > 0; n--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(value.toString());
            }
            String written = String.join(",", values.stream().map(CommaList::written).toList());
            assertEquals(values, CommaList.parse(written).stream().map(Entry::value).toList(), written);
        }
    }

    private static Entry plain(String value) {
        return new Entry(value, false, "", value);
    }
}
