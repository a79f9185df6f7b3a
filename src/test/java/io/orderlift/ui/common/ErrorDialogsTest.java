package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orderlift.store.StoreException;
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
}
