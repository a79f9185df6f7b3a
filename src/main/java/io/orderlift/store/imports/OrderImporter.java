package io.orderlift.store.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.csv.CsvRecord;

/**
 * Loads an order file into a store, all or nothing. The file is read and checked completely
 * first; only a file without problems (or with {@code skipBadRows}) is written ({@link StoreWriter}:
 * one transaction, or committed chunks behind a mark for a new store), so a bad row, a conflict,
 * an I/O failure, a cancel or a crash leaves the store as it was.
 */
public final class OrderImporter {

    /** Rows between two progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 8192;

    /**
     * Reads the first {@code rowLimit} rows of a file as the importer would, writing nothing. A
     * header that lacks required columns gives a preview whose problems say so, so the user can
     * map them.
     */
    public ImportPreview preview(ImportRequest request, int rowLimit) throws IOException {
        try (OrderFile file = new OrderFile(request)) {
            List<List<String>> rows = new ArrayList<>();
            List<OrderRow> parsed = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            CsvRecord record;
            while (rows.size() < rowLimit && (record = file.nextRecord()) != null) {
                rows.add(record.fields());
                if (file.parser() != null) {
                    OrderRow row = file.parser().parse(record, problems::add);
                    if (row != null) {
                        parsed.add(row);
                    }
                }
            }
            if (file.mappingProblem() != null) {
                problems.addAll(0, file.mappingProblem().problems());
            }
            Map<OrderField, String> columns = file.parser() != null ? file.mapping().columnNames()
                    : ColumnMapping.partial(file.header(), request.format(), request.columnMap());
            return new ImportPreview(file.header(), columns, rows, parsed, problems);
        }
    }

    /**
     * Imports {@code request.file()} into {@code store}.
     *
     * @throws ImportRejectedException when the file has problems (and skipping was not asked
     *                                 for) or holds orders that conflict with the store
     * @throws IOException             when the file cannot be read; the store is unchanged
     * @throws java.util.concurrent.CancellationException when {@code monitor} cancels; the store is unchanged
     */
    public ImportReport importFile(Store store, ImportRequest request, ProgressMonitor monitor) throws IOException {
        try (ParsedOrders parsed = new ParsedOrders(store.customerSalt())) {
            String checksum;
            try (OrderFile file = new OrderFile(request)) {
                if (file.mappingProblem() != null) {
                    throw file.mappingProblem();
                }
                read(file, parsed, monitor);
                checksum = file.checksum();
            }
            if (parsed.rowsRead == 0) {
                throw new ImportRejectedException(request.fileName(), List.of(new RowProblem(1, "", "",
                        "the file has a header but no order rows")), 1);
            }
            if (!parsed.problems.isEmpty() && !request.skipBadRows()) {
                throw new ImportRejectedException(request.fileName(), parsed.problems, parsed.problems.size());
            }
            if (parsed.orderCount() == 0) {
                throw new ImportRejectedException(request.fileName(), parsed.problems, parsed.problems.size());
            }
            return new StoreWriter(store, request, checksum, parsed, monitor).write();
        }
    }

    private static void read(OrderFile file, ParsedOrders parsed, ProgressMonitor monitor) throws IOException {
        RowParser parser = file.parser();
        CsvRecord record;
        while ((record = file.nextRecord()) != null) {
            parsed.rowsRead++;
            OrderRow row = parser.parse(record, parsed.problems::add);
            if (row != null) {
                parsed.add(row);
            }
            if (parsed.rowsRead % REPORT_EVERY == 0) {
                monitor.checkCancelled();
                monitor.progress("Reading " + file.fileName(), file.bytesRead(), file.size() * 2);
            }
        }
        monitor.progress("Reading " + file.fileName(), file.size(), file.size() * 2);
    }
}
