package io.orderlift.samples;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.orderlift.common.CsvFields;

/** Formatting helpers for the generated CSV files: deterministic, locale-free. */
final class CsvText {

    private CsvText() {
    }

    /** Quotes a field when it holds a comma, quote or line break. */
    static String field(String text) {
        return CsvFields.field(text);
    }

    /** Cents as a decimal amount: 1299 → 12.99. */
    static String money(long cents) {
        long abs = Math.abs(cents);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return cents < 0 ? "-" + text : text;
    }

    static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** {@code 2025-03-04T10:22:31Z}. */
    static String isoInstant(long epochSecond) {
        LocalDateTime t = utc(epochSecond);
        return t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + "T" + two(t.getHour())
                + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + "Z";
    }

    /** Shopify's {@code 2025-03-04 10:22:31 +0000}. */
    static String shopifyTime(long epochSecond) {
        LocalDateTime t = utc(epochSecond);
        return t.getYear() + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth()) + " " + two(t.getHour())
                + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " +0000";
    }
}
