package io.orderlift.mining.external;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.orderlift.store.csv.CsvReader;
import io.orderlift.store.csv.CsvRecord;

/**
 * One table of the Spark job's output: a folder of CSV parts ({@code part-*.csv} or
 * {@code part-*.csv.gz}), each with the same header, read row by row.
 *
 * @param folder the table's folder
 * @param header the columns each part must start with
 */
record JobTable(Path folder, List<String> header) {

    /** Receives one row's fields, already checked to be {@code header.size()} of them. */
    @FunctionalInterface
    interface RowVisitor {
        void row(List<String> fields, Path part, long line);
    }

    /** Visits every row of every part, in part-name order. */
    void forEachRow(RowVisitor visitor) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is missing from the job's output");
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("part-") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
            }).sorted().toList();
        }
        for (Path part : parts) {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(part), 1 << 16);
                 InputStream in = part.getFileName().toString().endsWith(".gz")
                         ? new GZIPInputStream(file, 1 << 16) : file;
                 CsvReader reader = new CsvReader(in)) {
                CsvRecord first = reader.next();
                if (first == null) {
                    continue;
                }
                if (!first.fields().equals(header)) {
                    throw new IllegalArgumentException(part + " starts with " + String.join(",", first.fields())
                            + ", not the header " + String.join(",", header));
                }
                for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                    if (!record.isClean() || record.fields().size() != header.size()) {
                        throw new IllegalArgumentException(part + " line " + record.line() + " is not a row of "
                                + header.size() + " fields (" + String.join(",", header) + ")");
                    }
                    visitor.row(record.fields(), part, record.line());
                }
            }
        }
    }

    /** Field {@code index} of a row as a whole number ≥ 0. */
    int count(List<String> fields, int index, Path part, long line) {
        try {
            int value = Integer.parseInt(fields.get(index));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(part + " line " + line + ": " + header.get(index) + " is "
                + fields.get(index) + ", not a whole number ≥ 0");
    }
}
