package io.orderlift.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One line of the log file: {@code 2026-12-06 09:30:01.250 WARN  [main] i.o.store.Store - message}, then
 * the stack trace of an error. What logback's {@code PatternLayout} writes for
 * {@code %d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n}, without loading its
 * registry of converters (some 140 classes, a tenth of every command's start-up in a fresh JVM).
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final int LEVEL_WIDTH = 5;

    private final TargetLengthBasedClassNameAbbreviator loggerName = new TargetLengthBasedClassNameAbbreviator(36);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, LEVEL_WIDTH - level.length())));
        line.append(" [").append(event.getThreadName()).append("] ")
                .append(loggerName.abbreviate(event.getLoggerName())).append(" - ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            // each line of the trace ends with a line separator, the last one too
            line.append(ThrowableProxyUtil.asString(error));
        }
        return line.toString();
    }
}
