package io.orderlift.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * Writes a file's orders into an empty store while the file is still being read. The reader hands
 * over complete orders ({@link OrderChunk}); a thread of this writer's own inserts them with their
 * lines and new customers on one connection, committing every {@value OrderRows#BATCH} rows.
 * H2 writes about as fast from one connection as from two, so the gain is the reading done
 * meanwhile on the other core.
 *
 * <p>Ids are those the two-pass write would give an empty store: orders, products and customers
 * numbered from 1 in order of first appearance, lines consecutively per order, batch {@value
 * #BATCH_ID}. The {@link Store#IMPORT_IN_PROGRESS} mark is committed before the first row; whoever
 * {@linkplain #abandon() abandons} the writer empties the store again ({@link
 * Store#discardInterruptedImport()}), and a crash leaves the mark for the next open to do so.
 */
final class StreamingWriter {

    /** The import batch id of the first import into a store. */
    static final int BATCH_ID = 1;
    private static final OrderChunk END = new OrderChunk(-1, List.of(), new int[0], new long[0], new long[0],
            new int[0], new long[0], new int[] {0}, new int[0], new int[0], new long[0], 0);

    private final ParsedOrders parsed;
    private final Connection connection;
    private final BlockingQueue<OrderChunk> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean abandoned;
    private volatile long bytesWritten;
    private int customersAdded;

    private StreamingWriter(ParsedOrders parsed, Connection connection) {
        this.parsed = parsed;
        this.connection = connection;
        this.thread = new Thread(this::run, "orderlift-import-writer");
        thread.setDaemon(true);
    }

    /** Sets the mark and starts the writing thread; {@code store} must be empty and held exclusively. */
    static StreamingWriter start(Store store, ParsedOrders parsed, String fileName) throws SQLException {
        store.putSetting(Store.IMPORT_IN_PROGRESS, fileName);
        Connection connection = store.connection();
        connection.setAutoCommit(false);
        StreamingWriter writer = new StreamingWriter(parsed, connection);
        writer.thread.start();
        return writer;
    }

    /** Queues complete orders, waiting while the writer is several chunks behind; rethrows its failure. */
    void offer(OrderChunk chunk) {
        rethrowFailure();
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** How far into the file the written orders reach, in bytes. */
    long bytesWritten() {
        return bytesWritten;
    }

    /** Waits up to {@code millis} for the writer to end; true once it has written everything queued before {@link #finish}. */
    boolean awaitDone(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /**
     * Ends the queue; the caller then waits with {@link #awaitDone} and calls {@link #customersAdded()}.
     */
    void finish() {
        offer(END);
    }

    /** Customers the writer added, once it is done; rethrows its failure. */
    int customersAdded() {
        join();
        rethrowFailure();
        return customersAdded;
    }

    /** Stops the writer and waits for it; what it wrote stays until the caller empties the store. */
    void abandon() {
        abandoned = true;
        queue.clear();
        queue.offer(END);
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new StoreException("The import could not be written: " + t.getMessage(), t);
        }
    }

    private void run() {
        try (connection;
             PreparedStatement orders = connection.prepareStatement(OrderRows.ORDER_INSERT);
             PreparedStatement lines = connection.prepareStatement(OrderRows.LINE_INSERT);
             PreparedStatement customers = connection.prepareStatement(OrderRows.CUSTOMER_INSERT)) {
            Rows rows = new Rows(orders, lines, customers);
            OrderChunk chunk;
            while ((chunk = queue.take()) != END && !abandoned) {
                rows.write(chunk);
                bytesWritten = chunk.bytesRead();
            }
            if (!abandoned) {
                rows.flush();
                customersAdded = rows.customerIds.size();
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        }
    }

    /** The writer thread's state: statements, ids given so far, rows not yet committed. */
    private final class Rows {
        private final PreparedStatement orders;
        private final PreparedStatement lines;
        private final PreparedStatement customers;
        /** Customer id by the file's customer index; 0 until first seen. */
        private final IntArrayList idOfCustomer = new IntArrayList();
        private final Object2IntOpenHashMap<String> customerIds = new Object2IntOpenHashMap<>();
        private long nextLineId = 1;
        private int pending;

        Rows(PreparedStatement orders, PreparedStatement lines, PreparedStatement customers) {
            this.orders = orders;
            this.lines = lines;
            this.customers = customers;
            customerIds.defaultReturnValue(-1);
        }

        void write(OrderChunk chunk) throws SQLException {
            for (int i = 0; i < chunk.orders() && !abandoned; i++) {
                int orderId = chunk.firstOrder() + i + 1;
                int from = chunk.lineStart()[i];
                int to = chunk.lineStart()[i + 1];
                new OrderRows.StoredOrder(orderId, chunk.externalIds().get(i), customerId(chunk.customer()[i]),
                        chunk.orderedAt()[i], chunk.itemCount()[i], chunk.value()[i], nextLineId, to - from,
                        chunk.contentHash()[i], BATCH_ID).bind(orders);
                orders.addBatch();
                for (int k = from; k < to; k++) {
                    new OrderRows.StoredLine(nextLineId++, orderId, chunk.product()[k] + 1, chunk.quantity()[k],
                            chunk.unitPrice()[k]).bind(lines);
                    lines.addBatch();
                }
                pending += 1 + to - from;
                if (pending >= OrderRows.BATCH) {
                    flush();
                }
            }
        }

        /** The store id of the file's customer {@code customer} (-1: guest), inserting it when new. */
        private int customerId(int customer) throws SQLException {
            if (customer < 0) {
                return -1;
            }
            while (idOfCustomer.size() <= customer) {
                idOfCustomer.add(0);
            }
            int id = idOfCustomer.getInt(customer);
            if (id != 0) {
                return id;
            }
            String key = parsed.customerKey(customer);
            if (key == null) {
                id = -1;
            } else {
                id = customerIds.getInt(key);
                if (id < 0) {
                    id = customerIds.size() + 1;
                    customerIds.put(key, id);
                    new OrderRows.StoredCustomer(id, key).bind(customers);
                    customers.addBatch();
                    pending++;
                }
            }
            idOfCustomer.set(customer, id);
            return id;
        }

        void flush() throws SQLException {
            customers.executeBatch();
            orders.executeBatch();
            lines.executeBatch();
            connection.commit();
            pending = 0;
        }
    }
}
