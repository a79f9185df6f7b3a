package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The log file takes what SLF4J and java.util.logging log once it is started. Run in a child JVM:
 * starting the log is for the whole process, and the other tests' standard error stays as it is.
 */
class LoggingTest {

    @TempDir
    Path dir;

    /** The child: starts the log under its argument, then logs a warning each way. */
    public static void main(String[] args) {
        Logging.start(Path.of(args[0]));
        LoggerFactory.getLogger("io.orderlift.test").warn("through SLF4J");
        java.util.logging.Logger.getLogger("io.orderlift.store.Test").warning("through java.util.logging");
        java.util.logging.Logger.getLogger("io.orderlift.store.Test").fine("below the level");
        LoggerFactory.getLogger("io.orderlift.store.imports.AVeryLongClassNameForTheLog")
                .error("failed", new IllegalStateException("boom"));
    }

    @Test
    void bothLoggingApisWriteTheLogFileAndNotStandardError() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LoggingTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        assertEquals("", output, "nothing on standard output or error");
        String log = Files.readString(dir.resolve("logs").resolve("orderlift.log"));
        assertTrue(log.contains("WARN  [main] io.orderlift.test - through SLF4J"), log);
        assertTrue(log.contains("WARN  [main] io.orderlift.store.Test - through java.util.logging"), log);
        assertFalse(log.contains("below the level"), log);
        assertTrue(log.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[main] .*"), log);
        // a long logger name shortened from the left as %logger{36} does; an error's stack trace below it
        assertTrue(log.contains("ERROR [main] i.o.s.i.AVeryLongClassNameForTheLog - failed"
                + System.lineSeparator() + "java.lang.IllegalStateException: boom"), log);
        assertTrue(log.contains("\tat io.orderlift.common.LoggingTest.main("), log);
        assertFalse(log.contains(System.lineSeparator() + System.lineSeparator()), "no empty line after the trace: " + log);
    }
}
