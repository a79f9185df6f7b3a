package io.orderlift.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's packaged configuration: nothing is logged until {@link Logging#start} opens the log
 * file. Set in code, registered in {@code META-INF/services}, instead of a {@code logback.xml}: an
 * XML configuration costs every command about 0.4 s of parser start-up in a fresh JVM.
 */
public final class SilentLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
