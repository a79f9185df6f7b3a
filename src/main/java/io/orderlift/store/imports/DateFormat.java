package io.orderlift.store.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import io.orderlift.common.OrderLineRules;

/**
 * How an import reads {@code ordered_at}: ISO-8601 (the generic format's rule, DESIGN.md), or a
 * {@code java.time} pattern for exports that write dates their own way: {@code M/d/yyyy H:mm}
 * reads {@code 12/1/2010 8:26} (a spreadsheet's export, the UCI Online Retail file),
 * {@code dd.MM.yyyy HH:mm} reads {@code 01.12.2010 08:26}. A date and time without an offset is
 * UTC, as in ISO; a date alone is its midnight. Immutable.
 */
public final class DateFormat {

    /** ISO-8601 dates and date-times, with {@code T} or a space and an optional offset. */
    public static final DateFormat ISO = new DateFormat(null, null);

    private final String pattern;
    private final DateTimeFormatter formatter;

    private DateFormat(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /**
     * The dates of {@code pattern} ({@link DateTimeFormatter} letters; English month and day
     * names); {@link #ISO} when it is empty.
     *
     * @throws IllegalArgumentException when it is not a pattern, or cannot give a date
     */
    public static DateFormat of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return ISO;
        }
        String p = pattern.strip();
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(p, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + p + "' is not a date format: " + e.getMessage());
        }
        if (!(p.contains("y") || p.contains("u")) || !(p.contains("M") || p.contains("L")) || !p.contains("d")) {
            throw new IllegalArgumentException("'" + p + "' is not a date format: it needs a year (yyyy), a month (M, MM"
                    + " or MMM) and a day (d or dd)");
        }
        return new DateFormat(p, formatter);
    }

    /** {@code text} as epoch milliseconds; {@link BadValueException} says why it cannot be read. */
    long epochMillis(String text) {
        if (formatter == null) {
            try {
                return OrderLineRules.timestamp(text);
            } catch (IllegalArgumentException e) {
                throw new BadValueException(e.getMessage() + "; for another layout, give the file's date format,"
                        + " e.g. M/d/yyyy H:mm");
            }
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new BadValueException("is empty; expected a date as " + pattern);
        }
        try {
            TemporalAccessor t = formatter.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof OffsetDateTime at) {
                return at.toInstant().toEpochMilli();
            }
            if (t instanceof LocalDateTime at) {
                return at.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return ((LocalDate) t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadValueException("does not match the date format " + pattern);
        }
    }

    @Override
    public String toString() {
        return pattern == null ? "ISO-8601" : pattern;
    }
}
