package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.orderlift.store.StoreException;
import io.orderlift.store.imports.ImportRejectedException;
import io.orderlift.store.imports.RowProblem;
import org.junit.jupiter.api.Test;

/** The headline of an error dialog, worked out without showing one. */
class ErrorDialogsTest {

    @Test
    void anExpectedProblemIsItsOwnMessageAndRunningOutOfMemorySaysWhatToDo() {
        assertEquals("The store is open in another Orderlift window.",
                ErrorDialogs.describe(new RuntimeException(new StoreException("The store is open in another Orderlift window."))));
        String memory = ErrorDialogs.describe(new RuntimeException(new OutOfMemoryError("Java heap space")));
        assertTrue(memory.startsWith("Out of memory: this needed more than the "), memory);
        assertTrue(memory.contains("JAVA_TOOL_OPTIONS=-Xmx"), memory);
        assertEquals("Something went wrong: boom", ErrorDialogs.describe(new IllegalStateException("boom")));
    }

    @Test
    void aFileRefusedForSomeBadRowsSaysHowToImportTheOthers() {
        List<RowProblem> bad = List.of(new RowProblem(3, "unit_price", "-5", "is negative; a price is a number ≥ 0"));
        String skippable = ErrorDialogs.describe(ImportRejectedException.badRows("orders.csv", bad, 1, null, true));
        assertTrue(skippable.startsWith("orders.csv: 1 problem; nothing was imported."), skippable);
        assertTrue(skippable.endsWith("import the file again with \"Skip bad rows\" ticked: the bad ones are then"
                + " listed and kept in the store's import record."), skippable);
        String header = ErrorDialogs.describe(new ImportRejectedException("orders.csv", bad, 1));
        assertFalse(header.contains("Skip bad rows"), header);
    }
}
