package io.orderlift.store.imports;

import java.util.List;
import java.util.Map;

/**
 * The first rows of a file as the importer would read them, shown before anything is written.
 *
 * @param header   the file's header names
 * @param columns  which header column each field is read from, or would be: where the file lacks a
 *                 field's own column, one that other exports give it ({@link ColumnGuesses})
 * @param rows     the first raw rows (fields as in the file)
 * @param parsed   the first rows as the importer reads them (only the good ones)
 * @param problems problems among the first rows
 * @param encoding the charset those rows were read in (detecting, {@code windows-1252} once a row is not UTF-8)
 * @param dateFormats the date formats that read every order time of those rows that is not ISO-8601
 *                 (month first before day first); empty when all are ISO or no common format reads them
 */
public record ImportPreview(List<String> header, Map<OrderField, String> columns, List<List<String>> rows,
                            List<OrderRow> parsed, List<RowProblem> problems, String encoding,
                            List<String> dateFormats) {

    public ImportPreview {
        header = List.copyOf(header);
        columns = Map.copyOf(columns);
        rows = List.copyOf(rows);
        parsed = List.copyOf(parsed);
        problems = List.copyOf(problems);
        dateFormats = List.copyOf(dateFormats);
    }
}
