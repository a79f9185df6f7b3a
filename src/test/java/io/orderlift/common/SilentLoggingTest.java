package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.ServiceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class SilentLoggingTest {

    @Test
    void logbackFindsTheSilentConfigurationAndNoXmlToParse() {
        List<String> found = ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()).toList();
        assertEquals(List.of(SilentLogging.class.getName()), found);
        assertNull(getClass().getResource("/logback.xml"), "an XML configuration costs every command its parser");
        LoggerContext context = new LoggerContext();
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new SilentLogging().configure(context));
        assertEquals(Level.OFF, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
