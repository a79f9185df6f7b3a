package io.orderlift.store.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DateFormatTest {

    @Test
    void aCommonLayoutIsNamedWithTheFormatThatReadsIt() {
        assertEquals(List.of("M/d/yyyy H:mm", "d/M/yyyy H:mm"), DateFormat.likelyPatterns("12/1/2010 8:26"),
                "day and month could be either: both, month first");
        assertEquals(List.of("d/M/yyyy H:mm"), DateFormat.likelyPatterns("13/1/2010 8:26"), "13 is a day");
        assertEquals(List.of("M/d/yyyy H:mm"), DateFormat.likelyPatterns("1/13/2010 8:26"), "13 is a day");
        assertEquals(List.of("d.M.yyyy H:mm:ss"), DateFormat.likelyPatterns("31.12.2010 08:26:59"));
        assertEquals(List.of("M/d/yy"), DateFormat.likelyPatterns("12/31/10"));
        assertEquals(List.of("yyyy/M/d H:mm"), DateFormat.likelyPatterns("2024/3/5 14:05"));
        assertEquals(List.of("yyyy-M-d"), DateFormat.likelyPatterns("2024-3-5"));
        assertEquals(List.of("M/d/yyyy h:mm a"), DateFormat.likelyPatterns("12/31/2010 8:26 PM"));
        assertEquals(List.of(), DateFormat.likelyPatterns("31/31/2010"), "no month 31 either way");
        assertEquals(List.of(), DateFormat.likelyPatterns("yesterday"));
        assertEquals(List.of(), DateFormat.likelyPatterns("1.2.3"));
    }

    @Test
    void everyNamedFormatReadsTheValueItWasNamedFor() {
        assertEquals(Instant.parse("2010-12-31T20:26:00Z").toEpochMilli(),
                DateFormat.of("M/d/yyyy h:mm a").epochMillis("12/31/2010 8:26 PM"));
        assertEquals(Instant.parse("2010-12-31T08:26:59Z").toEpochMilli(),
                DateFormat.of("d.M.yyyy H:mm:ss").epochMillis("31.12.2010 08:26:59"));
    }

    @Test
    void anIsoDateThatDoesNotParseSaysWhichFormatWouldRead() {
        BadValueException e = assertThrows(BadValueException.class,
                () -> DateFormat.ISO.epochMillis("13/1/2010 8:26"));
        assertTrue(e.getMessage().endsWith("; it reads as d/M/yyyy H:mm: give that date format (import --date-format,"
                + " or the import dialog's Date format)"), e.getMessage());
        BadValueException unknown = assertThrows(BadValueException.class,
                () -> DateFormat.ISO.epochMillis("next tuesday"));
        assertTrue(unknown.getMessage().endsWith("for another layout, give the file's date format (import"
                + " --date-format, or the import dialog's Date format), e.g. M/d/yyyy H:mm"), unknown.getMessage());
    }
}
