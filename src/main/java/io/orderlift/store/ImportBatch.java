package io.orderlift.store;

import java.time.Instant;

/** One past import, as recorded in the store. */
public record ImportBatch(int id, String file, String format, Instant importedAt, long rowsRead,
                          int orders, int ordersReplaced, int ordersUnchanged, int lines,
                          int products, int customers, int rowsSkipped, String checksum) {
}
