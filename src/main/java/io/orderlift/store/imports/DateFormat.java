package io.orderlift.store.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The formats {@link #likelyPatterns} tries, built once each (a handful of patterns in all). */
    private static final Map<String, DateFormat> LAYOUTS = new ConcurrentHashMap<>();

    /** Day, month and year with one separator, then optionally a time: a spreadsheet's or a shop's own layout. */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:[ T](\\d{1,2}):\\d{2}(:\\d{2})?(\\s*[AaPp][Mm])?)?");

    /**
     * What to tell the importer of a date that is not ISO: the date format that reads it when its
     * layout is a common one ("it reads as M/d/yyyy H:mm: give that date format …"; both orders
     * when day and month could be either), else how to give one.
     */
    static String likelyLayout(String text) {
        List<String> reading = likelyPatterns(text.strip());
        String how = "(import --date-format, or the import dialog's Date format)";
        if (reading.isEmpty()) {
            return "for another layout, give the file's date format " + how + ", e.g. M/d/yyyy H:mm";
        }
        if (reading.size() == 1) {
            return "it reads as " + reading.get(0) + ": give that date format " + how;
        }
        return "it reads as " + reading.get(0) + " (month first, as US exports write it) or as " + reading.get(1)
                + " (day first): give the file's date format " + how;
    }

    /** The patterns that read {@code text}, month-first before day-first; empty for an unknown layout. */
    static List<String> likelyPatterns(String text) {
        Matcher m = NUMERIC_DATE.matcher(text);
        if (!m.matches()) {
            return List.of();
        }
        String sep = m.group(2);
        String time = m.group(5) == null ? "" : m.group(7) != null ? (m.group(6) == null ? " h:mm a" : " h:mm:ss a")
                : m.group(6) == null ? " H:mm" : " H:mm:ss";
        List<String> dates = new ArrayList<>();
        if (m.group(1).length() == 4) {
            dates.add("yyyy" + sep + "M" + sep + "d");
        } else if (m.group(1).length() <= 2) {
            String year = m.group(4).length() == 4 ? "yyyy" : "yy";
            dates.add("M" + sep + "d" + sep + year);
            dates.add("d" + sep + "M" + sep + year);
        }
        List<String> reading = new ArrayList<>();
        for (String date : dates) {
            String pattern = date + time;
            try {
                LAYOUTS.computeIfAbsent(pattern, DateFormat::of).epochMillis(text);
                reading.add(pattern);
            } catch (BadValueException | IllegalArgumentException e) {
                // not this layout: the day or the month is out of range
            }
        }
        return reading;
    }

    /** {@code text} as epoch milliseconds; {@link BadValueException} says why it cannot be read. */
    long epochMillis(String text) {
        if (formatter == null) {
            try {
                return OrderLineRules.timestamp(text);
            } catch (IllegalArgumentException e) {
                throw new BadValueException(e.getMessage() + "; " + likelyLayout(text));
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
