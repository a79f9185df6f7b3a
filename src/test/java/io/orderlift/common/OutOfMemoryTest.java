package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class OutOfMemoryTest {

    @Test
    void theAdviceNamesTheLimitAndASizeTwiceIt() {
        String small = OutOfMemory.advice(300L * 1024 * 1024);
        assertTrue(small.contains("more than the 300 MB Java may use here"), small);
        assertTrue(small.contains("JAVA_TOOL_OPTIONS=-Xmx2g"), small);
        String large = OutOfMemory.advice(6L * 1024 * 1024 * 1024);
        assertTrue(large.contains("more than the 6.0 GB Java may use here"), large);
        assertTrue(large.contains("JAVA_TOOL_OPTIONS=-Xmx12g"), large);
    }

    @Test
    void itIsFoundAmongTheCauses() {
        assertTrue(OutOfMemory.in(new OutOfMemoryError()));
        assertTrue(OutOfMemory.in(new RuntimeException(new ExecutionException(
                new OutOfMemoryError("Java heap space")))));
        assertFalse(OutOfMemory.in(new RuntimeException(new IllegalStateException())));
        assertFalse(OutOfMemory.in(null));
    }
}
