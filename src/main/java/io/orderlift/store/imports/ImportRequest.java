package io.orderlift.store.imports;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.orderlift.store.csv.TextEncoding;

/**
 * What to import and how.
 *
 * @param file        the CSV file ({@code .gz} is decompressed on the fly)
 * @param format      the file's layout
 * @param columnMap   header overrides, field → column name ({@code --map})
 * @param skipBadRows import the good rows and report the bad ones instead of rejecting the file
 * @param replace     overwrite orders already in the store whose content differs
 * @param dateFormat  how {@code ordered_at} is written ({@code --date-format}; ISO-8601 by default)
 * @param encoding    how the file's bytes become text ({@code --encoding}; UTF-8 or Windows-1252 by default)
 */
public record ImportRequest(Path file, ImportFormat format, Map<OrderField, String> columnMap,
                            boolean skipBadRows, boolean replace, DateFormat dateFormat, TextEncoding encoding) {

    public ImportRequest {
        columnMap = Map.copyOf(columnMap);
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** A generic-format import with no options. */
    public static ImportRequest of(Path file) {
        return new ImportRequest(file, ImportFormat.GENERIC, Map.of(), false, false, DateFormat.ISO, TextEncoding.DETECT);
    }

    public ImportRequest withFormat(ImportFormat newFormat) {
        return new ImportRequest(file, newFormat, columnMap, skipBadRows, replace, dateFormat, encoding);
    }

    public ImportRequest withSkipBadRows(boolean skip) {
        return new ImportRequest(file, format, columnMap, skip, replace, dateFormat, encoding);
    }

    public ImportRequest withReplace(boolean overwrite) {
        return new ImportRequest(file, format, columnMap, skipBadRows, overwrite, dateFormat, encoding);
    }

    public ImportRequest withColumnMap(Map<OrderField, String> map) {
        return new ImportRequest(file, format, map, skipBadRows, replace, dateFormat, encoding);
    }

    public ImportRequest withDateFormat(DateFormat dates) {
        return new ImportRequest(file, format, columnMap, skipBadRows, replace, dates, encoding);
    }

    public ImportRequest withEncoding(TextEncoding textEncoding) {
        return new ImportRequest(file, format, columnMap, skipBadRows, replace, dateFormat, textEncoding);
    }

    /** The file name alone, as it appears in messages. */
    public String fileName() {
        return file.getFileName().toString();
    }
}
