package io.orderlift.store.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ImportRejectedExceptionTest {

    private static List<RowProblem> badDates(int count) {
        return LongStream.rangeClosed(2, count + 1)
                .mapToObj(line -> new RowProblem(line, "InvoiceDate", "1/1/2025 7:06", "is not a valid date"))
                .toList();
    }

    /** A whole file of bad dates (a real export: half a million rows) is counted as a person reads numbers. */
    @Test
    void largeCountsAreWrittenWithThousandsSeparators() {
        ImportRejectedException e = ImportRejectedException.badRows("orders.csv",
                badDates(ImportRejectedException.LISTED_PROBLEMS), 525_535, null, false);
        assertTrue(e.getMessage().startsWith("orders.csv: 525,535 problems; nothing was imported."), e.getMessage());
        assertTrue(e.getMessage().endsWith("  … and 525,515 more"), e.getMessage());
        assertTrue(e.firstLine().endsWith(" (and 525,534 more problems); nothing was imported"), e.firstLine());
    }

    @Test
    void oneMoreProblemIsSingular() {
        ImportRejectedException e = ImportRejectedException.badRows("orders.csv", badDates(2), 2, null, false);
        assertTrue(e.getMessage().startsWith("orders.csv: 2 problems; nothing was imported."), e.getMessage());
        assertTrue(e.firstLine().endsWith(" (and 1 more problem); nothing was imported"), e.firstLine());
        assertEquals("orders.csv line 2, column InvoiceDate (\"1/1/2025 7:06\"): is not a valid date; nothing was"
                + " imported", ImportRejectedException.badRows("orders.csv", badDates(1), 1, null, false).firstLine());
    }
}
