package io.orderlift.store;

import io.orderlift.common.ProgressMonitor;

/**
 * A line visitor that passes every line on and says, every 65,536 lines, how many of the store's lines
 * the read has visited, so a first read of millions of lines (7 to 8 s on a 10 M-line store) moves the
 * bar and can be cancelled instead of holding both still.
 */
final class ReadingProgress implements OrderHistory.LineVisitor {

    static final String MESSAGE = "Reading order lines";
    private static final int EVERY = 1 << 16;

    private final OrderHistory.LineVisitor visitor;
    private final ProgressMonitor monitor;
    private final long total;
    private long seen;

    private ReadingProgress(OrderHistory.LineVisitor visitor, ProgressMonitor monitor, long total) {
        this.visitor = visitor;
        this.monitor = monitor;
        this.total = Math.max(1, total);
    }

    /** A read of {@code total} lines begun: said to {@code monitor}, each line passed on to {@code visitor}. */
    static ReadingProgress begin(OrderHistory.LineVisitor visitor, ProgressMonitor monitor, long total) {
        ReadingProgress reading = new ReadingProgress(visitor, monitor, total);
        monitor.progress(MESSAGE, 0, reading.total);
        return reading;
    }

    @Override
    public void line(int orderId, int customerId, long orderedAt, int productId, int quantity) {
        visitor.line(orderId, customerId, orderedAt, productId, quantity);
        if ((++seen & (EVERY - 1)) == 0) {
            monitor.progress(MESSAGE, Math.min(seen, total), total);
        }
    }
}
