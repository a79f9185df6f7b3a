package io.orderlift.store.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;

/**
 * An import into an empty store that writes while it reads: as long as the file lists each order's
 * lines together (exports do), every order but the last one read is complete, and the reader hands
 * complete orders to a {@link StreamingWriter} every few thousand rows. A file that turns out
 * otherwise (an order's lines spread out), or that has problems the import will reject, stops the
 * writer; once the whole file is read and checked, the store is emptied again and written the
 * two-pass way ({@link StoreWriter}). The caller holds the store exclusively throughout.
 */
final class StreamingImport {

    /** Poll interval while waiting for the writer, for progress and cancel. */
    private static final long POLL_MILLIS = 50;

    private final Store store;
    private final ImportRequest request;
    private final ParsedOrders parsed;
    private final ProgressMonitor monitor;
    private StreamingWriter writer;
    private boolean wroteSomething;
    private boolean stopped;
    private int handedOver;

    StreamingImport(Store store, ImportRequest request, ParsedOrders parsed, ProgressMonitor monitor) {
        this.store = store;
        this.request = request;
        this.parsed = parsed;
        this.monitor = monitor;
    }

    /** Called by the reader between rows: hands the complete orders read so far to the writer. */
    void handOver(long bytesRead) throws SQLException {
        if (stopped) {
            return;
        }
        if (!parsed.grouped() || (!parsed.problems.isEmpty() && !request.skipBadRows())) {
            stop();
            return;
        }
        int complete = parsed.orderCount() - 1;
        if (complete > handedOver) {
            writer().offer(parsed.chunk(handedOver, complete, bytesRead));
            handedOver = complete;
        }
    }

    /** How far into the file the written orders reach, in bytes (0 when not writing). */
    long bytesWritten() {
        return writer == null || stopped ? 0 : writer.bytesWritten();
    }

    /**
     * After the whole file was read and checked: hands over the rest, waits for the writer and
     * completes the import; or, when streaming stopped, empties the store and writes the two-pass way.
     */
    ImportReport complete(String checksum, long fileSize) throws SQLException {
        if (stopped || !parsed.grouped()) {
            abandon();
            return new StoreWriter(store, request, checksum, parsed, monitor).write();
        }
        StreamingWriter streaming = writer();
        if (parsed.orderCount() > handedOver) {
            streaming.offer(parsed.chunk(handedOver, parsed.orderCount(), fileSize));
            handedOver = parsed.orderCount();
        }
        streaming.finish();
        while (!awaitDone(streaming)) {
            monitor.progress("Writing orders", fileSize + streaming.bytesWritten(), fileSize * 2);
            monitor.checkCancelled();
        }
        int customers = streaming.customersAdded();
        monitor.progress("Writing orders", fileSize * 2, fileSize * 2);
        monitor.checkCancelled();
        monitor.progress("Committing", fileSize * 2, fileSize * 2);
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            return new StoreWriter(store, request, checksum, parsed, monitor).finishStreamed(connection, customers);
        }
    }

    /** Undoes whatever was written: after a failure, a cancel or a rejected file. */
    void abandon() {
        stop();
        if (wroteSomething) {
            store.discardInterruptedImport();
            wroteSomething = false;
        }
    }

    private StreamingWriter writer() throws SQLException {
        if (writer == null) {
            wroteSomething = true;
            writer = StreamingWriter.start(store, parsed, request.fileName());
        }
        return writer;
    }

    private void stop() {
        stopped = true;
        if (writer != null) {
            writer.abandon();
        }
    }

    private static boolean awaitDone(StreamingWriter streaming) {
        try {
            return streaming.awaitDone(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
