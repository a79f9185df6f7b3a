package io.orderlift.store;

import java.time.Instant;

/**
 * One past import, as recorded in the store.
 *
 * @param encoding the charset its text was read in (UTF-8, windows-1252, …); null for imports
 *                 recorded before the store kept it
 */
public record ImportBatch(int id, String file, String format, Instant importedAt, long rowsRead,
                          int orders, int ordersReplaced, int ordersUnchanged, int lines,
                          int products, int customers, int rowsSkipped, String checksum, String encoding) {

    /** Its format, with the encoding when the text was not read as UTF-8: "generic, windows-1252". */
    public String formatRead() {
        return encoding == null || "UTF-8".equals(encoding) ? format : format + ", " + encoding;
    }
}
