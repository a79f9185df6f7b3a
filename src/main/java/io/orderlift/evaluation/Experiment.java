package io.orderlift.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.orderlift.store.csv.CsvReader;
import io.orderlift.store.csv.CsvRecord;
import io.orderlift.store.csv.TextEncoding;

/**
 * An A/B experiment's results: one row per order, as docs/measuring.md defines the CSV
 * ({@code order_id, arm, order_value, offer_impressions, offer_accepted_value}). Arms are named
 * freely; the one called {@code control} is the baseline.
 */
public record Experiment(Map<String, List<Row>> arms) {

    /** The columns of the experiment CSV, in any order, case-insensitive. */
    public static final List<String> COLUMNS = List.of("order_id", "arm", "order_value", "offer_impressions",
            "offer_accepted_value");

    /** One order of the experiment. */
    public record Row(String orderId, double orderValue, int offerImpressions, double offerAcceptedValue) {
    }

    /** Reads and checks the file; a bad row names the line, the column and the value. */
    public static Experiment read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); CsvReader csv = new CsvReader(in, ',',
                CsvReader.DEFAULT_MAX_RECORD_BYTES, TextEncoding.DETECT)) {
            CsvRecord header = csv.next();
            if (header == null) {
                throw new IllegalArgumentException(name + " is empty");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                index.put(header.field(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String column : COLUMNS) {
                if (!index.containsKey(column)) {
                    throw new IllegalArgumentException(name + ": the header lacks the column " + column
                            + " (expected " + String.join(", ", COLUMNS) + ")");
                }
            }
            Map<String, List<Row>> arms = new LinkedHashMap<>();
            CsvRecord r;
            while ((r = csv.next()) != null) {
                if (!r.isClean()) {
                    throw new IllegalArgumentException(name + " line " + r.line() + ": " + (r.problem() != null
                            ? r.problem() : "column " + header.field(r.badEncodingField()).strip() + " " + r.encodingProblem()));
                }
                String arm = r.field(index.get("arm")).strip();
                if (arm.isEmpty()) {
                    throw new IllegalArgumentException(name + " line " + r.line() + ", column arm: empty");
                }
                arms.computeIfAbsent(arm, k -> new ArrayList<>()).add(new Row(r.field(index.get("order_id")).strip(),
                        number(name, r, index, "order_value"), (int) whole(name, r, index, "offer_impressions"),
                        number(name, r, index, "offer_accepted_value")));
            }
            if (!arms.containsKey("control") || arms.size() < 2) {
                throw new IllegalArgumentException(name + " needs an arm named control and at least one other arm"
                        + " (found " + arms.keySet() + ")");
            }
            return new Experiment(arms);
        } catch (NoSuchFileException e) {
            throw new IOException("The file " + file + " does not exist", e);
        }
    }

    private static double number(String name, CsvRecord r, Map<String, Integer> index, String column) {
        String text = r.field(index.get(column)).strip();
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + r.line() + ", column " + column + " (\"" + text
                    + "\"): not a number ≥ 0");
        }
    }

    private static long whole(String name, CsvRecord r, Map<String, Integer> index, String column) {
        double value = number(name, r, index, column);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " line " + r.line() + ", column " + column + ": not a whole number");
        }
        return (long) value;
    }
}
