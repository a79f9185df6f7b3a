package io.orderlift.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The log file: {@code logs/orderlift.log} in the user data folder, 5 MB at most, the three before
 * it kept. Until {@link #start} nothing is logged (the packaged configuration is silent), so tests and
 * the command line's standard error stay clean; the workbench and the command line start it first
 * thing. Errors shown to a person name this file. What is logged through java.util.logging (the store
 * layer, Flyway, jOOQ) goes to the same file once it is started, rather than to standard error.
 */
public final class Logging {

    private static volatile Path file;

    private Logging() {
    }

    /** Starts writing the log file under {@code dataDirectory}; returns its path. */
    public static synchronized Path start(Path dataDirectory) {
        Path log = dataDirectory.resolve("logs").resolve("orderlift.log");
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            return null; // a read-only data folder: run without a log file rather than not at all
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(log.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(log.getParent().resolve("orderlift.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        // the libraries' chatter stays out unless it is a warning
        context.getLogger("org.jooq").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer").setLevel(Level.WARN);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        file = log;
        return log;
    }

    /** The log file, once started. */
    public static Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
