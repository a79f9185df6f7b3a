package io.orderlift.store.imports;

import java.util.List;
import java.util.Map;

/**
 * The first rows of a file as the importer would read them, shown before anything is written.
 *
 * @param header   the file's header names
 * @param columns  which header column each field is read from
 * @param rows     the first raw rows (fields as in the file)
 * @param parsed   the first rows as the importer reads them (only the good ones)
 * @param problems problems among the first rows
 */
public record ImportPreview(List<String> header, Map<OrderField, String> columns, List<List<String>> rows,
                            List<OrderRow> parsed, List<RowProblem> problems) {

    public ImportPreview {
        header = List.copyOf(header);
        columns = Map.copyOf(columns);
        rows = List.copyOf(rows);
        parsed = List.copyOf(parsed);
        problems = List.copyOf(problems);
    }
}
