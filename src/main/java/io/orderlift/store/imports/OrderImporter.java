package io.orderlift.store.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.csv.CsvRecord;
import io.orderlift.store.csv.TextEncoding;

import static io.orderlift.store.db.Tables.ORDERS;

/**
 * Loads an order file into a store, all or nothing. Into a store with orders, the file is read and
 * checked completely first, and only a file without problems (or with {@code skipBadRows}) is
 * written, in one transaction ({@link StoreWriter}). Into an empty store, orders are written while
 * the file is read, behind a mark ({@link StreamingImport}), and the store is emptied again if the
 * file is rejected. Either way a bad row, a conflict, an I/O failure, a cancel or a crash leaves the
 * store as it was.
 */
public final class OrderImporter {

    private final boolean writeWhileReading;

    public OrderImporter() {
        this(true);
    }

    /** @param writeWhileReading false: also an empty store gets the two-pass write (tests compare both) */
    OrderImporter(boolean writeWhileReading) {
        this.writeWhileReading = writeWhileReading;
    }

    /** Rows between two progress reports and cancellation checks. */
    private static final int REPORT_EVERY = 8192;

    /**
     * The format {@code file}'s header is in ({@link ImportFormat#detect}), generic when neither is
     * complete (the import then names what is missing).
     */
    public ImportFormat detectFormat(Path file, TextEncoding encoding) throws IOException {
        try (OrderFile read = new OrderFile(ImportRequest.of(file).withEncoding(encoding))) {
            return ImportFormat.detect(read.header()).orElse(ImportFormat.GENERIC);
        }
    }

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
            Map<OrderField, String> columns = new EnumMap<>(OrderField.class);
            columns.putAll(file.parser() != null ? file.mapping().columnNames()
                    : ColumnMapping.partial(file.header(), request.format(), request.columnMap()));
            // other exports' names for the fields still unmapped: the dialog offers them, the user decides
            columns.putAll(ColumnGuesses.suggest(file.header(), columns));
            return new ImportPreview(file.header(), columns, rows, parsed, problems, file.charset().name(),
                    file.parser() != null ? file.parser().dateFormats() : List.of());
        }
    }

    /**
     * Imports {@code request.file()} into {@code store}. Into an empty store, the orders are written
     * while the file is read ({@link StreamingImport}); otherwise the file is read and checked
     * first and then written in one transaction.
     *
     * @throws ImportRejectedException when the file has problems (and skipping was not asked
     *                                 for) or holds orders that conflict with the store
     * @throws IOException             when the file cannot be read; the store is unchanged
     * @throws java.util.concurrent.CancellationException when {@code monitor} cancels; the store is unchanged
     */
    public ImportReport importFile(Store store, ImportRequest request, ProgressMonitor monitor) throws IOException {
        ImportReport report = importOrders(store, request, monitor);
        StoreQueries queries = new StoreQueries(store);
        if (queries.currency().isEmpty()) {
            report.mainCurrency().ifPresent(queries::setCurrency);
        }
        return report;
    }

    /**
     * What {@code report}'s currencies mean for the prices it read into {@code store}, whose currency is
     * settled by then ({@link ImportReport#currencyWarning}).
     */
    public static Optional<String> currencyWarning(Store store, ImportReport report) {
        return report.currencyWarning(new StoreQueries(store).currency().orElse(null));
    }

    private ImportReport importOrders(Store store, ImportRequest request, ProgressMonitor monitor) throws IOException {
        try (ParsedOrders parsed = new ParsedOrders(store.customerSalt())) {
            if (!writeWhileReading || !StoreWriter.isEmpty(store)) {
                return readThenWrite(store, request, parsed, monitor);
            }
            return exclusively(store, () -> StoreWriter.isEmpty(store)
                    ? readAndWrite(store, request, parsed, monitor)
                    : readThenWrite(store, request, parsed, monitor));
        }
    }

    private ImportReport readThenWrite(Store store, ImportRequest request, ParsedOrders parsed,
                                       ProgressMonitor monitor) throws IOException {
        String checksum = readAndCheck(request, parsed, monitor, null, store);
        return new StoreWriter(store, request, checksum, parsed, monitor).write();
    }

    private ImportReport readAndWrite(Store store, ImportRequest request, ParsedOrders parsed,
                                      ProgressMonitor monitor) throws IOException, SQLException {
        StreamingImport streaming = new StreamingImport(store, request, parsed, monitor);
        try {
            String checksum = readAndCheck(request, parsed, monitor, streaming, null);
            return streaming.complete(checksum, Files.size(request.file()));
        } catch (IOException | SQLException | RuntimeException | Error e) {
            try {
                streaming.abandon();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Reads the whole file into {@code parsed} and rejects it if it has problems; returns its checksum.
     *
     * @param streaming the writer of a streamed import (into an empty store), or null
     * @param stored    the store the file is compared with, when it may hold orders the file withdraws
     */
    private static String readAndCheck(ImportRequest request, ParsedOrders parsed, ProgressMonitor monitor,
                                       StreamingImport streaming, Store stored) throws IOException {
        String checksum;
        try (OrderFile file = new OrderFile(request)) {
            if (file.mappingProblem() != null) {
                throw file.mappingProblem();
            }
            read(file, parsed, monitor, streaming);
            checksum = file.checksum();
            parsed.encoding = file.charset().name();
        }
        if (parsed.rowsRead == 0) {
            throw new ImportRejectedException(request.fileName(), List.of(new RowProblem(1, "", "",
                    "the file has a header but no order rows")), 1);
        }
        if (!parsed.problems.isEmpty() && !request.skipBadRows()) {
            throw ImportRejectedException.badRows(request.fileName(), parsed.problems, parsed.problems.size(),
                    parsed.dateAdvice, parsed.dateAdvice == null && parsed.problems.size() < parsed.rowsRead);
        }
        if (parsed.orderCount() == 0 && parsed.problems.isEmpty() && !holdsAny(stored, parsed.ordersLeftOut.keySet())) {
            throw new ImportRejectedException(request.fileName(), List.of(new RowProblem(1, "", "", "every order in"
                    + " the file is cancelled, voided or refunded in full ("
                    + Counted.of(parsed.ordersLeftOut.size(), "order") + "); nothing was bought")), 1);
        }
        if (parsed.orderCount() == 0 && !parsed.problems.isEmpty()) {
            throw new ImportRejectedException(request.fileName(), parsed.problems, parsed.problems.size());
        }
        return checksum;
    }

    /** Whether {@code store} (null: none) holds one of the orders {@code orderIds}, which the file withdraws. */
    private static boolean holdsAny(Store store, Collection<String> orderIds) {
        return store != null && !orderIds.isEmpty()
                && store.read(ctx -> ctx.fetchExists(ORDERS, ORDERS.EXTERNAL_ID.in(orderIds)));
    }

    private static void read(OrderFile file, ParsedOrders parsed, ProgressMonitor monitor,
                             StreamingImport streaming) throws IOException {
        RowParser parser = file.parser();
        parsed.mapping = file.mapping();
        CsvRecord record;
        while ((record = file.nextRecord()) != null) {
            parsed.rowsRead++;
            OrderRow row = parser.parse(record, parsed.problems::add);
            if (row != null) {
                parsed.add(row);
            }
            if (parsed.rowsRead % REPORT_EVERY == 0) {
                monitor.checkCancelled();
                if (streaming != null) {
                    handOver(streaming, file.bytesRead());
                }
                // while writing as it reads, both halves of the bar move together
                long written = streaming == null ? 0 : streaming.bytesWritten();
                monitor.progress("Reading " + file.fileName(), file.bytesRead() + written, file.size() * 2);
            }
        }
        parsed.dateAdvice = parser.dateAdvice().orElse(null);
        parsed.ordersLeftOut = parser.ordersLeftOut();
        parsed.linesKeyedByTitle = parser.linesKeyedByTitle();
        parsed.ordersByCurrency = parser.ordersByCurrency();
        long written = streaming == null ? 0 : streaming.bytesWritten();
        monitor.progress("Reading " + file.fileName(), file.size() + written, file.size() * 2);
    }

    private static void handOver(StreamingImport streaming, long bytesRead) {
        try {
            streaming.handOver(bytesRead);
        } catch (SQLException e) {
            throw new StoreException("The import could not be written: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} holding the store exclusively, with a cache for bulk writes, its exceptions as they are. */
    private static ImportReport exclusively(Store store, Callable<ImportReport> work) throws IOException {
        try {
            return store.exclusivelyWithSmallCache(work);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException("The import could not be written: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
